import type { IncomingMessage } from 'node:http';

/**
 * A request's body as UTF-8, its first `max` bytes recorded and the rest read and discarded (so
 * the client is never stalled); a request that announces no body is not waited for.
 * @internal
 */
export async function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return '';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < max) chunks.push(chunk.subarray(0, max - size));
    size += chunk.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}
