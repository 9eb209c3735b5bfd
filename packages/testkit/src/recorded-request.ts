import type { IncomingHttpHeaders } from 'node:http';

/** One request the mock server received, as recorded before it answered. */
export interface RecordedRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path without the query string, e.g. `/track/start`. */
  readonly path: string;
  /** The request target as sent: path and query string. */
  readonly url: string;
  /** Query parameters, decoded; a repeated name keeps its last value. */
  readonly query: Readonly<Record<string, string>>;
  /** Request headers (lower-case names) as Node parsed them. */
  readonly headers: IncomingHttpHeaders;
  /** When the request was received, in milliseconds of the server's clock (`TimeProvider.now()`). */
  readonly time: number;
  /** The request body as UTF-8 text (empty for bodiless requests). */
  readonly body: string;
}
