/**
 * A fault the mock server injects instead of (or while) answering normally.
 *
 * - `hang`: reads the request and never answers, until the server is closed.
 * - `reset`: reads the request and resets the connection without an HTTP response.
 * - `oversized`: answers `200` and streams `bytes` bytes of filler (chunked, no `Content-Length`
 *   unless `declareLength` is set), so a client must enforce its byte cap while reading.
 * - `redirect-loop`: answers a redirect whose `Location` is the request's own path and query.
 */
export type MockFault =
  | { readonly type: 'hang' }
  | { readonly type: 'reset' }
  | {
      readonly type: 'oversized';
      /** Total bytes streamed. */
      readonly bytes: number;
      /** Size of each written chunk. @defaultValue 65536 */
      readonly chunkBytes?: number;
      /** Send a `Content-Length` header announcing `bytes`. @defaultValue false */
      readonly declareLength?: boolean;
    }
  | { readonly type: 'redirect-loop'; /** Redirect status. @defaultValue 302 */ readonly status?: number };

/**
 * One answer of the mock server to one request.
 *
 * @example
 * ```ts
 * const slowNotFound: MockResponse = { status: 404, delayMs: 200 };
 * const vast: MockResponse = { body: '<VAST version="4.2"/>' };
 * ```
 */
export interface MockResponse {
  /** HTTP status. @defaultValue 200 */
  readonly status?: number;
  /** Response body; a string is sent as UTF-8. @defaultValue empty */
  readonly body?: string | Uint8Array;
  /**
   * Extra response headers. A `content-type` is added for non-empty bodies when none is given
   * (`application/xml; charset=utf-8`).
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this many milliseconds (of the server's clock) before answering. @defaultValue 0 */
  readonly delayMs?: number;
  /** A fault to inject; see {@link MockFault}. */
  readonly fault?: MockFault;
}

/**
 * What a route answers: a string is a `200` with that body (a VAST document); one
 * {@link MockResponse} answers every request; an array is a sequence (the first request gets the
 * first entry, and so on; once exhausted, the last entry repeats).
 */
export type MockRoute = string | MockResponse | readonly MockResponse[];
