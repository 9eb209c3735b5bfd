import type { Exchange } from './exchange.js';
import type { MockResponse } from './mock-response.js';
import { sendFault } from './send-fault.js';

/**
 * Sends one answer: its fault if it has one, otherwise its status, headers and body (with a
 * `content-length`, and an XML `content-type` for a non-empty body that names none).
 * @internal
 */
export async function respond(exchange: Exchange, answer: MockResponse): Promise<void> {
  if (answer.fault !== undefined) return sendFault(exchange, answer.fault, answer);
  const { res } = exchange;
  const body = answer.body ?? '';
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers: Record<string, string> = { ...answer.headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (bytes.length > 0 && !hasType) headers['content-type'] = 'application/xml; charset=utf-8';
  headers['content-length'] = String(bytes.length);
  res.writeHead(answer.status ?? 200, headers);
  res.end(bytes);
}
