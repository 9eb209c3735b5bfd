import { brand, hasBrand } from './brand.js';

/**
 * Why a fetch of an ad tag failed:
 * - `invalid-url`: the URL does not parse;
 * - `unsupported-scheme`: not `http:` or `https:` (also for a redirect to such a URL);
 * - `blocked`: the SSRF guard refused the address (the cause is an `SsrfBlockedError`);
 * - `timeout`: the per-hop timeout elapsed; `budget`: the whole-chain budget ran out;
 * - `http-status`: a status other than 2xx or a followed redirect;
 * - `network`: DNS failure, refused or reset connection, malformed response;
 * - `too-large`: the body went past the byte cap;
 * - `too-many-redirects` and `redirect-loop`: redirect limits;
 * - `overloaded`: the client refused the request because it could not be served within its
 *   budget (too much work already queued for the origin); no connection was used for it.
 */
export type FetchErrorKind =
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'blocked'
  | 'timeout'
  | 'budget'
  | 'http-status'
  | 'network'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'overloaded';

/**
 * The stable code of a {@link FetchError}, one per {@link FetchErrorKind}: `FETCH_` and the kind in
 * capitals, dashes as underscores (`http-status` is `FETCH_HTTP_STATUS`).
 */
export type FetchErrorCode =
  | 'FETCH_INVALID_URL'
  | 'FETCH_UNSUPPORTED_SCHEME'
  | 'FETCH_BLOCKED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_BUDGET'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_NETWORK'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_REDIRECT_LOOP'
  | 'FETCH_OVERLOADED';

const FETCH_ERROR_CODES: { readonly [K in FetchErrorKind]: FetchErrorCode } = {
  'invalid-url': 'FETCH_INVALID_URL',
  'unsupported-scheme': 'FETCH_UNSUPPORTED_SCHEME',
  blocked: 'FETCH_BLOCKED',
  timeout: 'FETCH_TIMEOUT',
  budget: 'FETCH_BUDGET',
  'http-status': 'FETCH_HTTP_STATUS',
  network: 'FETCH_NETWORK',
  'too-large': 'FETCH_TOO_LARGE',
  'too-many-redirects': 'FETCH_TOO_MANY_REDIRECTS',
  'redirect-loop': 'FETCH_REDIRECT_LOOP',
  overloaded: 'FETCH_OVERLOADED',
};

const BRAND = Symbol.for('@vast/client.FetchError');

/**
 * A failed HTTP fetch of a VAST document. The resolver reports it as IAB error 301 (wrapper URI
 * unavailable or timed out) with this error as the cause; {@link FetchError.code} (or
 * {@link FetchError.kind}, the same fact in the words of the client's events) says why. Test an
 * unknown value with {@link isFetchError}.
 *
 * @example
 * ```ts
 * const failure = resolution.failures[0];
 * if (failure !== undefined && isFetchError(failure.error.cause) && failure.error.cause.code === 'FETCH_TIMEOUT') {
 *   console.warn('slow ad server', failure.error.cause.url);
 * }
 * ```
 */
export class FetchError extends Error {
  /** A stable code that does not change between releases, one per {@link FetchError.kind}. */
  readonly code: FetchErrorCode;
  /** Why the fetch failed. */
  readonly kind: FetchErrorKind;
  /** The URL being fetched when it failed (after any redirects). */
  readonly url: string;
  /** The HTTP status, for `http-status` failures. */
  readonly status: number | undefined;

  /**
   * @param kind - why the fetch failed
   * @param url - the URL being fetched
   * @param message - what happened, for people
   * @param options - the HTTP status and the underlying error, when there is one
   */
  constructor(kind: FetchErrorKind, url: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FetchError';
    this.code = FETCH_ERROR_CODES[kind];
    this.kind = kind;
    this.url = url;
    this.status = options.status;
    brand(this, BRAND);
  }
}

/**
 * Whether a value is a {@link FetchError}, also when it comes from another installed copy of
 * `@vast/client` (it tests the `Symbol.for('@vast/client.FetchError')` brand).
 *
 * @param value - anything, such as the `cause` of a 301 `VastError`
 * @returns `true` for a failed fetch
 */
export function isFetchError(value: unknown): value is FetchError {
  return hasBrand(value, BRAND);
}
