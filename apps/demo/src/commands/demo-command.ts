import { VastClient, type ResolvedAd } from '@vast/client';
import { startMockAdServer } from '@vast/testkit';
import { RealtimeTimeProvider } from '@vast/time';
import { RecordingBeaconTransport, Tracker, macroValuesFromAd, trackingSetFromAds } from '@vast/tracker';
import { writeLines, type CliIo } from '../cli-io.js';
import { DEMO_AD_TAG_PATH, demoChain } from '../demo-chain.js';
import { describeOutcome } from '../format-outcome.js';
import { formatResolution } from '../format-resolution.js';
import { formatTable } from '../format-table.js';

/**
 * The default run: starts a `@vast/testkit` mock ad server on 127.0.0.1 serving the demo's
 * wrapper chain (three wrappers, then an inline ad), resolves it with `VastClient`, prints the
 * chain and the merged ad, then fires the impression and `start` beacons through a `Tracker` on a
 * `RecordingBeaconTransport` (a dry run: nothing leaves the machine) and prints them. The server
 * and the client are closed before it returns.
 *
 * @param io - where to write
 * @returns 0 when the ad resolved and every beacon was recorded, 1 otherwise
 */
export async function demoCommand(io: CliIo): Promise<number> {
  const time = new RealtimeTimeProvider();
  const server = await startMockAdServer({ time });
  for (const document of demoChain((path) => server.url(path))) server.route(document.path, document.xml);
  // The client's SSRF guard refuses loopback addresses by default: ad tag URLs come from third
  // parties and must not reach services on the middleware's own host. The mock server is ours
  // and listens on 127.0.0.1 only, so that one address is allowed, and nothing else private.
  const client = new VastClient({ time, allowlist: ['127.0.0.1'], errorPixelTransport: new RecordingBeaconTransport() });
  try {
    const tag = server.url(DEMO_AD_TAG_PATH);
    writeLines(io.out, [
      '@vast demo: resolve a wrapper chain, then fire its first beacons (dry run)',
      '',
      `Mock ad server (@vast/testkit) on ${server.origin}`,
      `Ad tag: ${tag}`,
      '',
    ]);
    const result = await client.get(tag);
    writeLines(io.out, formatResolution(result));
    const resolved = result.ads[0];
    if (resolved === undefined) return 1;
    const outcomes = await fireFirstBeacons(resolved, time);
    writeLines(io.out, [
      '',
      'Beacons of impression and start, every level (RecordingBeaconTransport: recorded, not sent):',
      ...formatTable(
        outcomes.map((o) => [o.beacon.event, levelName(o.beacon.level, resolved), describeOutcome(o), o.beacon.url]),
      ),
    ]);
    return outcomes.every((o) => o.kind === 'recorded') ? 0 : 1;
  } finally {
    await client.close();
    await server.close();
  }
}

/** Plays the first moment of the ad on a tracker: its impression, then `start`, on every level. */
async function fireFirstBeacons(resolved: ResolvedAd, time: RealtimeTimeProvider) {
  const tracker = new Tracker({
    // The tracker wants the inline ad first, then the wrappers from the innermost outwards.
    tracking: trackingSetFromAds(resolved.inline, [...resolved.wrappers].reverse()),
    transport: new RecordingBeaconTransport(),
    time,
    context: { values: macroValuesFromAd(resolved.inline) },
  });
  tracker.track('impression');
  tracker.track('start');
  return tracker.settled();
}

/** The chain depth of a tracker level (0 is the inline ad there) and what sits at it. */
function levelName(level: number, resolved: ResolvedAd): string {
  return `depth ${resolved.wrappers.length - level} ${level === 0 ? 'inline' : 'wrapper'}`;
}
