import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An HTTP server listening on 127.0.0.1. @internal */
export interface LoopbackServer {
  /** The port it listens on (a free one, chosen by the system). */
  readonly port: number;
  /** Stops listening and destroys every open socket, hung requests included. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 and a free port. A request whose handler fails (a delay or
 * hang aborted by the close, a client gone mid-answer) has its socket destroyed.
 * @internal
 */
export async function listenOnLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Closing aborts delays and hangs; a client may also go away mid-answer.
      req.socket.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
    },
  };
}
