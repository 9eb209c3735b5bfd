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
 * A failed HTTP fetch of a VAST document. The resolver reports it as IAB error 301 (wrapper URI
 * unavailable or timed out) with this error as the cause; {@link FetchError.kind} says why.
 */
export class FetchError extends Error {
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
    this.kind = kind;
    this.url = url;
    this.status = options.status;
  }
}
