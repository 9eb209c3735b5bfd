import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VastClient, type ResolvedAd } from '@vast/client';
import { inlineVast, startMockAdServer, wrapperVast, type MockAdServer, type RecordedRequest } from '@vast/testkit';
import { HttpBeaconTransport } from '@vast/tracker';
import { PlaybackScheduler, VastPlayer } from '../src/index.js';
import { configWith } from './helpers.js';

// End to end on loopback: a real client resolves a wrapper -> inline chain from the testkit server,
// and the player sends real HTTP beacons back to it on the wall clock.

const DURATION_S = 2;
const LEVELS = ['inline', 'wrapper'] as const;
const START_GROUP = LEVELS.flatMap((level) => ['impression', 'creativeView', 'start'].map((event) => `${level}/${event}`)).sort();
const MARKS: readonly [string, number][] = [
  ['firstQuartile', 500],
  ['progress', 800],
  ['midpoint', 1_000],
  ['thirdQuartile', 1_500],
  ['complete', 2_000],
];
const TIMECODE = /^\d{2}:\d{2}:\d{2}\.\d{3}$/;

let server: MockAdServer;
let client: VastClient;
let transport: HttpBeaconTransport;
let scheduler: PlaybackScheduler;

beforeEach(async () => {
  server = await startMockAdServer({ routes: { '/t/*': { status: 204 } } });
  server.route('/vast/wrapper.xml', wrapperVast({ adTagUri: server.url('/vast/inline.xml'), trackingBase: server.url('/t/wrapper'), progressOffsets: ['00:00:00.800'] }));
  server.route('/vast/inline.xml', inlineVast({ trackingBase: server.url('/t/inline'), durationSeconds: DURATION_S, progressOffsets: ['00:00:00.800'] }));
  // The client refuses loopback unless told: the test server is the one address it may reach.
  client = new VastClient({ allowlist: ['127.0.0.1'] });
  transport = new HttpBeaconTransport({ timeoutMs: 5_000, retries: 0 });
  scheduler = new PlaybackScheduler();
});

afterEach(async () => {
  scheduler.close();
  await transport.close();
  await client.close();
  await server.close();
});

async function resolveChain(): Promise<ResolvedAd> {
  const resolution = await client.get(server.url('/vast/wrapper.xml'));
  expect(resolution.error).toBeUndefined();
  const [ad] = resolution.ads;
  if (ad === undefined) throw new Error('no ad resolved');
  expect(ad.wrappers).toHaveLength(1);
  return ad;
}

/** The tracking pixels received, as `level/event`, in arrival order. */
function pixels(): RecordedRequest[] {
  return server.received().filter((r) => r.path.startsWith('/t/'));
}
const name = (r: RecordedRequest): string => r.path.slice('/t/'.length);

/** Checks the beacons of a complete 2-level playback: exactly these, once each, in order. */
function expectCompletePlayback(received: RecordedRequest[]): void {
  expect(received.map(name).slice(0, START_GROUP.length).sort()).toEqual(START_GROUP);
  const after = received.slice(START_GROUP.length).map(name);
  // The two levels of one mark go out together and may arrive in either order; marks keep theirs.
  const groups = MARKS.map(([event]) => event);
  expect(after.map((n) => n.split('/')[1])).toEqual(groups.flatMap((event) => [event, event]));
  expect(after.filter((n) => n.startsWith('inline/'))).toHaveLength(groups.length);
  expect(after.filter((n) => n.startsWith('wrapper/'))).toHaveLength(groups.length);
  for (const r of received) {
    if (name(r).endsWith('/impression')) expect(r.query.cb).toMatch(/^\d+$/);
    else expect(r.query.ph).toMatch(TIMECODE);
    expect(r.url).not.toContain('[');
  }
}

const playheadMs = (r: RecordedRequest): number => {
  const [h, m, s] = (r.query.ph ?? '').split(':').map(Number);
  return ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
};

describe('VastPlayer end to end on loopback', () => {
  it('plays a wrapper -> inline chain on the wall clock: every level\'s beacons once, in order, none early', async () => {
    const ad = await resolveChain();
    const player = new VastPlayer({ ad, config: configWith(), transport, scheduler });
    const result = await player.play();
    expect(result.status).toBe('completed');
    expect(result.outcomes.filter((o) => o.kind !== 'sent')).toEqual([]);

    const received = pixels();
    expectCompletePlayback(received);
    const startedAt = result.session.events.find((e) => e.type === 'start')?.clockTime ?? Number.NaN;
    for (const r of received) {
      const event = name(r).split('/')[1];
      const due = MARKS.find(([mark]) => mark === event)?.[1] ?? 0;
      // A beacon may be late (timers, the network), never early: it left when the ad reached it.
      expect(r.time - startedAt).toBeGreaterThanOrEqual(due);
      expect(playheadMs(r)).toBeGreaterThanOrEqual(due);
      if (event === 'start' || event === 'creativeView') expect(r.query.ph).toBe('00:00:00.000');
    }
  });

  it('plays on progress reported by an SSAI-like driver: repeats, out of order and prefetch jumps', async () => {
    const ad = await resolveChain();
    const player = new VastPlayer({ ad, config: configWith(), transport, scheduler, progress: 'reported' });
    const done = player.play();
    // The segments the stitcher sees requested, as playhead seconds: a retry, a late request,
    // a prefetch two segments ahead, the same again, then the end.
    const reports = [0.2, 0.4, 0.4, 0.3, 0.9, 0.6, 1.6, 1.6, 1.2, 2];
    for (const seconds of reports) {
      player.reportProgress(seconds);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const result = await done;
    expect(result.status).toBe('completed');
    const received = pixels();
    expectCompletePlayback(received);
    // Each mark carries the reported playhead at which it was reached.
    const phOf = (event: string) => [...new Set(received.filter((r) => name(r).endsWith(`/${event}`)).map((r) => r.query.ph))];
    expect(phOf('progress')).toEqual(['00:00:00.900']);
    expect(phOf('firstQuartile')).toEqual(['00:00:00.900']);
    expect(phOf('midpoint')).toEqual(['00:00:01.600']);
    expect(phOf('thirdQuartile')).toEqual(['00:00:01.600']);
    expect(phOf('complete')).toEqual(['00:00:02.000']);
  });
});
