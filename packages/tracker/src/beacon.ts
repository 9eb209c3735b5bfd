import type { ProgressOffset } from './tracking-set.js';

/**
 * The device a server-side beacon is sent for (SSAI): the HTTP transport turns it into the
 * `X-Device-*` headers when `ssaiHeaders` is on.
 */
export interface BeaconRequestContext {
  /** The viewer device's IP address: `X-Device-IP`. */
  readonly deviceIp?: string;
  /** The viewer device's user agent: `X-Device-User-Agent`. */
  readonly deviceUserAgent?: string;
  /** The page or app the ad plays in: `X-Device-Referer`. */
  readonly deviceReferer?: string;
  /** The device's language preference: `X-Device-Accept-Language`. */
  readonly deviceAcceptLanguage?: string;
  /** The app id of a web view: `X-Device-Requested-With`. */
  readonly deviceRequestedWith?: string;
  /** Further headers for this device's beacons, by header name. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One tracking request the tracker wants made. */
export interface Beacon {
  /** Unique within its tracker: `<sequence>` from 1. */
  readonly id: number;
  /** The event: `impression`, `error`, `clickTracking`, or a VAST tracking event name. */
  readonly event: string;
  /** The URL to call, macros expanded. */
  readonly url: string;
  /** The URL as written in the VAST document. */
  readonly template: string;
  /** Which ad of the chain it comes from: 0 the inline ad, 1 its innermost wrapper, and so on. */
  readonly level: number;
  /** For `progress` beacons, the offset that fired it. */
  readonly offset?: ProgressOffset;
  /** For error beacons, the VAST error code. */
  readonly errorCode?: number;
  /** When the tracker produced it (milliseconds of its clock). */
  readonly time: number;
  /** The device it is sent for, if any. */
  readonly requestContext?: BeaconRequestContext;
}
