import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VastClient } from '@vast/client';
import type { MockAdServer } from '@vast/testkit';
import { BuiltInProvider, HttpBeaconTransport, PlayerFactory, type ResolvedAdLike } from '../src/index.js';
import { beaconsOf, chainServer, selectionOf } from './helpers.js';

const PROVIDERS = Object.values(BuiltInProvider);
const FULL = ['impression', 'creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'];
const LEVELS = ['inline', 'wrapper'];

/** Resolves the wrapper chain of `server` with a client allowed to reach loopback. */
async function resolveAd(server: MockAdServer): Promise<ResolvedAdLike> {
  const client = new VastClient({ allowlist: ['127.0.0.1'] });
  try {
    const resolution = await client.get(server.url('/vast/wrapper.xml'));
    const [ad] = resolution.ads;
    if (ad === undefined) throw new Error(`no ad resolved: ${JSON.stringify(resolution.error)}`);
    return ad;
  } finally {
    await client.close();
  }
}

/** Each event fired once per level, whatever the order of arrival between levels. */
function expectFullFunnel(received: string[]): void {
  expect([...received].sort()).toEqual(FULL.flatMap((event) => LEVELS.map((level) => `${level}/${event}`)).sort());
  // Within a level, the events arrive in media order.
  for (const level of LEVELS) expect(received.filter((b) => b.startsWith(`${level}/`))).toEqual(FULL.map((e) => `${level}/${e}`));
}

describe('VastClient → PlayerFactory → headless player → beacons received, for every provider', () => {
  let server: MockAdServer;
  let ad: ResolvedAdLike;
  beforeAll(async () => {
    server = await chainServer(15);
    ad = await resolveAd(server);
  });
  afterAll(() => server.close());

  it.each(PROVIDERS)('%s: a sending transport and headlessMaySendBeacons send every beacon of both levels once', async (provider) => {
    server.reset();
    const factory = new PlayerFactory();
    const transport = new HttpBeaconTransport({ retries: 0 });
    try {
      const player = factory.create(ad, {
        provider,
        mode: 'headless',
        transport,
        interruptions: false,
        seed: 3,
        overrides: { playback: { headlessMaySendBeacons: true } },
      });
      const { session, outcomes } = await player.play();
      expect(session.status).toBe('completed');
      expect(session.provider).toBe(provider);
      expect(session.config).toMatchObject({ player: { beacons: 'sent', selection: { mode: 'headless', reason: 'requested' } } });
      expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
      const received = beaconsOf(server.received());
      expectFullFunnel(received);
      // The playhead macro was expanded from the simulated clock: exact quartile positions.
      const firstQuartile = server.received().find((r) => r.path === '/t/inline/firstQuartile');
      expect(firstQuartile?.query.ph).toBe('00:00:03.750');
    } finally {
      await transport.close();
      await factory.close();
    }
  });

  it.each(PROVIDERS)('%s: without a sending transport, a headless player sends nothing', async (provider) => {
    server.reset();
    const factory = new PlayerFactory();
    const player = factory.createHeadless(ad, { provider, overrides: { playback: { headlessMaySendBeacons: true } } });
    const { session, outcomes } = await player.play();
    await factory.close();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.kind === 'recorded')).toBe(true);
    expect(session.config).toMatchObject({ player: { beacons: 'recorded' } });
    expect(beaconsOf(server.received())).toEqual([]);
  });
});

describe('VastClient → PlayerFactory → real-time players sharing one scheduler → beacons received', () => {
  let server: MockAdServer;
  let ad: ResolvedAdLike;
  beforeAll(async () => {
    server = await chainServer(2);
    ad = await resolveAd(server);
  });
  afterAll(() => server.close());

  it('every provider’s player, played at once on the wall clock, fires every beacon of both levels once through the factory’s transport', async () => {
    server.reset();
    const factory = new PlayerFactory({ beaconOptions: { userAgent: 'factory-e2e' } });
    try {
      const players = PROVIDERS.map((provider) =>
        factory.create(ad, { provider, sessionId: provider, overrides: { playback: { mode: 'real' }, tracker: { headers: { 'x-provider': provider } } } }),
      );
      const results = await Promise.all(players.map((player) => player.play()));
      for (const [index, { session, outcomes }] of results.entries()) {
        expect(session.status).toBe('completed');
        expect(session.mode).toBe('real');
        expect(selectionOf(session)).toMatchObject({ mode: 'real', source: 'config', reason: 'requested' });
        expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
        const own = server.received().filter((r) => r.headers['x-provider'] === PROVIDERS[index]);
        expectFullFunnel(beaconsOf(own));
        expect(own.every((r) => r.headers['user-agent'] === 'factory-e2e')).toBe(true);
      }
      expect(factory.scheduler.size).toBe(0);
    } finally {
      await factory.close();
    }
  });
});
