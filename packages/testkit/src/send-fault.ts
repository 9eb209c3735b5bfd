import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from './exchange.js';
import type { MockFault, MockResponse } from './mock-response.js';

/** Resolves when the server closes or the client goes away, whichever comes first. */
function untilClosed(req: IncomingMessage, closing: AbortSignal): Promise<void> {
  return new Promise<void>((done) => {
    const stop = (): void => {
      closing.removeEventListener('abort', stop);
      req.socket.off('close', stop);
      done();
    };
    if (closing.aborted) return stop();
    closing.addEventListener('abort', stop);
    req.socket.on('close', stop);
  });
}

/** Resolves when `res` can take more data or is closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((done) => {
    const go = (): void => {
      res.off('drain', go);
      res.off('close', go);
      done();
    };
    res.on('drain', go);
    res.on('close', go);
  });
}

/** Streams `fault.bytes` bytes of filler, as fast as the client reads, until done or closed. */
async function streamOversized(
  res: ServerResponse,
  fault: Extract<MockFault, { type: 'oversized' }>,
  answer: MockResponse,
  closing: AbortSignal,
): Promise<void> {
  const chunk = Buffer.alloc(fault.chunkBytes ?? 65536, 0x20);
  res.writeHead(answer.status ?? 200, {
    'content-type': 'application/xml; charset=utf-8',
    ...(fault.declareLength ? { 'content-length': String(fault.bytes) } : {}),
    ...answer.headers,
  });
  let left = fault.bytes;
  while (left > 0 && !res.destroyed && !closing.aborted) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drained(res);
  }
  res.end();
}

/**
 * Answers a request with a fault (see {@link MockFault}) in place of a normal response.
 * @internal
 */
export async function sendFault(exchange: Exchange, fault: MockFault, answer: MockResponse): Promise<void> {
  const { req, res, target, closing } = exchange;
  switch (fault.type) {
    case 'hang':
      await untilClosed(req, closing);
      req.socket.destroy();
      return;
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'redirect-loop':
      res.writeHead(fault.status ?? 302, { location: target, ...answer.headers });
      res.end();
      return;
    case 'oversized':
      await streamOversized(res, fault, answer, closing);
      return;
  }
}
