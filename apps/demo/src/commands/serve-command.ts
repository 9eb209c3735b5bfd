import { writeLines, type CliIo } from '../cli-io.js';
import { startBundledAdServer } from '../bundled-ad-server.js';
import { formatTable } from '../format-table.js';

/**
 * `serve`: runs the `@vast/testkit` mock ad server with the bundled documents on 127.0.0.1,
 * prints their URLs and where beacons go, and keeps serving until Ctrl-C (SIGINT) or SIGTERM;
 * then closes the server and prints how many requests it answered.
 *
 * @param io - where to write, and what stops the server
 * @returns 0 once stopped
 */
export async function serveCommand(io: CliIo & Required<Pick<CliIo, 'untilStopped'>>): Promise<number> {
  const { server, tag, documents } = await startBundledAdServer();
  try {
    writeLines(io.out, [
      `Mock ad server (@vast/testkit) on ${server.origin}`,
      `Ad tag: ${tag}`,
      '',
      'Documents:',
      ...formatTable(documents.map((d) => [server.url(d.path), d.description])),
      `Beacons: ${server.url('/track/')}<level>/<event> answer 204`,
      '',
      `Try: vast play ${tag} --allow-private-network`,
      'Press Ctrl-C to stop.',
    ]);
    const signal = await io.untilStopped();
    writeLines(io.out, [`${signal}: stopping after ${server.received().length} request(s).`]);
    return 0;
  } finally {
    await server.close();
  }
}
