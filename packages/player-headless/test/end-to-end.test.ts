import { VastClient, createGuardedDispatcher } from '@vast/client';
import { startMockAdServer, inlineVast, wrapperVast, type MockAdServer } from '@vast/testkit';
import { HttpBeaconTransport, RecordingBeaconTransport } from '@vast/tracker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith } from './helpers.js';

const EVENTS = ['impression', 'creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'];
const PLAYHEAD: Readonly<Record<string, string>> = {
  creativeView: '00:00:00.000',
  start: '00:00:00.000',
  firstQuartile: '00:00:07.500',
  midpoint: '00:00:15.000',
  thirdQuartile: '00:00:22.500',
  complete: '00:00:30.000',
};
// Each level's beacons, as `<level>/<event>`.
const EXPECTED = ['wrapper', 'inline'].flatMap((level) => EVENTS.map((event) => `${level}/${event}`)).sort();

describe('end to end: a testkit server, VastClient, HeadlessPlayer', () => {
  let server: MockAdServer;
  let client: VastClient;

  beforeAll(async () => {
    server = await startMockAdServer({ routes: { '/t/*': { status: 204 } } });
    server.route('/wrapper.xml', wrapperVast({ adTagUri: server.url('/inline.xml'), trackingBase: server.url('/t/wrapper') }));
    server.route('/inline.xml', inlineVast({ trackingBase: server.url('/t/inline'), durationSeconds: 30 }));
    // The client's SSRF guard refuses loopback unless the allowlist names it.
    client = new VastClient({ allowlist: ['127.0.0.1'] });
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  /** The tracking requests the server received, as `<level>/<event>`. */
  const beaconsReceived = (): string[] =>
    server
      .received()
      .filter((r) => r.path.startsWith('/t/'))
      .map((r) => r.path.slice(3))
      .sort();

  async function resolveChain() {
    const resolution = await client.get(server.url('/wrapper.xml'));
    const [ad] = resolution.ads;
    if (ad === undefined) throw new Error('the chain resolved to no ad');
    expect(ad.wrappers).toHaveLength(1);
    expect(ad.chain).toHaveLength(2);
    return ad;
  }

  it('sends each level\'s impression, creativeView, start, quartiles and complete once, macros expanded', async () => {
    const ad = await resolveChain();
    // The production set-up: beacons through an SSRF-guarded dispatcher, loopback allowed for the test.
    const dispatcher = createGuardedDispatcher({ allowlist: ['127.0.0.1'] });
    const transport = new HttpBeaconTransport({ dispatcher, retries: 0 });
    try {
      const config = configWith({}, { headlessMaySendBeacons: true });
      const player = new HeadlessPlayer({ ad, config, transport, seed: 9 });
      const { status, outcomes } = await player.play();
      expect(status).toBe('completed');
      expect(outcomes.map((o) => o.kind)).toEqual(EXPECTED.map(() => 'sent'));
      expect(player.getSessionObject().config).toMatchObject({ player: { beacons: 'sent' } });
    } finally {
      await transport.close();
      await dispatcher.close();
    }
    expect(beaconsReceived()).toEqual(EXPECTED);
    for (const request of server.received().filter((r) => r.path.startsWith('/t/'))) {
      expect(request.url).not.toMatch(/\[|%5B/i);
      const event = request.path.split('/').at(-1) as string;
      if (event === 'impression') expect(request.query.cb).toMatch(/^\d+$/);
      else expect([event, request.query.ph]).toEqual([event, PLAYHEAD[event]]);
    }
  });

  it('is a dry run without a transport: the server receives no beacon, the recording has them all', async () => {
    const ad = await resolveChain();
    const fetches = server.received().length;
    const player = new HeadlessPlayer({ ad, config: configWith(), seed: 9 });
    const { status, outcomes } = await player.play();
    expect(status).toBe('completed');
    expect(server.received()).toHaveLength(fetches);
    expect(beaconsReceived()).toEqual([]);
    expect(outcomes.every((o) => o.kind === 'recorded')).toBe(true);
    const recorded = outcomes.map((o) => `${new URL(o.beacon.url).pathname.slice(3)}`).sort();
    expect(recorded).toEqual(EXPECTED);

    // An explicit recording transport is a dry run too, and keeps the same beacons.
    const transport = new RecordingBeaconTransport();
    await new HeadlessPlayer({ ad, config: configWith(), transport, seed: 9 }).play();
    expect(transport.beacons().map((b) => b.url).sort()).toEqual(outcomes.map((o) => o.beacon.url).sort());
    expect(beaconsReceived()).toEqual([]);
  });
});
