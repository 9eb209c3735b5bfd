import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request being answered by the mock server. @internal */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The request's path and query, as sent (where a redirect loop points). */
  readonly target: string;
  /** Aborted when the server closes: ends hangs, delays and streams. */
  readonly closing: AbortSignal;
}
