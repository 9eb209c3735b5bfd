import { VastClient } from '@vast/client';
import { PlayerFactory } from '@vast/factory';
import type { RecordedRequest } from '@vast/testkit';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { startBundledAdServer } from '../bundled-ad-server.js';
import { formatPlaybackSummary } from '../format-playback-summary.js';
import { formatResolution } from '../format-resolution.js';
import { formatTable } from '../format-table.js';
import { formatTimeline } from '../format-timeline.js';
import { firstAd } from '../load-ad.js';

/** The seed of the demo's headless playback: the same run every time. */
const DEMO_SEED = 1;

/**
 * What the mock server received: the documents fetched, then the beacons as a table of event by
 * level (`/track/<level>/<event>`), in order of first arrival.
 *
 * @param requests - the server's log
 * @returns the lines
 */
function formatReceived(requests: readonly RecordedRequest[]): string[] {
  const documents = requests.filter((r) => !r.path.startsWith('/track/')).map((r) => `  ${r.method} ${r.path}`);
  const levels: string[] = [];
  const events = new Map<string, Map<string, number>>();
  for (const request of requests) {
    const [, , level = '', event = ''] = request.path.split('/');
    if (!request.path.startsWith('/track/')) continue;
    if (!levels.includes(level)) levels.push(level);
    const row = events.get(event) ?? new Map<string, number>();
    events.set(event, row.set(level, (row.get(level) ?? 0) + 1));
  }
  const rows = [...events].map(([event, row]) => [event, ...levels.map((level) => String(row.get(level) ?? 0))]);
  return [
    `Documents (${documents.length}):`,
    ...documents,
    `Beacons (${requests.length - documents.length}), by event and level:`,
    ...formatTable([['event', ...levels], ...rows]),
  ];
}

/**
 * The default run, with no network beyond loopback: starts a `@vast/testkit` mock ad server on
 * 127.0.0.1 with the bundled chain (two wrappers, then a 15-second inline ad), resolves it with
 * `VastClient`, plays it with a `HeadlessPlayer` of `PlayerFactory` (seed 1, the global provider's interruption
 * model) whose beacons go to that same mock server, and prints the chain, the timeline and what
 * the server received. The server and the client are closed before it returns.
 *
 * @param io - where to write
 * @returns 0
 * @throws {@link CliError} when the bundled ad does not resolve or play (a bug of the demo)
 */
export async function demoCommand(io: CliIo): Promise<number> {
  const { server, tag } = await startBundledAdServer();
  // The SSRF guard refuses loopback by default; the mock server is ours and listens on
  // 127.0.0.1 only, so that one address is allowed, and nothing else private.
  const client = new VastClient({ allowlist: ['127.0.0.1'] });
  const transport = client.createBeaconTransport();
  try {
    writeLines(io.out, [
      '@vast demo: resolve a wrapper chain, play it headless, send its beacons to a local mock ad server',
      '',
      `Mock ad server (@vast/testkit) on ${server.origin}`,
      `Ad tag: ${tag}`,
      '',
    ]);
    const resolution = await client.get(tag);
    writeLines(io.out, formatResolution(resolution));
    const ad = firstAd(resolution, tag);
    // Headless playback sends only when both the config and the caller say so.
    const factory = new PlayerFactory();
    const player = factory.createHeadless(ad, { overrides: { playback: { headlessMaySendBeacons: true } }, seed: DEMO_SEED, transport });
    const result = await player.play();
    await factory.close();
    const failure = result.session.failure;
    if (failure !== null) throw new CliError(`the demo ad failed: IAB ${failure.code}: ${failure.message ?? ''}`);
    writeLines(io.out, [
      '',
      `Timeline (HeadlessPlayer, seed ${DEMO_SEED}, simulated clock):`,
      ...formatTimeline(result.session.events, result.outcomes, ad.wrappers.length),
      '',
      ...formatPlaybackSummary(result, 'global'),
      '',
      'What the mock ad server received:',
      ...formatReceived(server.received()),
    ]);
    return 0;
  } finally {
    await transport.close();
    await client.close();
    await server.close();
  }
}
