import { parseVast, type InlineAd } from '@vast/parser';
import { inlineVast, startMockAdServer, wrapperVast, type MockAdServer, type RecordedRequest } from '@vast/testkit';
import type { PlaybackSession } from '@vast/session';

/** A parsed inline ad whose beacons point at `base` (nothing listens there unless a test says so). */
export function inlineAd(options: { base?: string; durationSeconds?: number; adId?: string } = {}): InlineAd {
  const document = parseVast(
    inlineVast({ trackingBase: options.base ?? 'http://127.0.0.1:9/t', durationSeconds: options.durationSeconds ?? 2, adId: options.adId ?? 'ad-1' }),
  );
  const [ad] = document.ads;
  if (ad?.type !== 'inline') throw new Error('the fixture is not an inline ad');
  return ad;
}

/** A mock ad server with a wrapper (`/vast/wrapper.xml`) leading to an inline ad of `durationSeconds`. */
export async function chainServer(durationSeconds: number): Promise<MockAdServer> {
  const server = await startMockAdServer({ routes: { '/t/*': { status: 204 } } });
  server.route('/vast/inline.xml', inlineVast({ trackingBase: server.url('/t/inline'), durationSeconds, adId: 'inline-1' }));
  server.route('/vast/wrapper.xml', wrapperVast({ adTagUri: server.url('/vast/inline.xml'), trackingBase: server.url('/t/wrapper') }));
  return server;
}

/** The beacons the server received, as `<level>/<event>` (e.g. `inline/start`), in arrival order. */
export function beaconsOf(requests: readonly RecordedRequest[]): string[] {
  return requests.filter((r) => r.path.startsWith('/t/')).map((r) => r.path.slice(3));
}

/** The selection a session recorded. */
export function selectionOf(session: PlaybackSession): unknown {
  return (session.config as { player?: { selection?: unknown } }).player?.selection;
}
