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
 * - `null-transport`: the transport discards everything on purpose;
 * - `expired`: it waited in a durable queue longer than its retry window (`@vast/beacon-queue`).
 */
export type BeaconDropReason = 'unsupported-scheme' | 'invalid-url' | 'transport-closed' | 'queue-full' | 'null-transport' | 'expired';

/**
 * What happened to one beacon: delivered (`sent`, with the HTTP status), tried and not delivered
 * (`failed`, with a reason), never tried (`dropped`, with a reason), kept without sending
 * (`recorded`, by the dry-run transport), or accepted by a durable queue that delivers it later
 * (`queued`, by `@vast/beacon-queue`: its final outcome comes from the queue's worker).
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
    }
  | {
      /** Accepted by a durable queue (stored in Redis); delivered later by a worker. */
      readonly kind: 'queued';
      /** The beacon. */
      readonly beacon: Beacon;
      /** The idempotency key it was queued under: one delivery per key. */
      readonly key: string;
    };

/** Receives each beacon outcome as it is known. */
export type BeaconOutcomeListener = (outcome: BeaconOutcome) => void;

/** Whether `url.slice(from, to)` is a hexadecimal number as a host label (`0x`, `0X1f`): the parser reads such a host as IPv4. */
function isHexNumber(url: string, from: number, to: number): boolean {
  if (to - from < 2 || url.charCodeAt(from) !== 48 || (url.charCodeAt(from + 1) | 32) !== 120) return false;
  for (let i = from + 2; i < to; i++) {
    const c = url.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Whether a URL is one every WHATWG URL parser accepts as http(s), decided from its start alone:
 * for these schemes only the authority can make parsing fail (the path, query and fragment are
 * escaped, never refused). Accepted here: `http://` or `https://` in lower case, then a host of
 * ASCII letters, digits, dots and hyphens whose last label has a letter and is no hexadecimal
 * number (so it is not read as an IPv4 address) and that holds no punycode (`xn--`, which the parser may refuse), then an optional
 * port of at most four digits, then the end or one of `/ ? # \`. Anything else goes through
 * `new URL` to decide.
 */
function isPlainHttpUrl(url: string): boolean {
  let i: number;
  if (url.startsWith('https://')) i = 8;
  else if (url.startsWith('http://')) i = 7;
  else return false;
  const hostStart = i;
  let labelStart = i;
  let labelHasLetter = false;
  let hyphens = 0;
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 92 || c === 58) break; // / ? # \ :
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      labelHasLetter = true;
      hyphens = 0;
    } else if (c >= 48 && c <= 57) hyphens = 0;
    else if (c === 45) {
      // "xn--" anywhere in the host: let the parser judge the punycode.
      if (++hyphens === 2 && (url.charCodeAt(i - 2) | 32) === 110 && (url.charCodeAt(i - 3) | 32) === 120) return false;
    } else if (c === 46) {
      labelStart = i + 1;
      labelHasLetter = false;
      hyphens = 0;
    } else return false;
  }
  if (i === hostStart || !labelHasLetter || isHexNumber(url, labelStart, i)) return false;
  if (url.charCodeAt(i) === 58) {
    const portStart = ++i;
    while (i < url.length && url.charCodeAt(i) >= 48 && url.charCodeAt(i) <= 57) i++;
    if (i === portStart || i - portStart > 4) return false;
  }
  if (i === url.length) return true;
  const c = url.charCodeAt(i);
  return c === 47 || c === 63 || c === 35 || c === 92;
}

/**
 * Checks that a URL may be called: it must parse and use http or https.
 *
 * @param beacon - the beacon to check
 * @returns a `dropped` outcome when it may not be called, otherwise `undefined`
 */
export function checkBeaconUrl(beacon: Beacon): BeaconOutcome | undefined {
  // Most beacons are plain http(s) URLs with a named host: no need to build a URL to know that.
  if (isPlainHttpUrl(beacon.url)) return undefined;
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
