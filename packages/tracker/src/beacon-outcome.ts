import type { Beacon } from './beacon.js';

/**
 * Why a beacon was not delivered although it was tried:
 * - `http-status`: the server answered 4xx or 5xx (5xx after the retries);
 * - `timeout`: no answer within the per-beacon timeout;
 * - `network`: connection refused or reset, DNS failure and the like (after the retries);
 * - `aborted`: the caller's signal aborted it.
 */
export type BeaconFailureReason = 'http-status' | 'timeout' | 'network' | 'aborted';

/**
 * Why a beacon was never tried:
 * - `unsupported-scheme`: not an http or https URL;
 * - `invalid-url`: not a URL at all after expansion;
 * - `transport-closed`: the transport was closed;
 * - `queue-full`: too many beacons waiting;
 * - `null-transport`: the transport discards everything on purpose.
 */
export type BeaconDropReason = 'unsupported-scheme' | 'invalid-url' | 'transport-closed' | 'queue-full' | 'null-transport';

/**
 * What happened to one beacon: delivered (`sent`, with the HTTP status), tried and not delivered
 * (`failed`, with a reason), never tried (`dropped`, with a reason), or kept without sending
 * (`recorded`, by the dry-run transport).
 */
export type BeaconOutcome =
  | {
      /** Delivered: the server answered below 400. */
      readonly kind: 'sent';
      /** The beacon. */
      readonly beacon: Beacon;
      /** The final HTTP status. */
      readonly status: number;
      /** How many requests it took (1 without retries). */
      readonly attempts: number;
    }
  | {
      /** Tried and not delivered. */
      readonly kind: 'failed';
      /** The beacon. */
      readonly beacon: Beacon;
      /** Why. */
      readonly reason: BeaconFailureReason;
      /** A human-readable explanation. */
      readonly message: string;
      /** The last HTTP status, for `http-status`. */
      readonly status?: number;
      /** How many requests were made. */
      readonly attempts: number;
    }
  | {
      /** Never tried. */
      readonly kind: 'dropped';
      /** The beacon. */
      readonly beacon: Beacon;
      /** Why. */
      readonly reason: BeaconDropReason;
      /** A human-readable explanation. */
      readonly message: string;
    }
  | {
      /** Kept by a recording transport; not sent. */
      readonly kind: 'recorded';
      /** The beacon. */
      readonly beacon: Beacon;
    };

/** Receives each beacon outcome as it is known. */
export type BeaconOutcomeListener = (outcome: BeaconOutcome) => void;

/**
 * An http(s) URL every WHATWG URL parser accepts: a host of letters, digits, dots and hyphens whose
 * last label has a letter (so it is not read as an IPv4 address) and that holds no punycode
 * (`xn--`, which the parser may refuse), a port of at most four digits, then only printable ASCII. Anything else goes through `new URL` to decide.
 */
const PLAIN_HTTP_URL = /^https?:\/\/(?![^/?#]*xn--)(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*(?::[0-9]{1,4})?(?:[/?#][\x21-\x7e]*)?$/i;

/**
 * Checks that a URL may be called: it must parse and use http or https.
 *
 * @param beacon - the beacon to check
 * @returns a `dropped` outcome when it may not be called, otherwise `undefined`
 */
export function checkBeaconUrl(beacon: Beacon): BeaconOutcome | undefined {
  // Most beacons are plain http(s) URLs with a named host: no need to build a URL to know that.
  if (PLAIN_HTTP_URL.test(beacon.url)) return undefined;
  const parsed = parseBeaconUrl(beacon);
  return parsed instanceof URL ? undefined : parsed;
}

/**
 * Parses a beacon URL and checks that it may be called.
 *
 * @param beacon - the beacon to check
 * @returns the parsed http(s) URL, or the `dropped` outcome
 * @internal
 */
export function parseBeaconUrl(beacon: Beacon): URL | BeaconOutcome {
  let url: URL;
  try {
    url = new URL(beacon.url);
  } catch {
    return { kind: 'dropped', beacon, reason: 'invalid-url', message: `not a URL: ${beacon.url}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      kind: 'dropped',
      beacon,
      reason: 'unsupported-scheme',
      message: `only http and https beacons are sent, not ${url.protocol}`,
    };
  }
  return url;
}
