import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VastClient } from '@vast/client';
import type { MockAdServer } from '@vast/testkit';
import { ConfigResolver, HttpBeaconTransport, PlayerFactory, forecastFunnel, type ConfigOverrides, type ResolvedAdLike } from '../src/index.js';
import { beaconsOf, chainServer } from './helpers.js';

const SESSIONS = 4000;

/** Only viewerExit, at `probability`, uniformly over the ad: every other rule off. */
function exitOnly(probability: number): ConfigOverrides {
  return {
    playback: {
      interruptions: {
        viewerPause: { enabled: false },
        viewerExit: { probability, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } },
        channelChange: { enabled: false },
        appBackgrounded: { enabled: false },
        networkError: { enabled: false },
        bufferingTimeout: { enabled: false },
        deviceSleep: { enabled: false },
      },
    },
  };
}

describe('a publisher override changes the interruption model, and the funnel moves as it says', () => {
  let server: MockAdServer;
  let ad: ResolvedAdLike;
  let factory: PlayerFactory;
  beforeAll(async () => {
    server = await chainServer(30);
    const client = new VastClient({ allowlist: ['127.0.0.1'] });
    const [resolved] = (await client.get(server.url('/vast/wrapper.xml'))).ads;
    await client.close();
    if (resolved === undefined) throw new Error('no ad resolved');
    ad = resolved;
    factory = new PlayerFactory({ resolver: new ConfigResolver({ publishers: { quitters: exitOnly(0.5), stayers: exitOnly(0) } }) });
  });
  afterAll(async () => {
    await factory.close();
    await server.close();
  });

  it('viewerExit at 0.5, uniform: about half complete, and each quartile loses an eighth of the sessions', async () => {
    const config = factory.resolveConfig({ provider: 'tiger', publisher: 'quitters' });
    const forecast = await forecastFunnel({ ad, config, sessions: SESSIONS, seed: 11 });
    const rate = (n: number): number => n / forecast.sessions;
    expect(forecast.sessions).toBe(SESSIONS);
    expect(forecast.funnel.impression).toBe(SESSIONS);
    expect(forecast.funnel.start).toBe(SESSIONS);
    // An exit at a uniform point cuts 12.5% of the sessions before each quartile: 0.875, 0.75, 0.625, 0.5.
    // Bounds of about 5 standard deviations at 4000 sessions.
    expect(rate(forecast.funnel.firstQuartile)).toBeCloseTo(0.875, 1);
    expect(rate(forecast.funnel.midpoint)).toBeCloseTo(0.75, 1);
    expect(rate(forecast.funnel.thirdQuartile)).toBeCloseTo(0.625, 1);
    expect(Math.abs(rate(forecast.funnel.complete) - 0.5)).toBeLessThan(0.04);
    expect(Object.keys(forecast.interruptions)).toEqual(['viewerExit']);
    expect(forecast.statuses.interrupted + forecast.statuses.completed).toBe(SESSIONS);
  });

  it('the same provider without the publisher completes far more often; a publisher turning every rule off completes all', async () => {
    const provider = await forecastFunnel({ ad, config: factory.resolveConfig({ provider: 'tiger' }), sessions: SESSIONS, seed: 11 });
    const quitters = await forecastFunnel({ ad, config: factory.resolveConfig({ provider: 'tiger', publisher: 'quitters' }), sessions: SESSIONS, seed: 11 });
    const stayers = await forecastFunnel({ ad, config: factory.resolveConfig({ provider: 'tiger', publisher: 'stayers' }), sessions: SESSIONS, seed: 11 });
    expect(provider.funnel.complete / SESSIONS).toBeGreaterThan(0.75);
    expect(quitters.funnel.complete).toBeLessThan(provider.funnel.complete - 0.2 * SESSIONS);
    expect(stayers.funnel.complete).toBe(SESSIONS);
  });

  it('request overrides over the publisher win the same way (level 4 over level 3)', async () => {
    const config = factory.resolveConfig({ provider: 'global', publisher: 'quitters', overrides: exitOnly(1) });
    const forecast = await forecastFunnel({ ad, config, sessions: 200, seed: 2 });
    expect(forecast.funnel.complete).toBe(0);
    expect(forecast.interruptions).toEqual({ viewerExit: 200 });
  });

  it('end to end: a factory player under a publisher whose viewers always leave fires no complete, on either level', async () => {
    server.reset();
    factory.resolver.registerPublisher('leavers', { ...exitOnly(1), playback: { ...exitOnly(1).playback, headlessMaySendBeacons: true } });
    const transport = new HttpBeaconTransport({ retries: 0 });
    const player = factory.createHeadless(ad, { provider: 'yandex', publisher: 'leavers', transport, seed: 5 });
    const { session, interruptions } = await player.play();
    await transport.close();
    expect(session.status).toBe('interrupted');
    expect(interruptions.map((i) => i.type)).toEqual(['viewerExit']);
    const received = beaconsOf(server.received());
    expect(received).toContain('inline/impression');
    expect(received).toContain('wrapper/start');
    expect(received.filter((b) => b.endsWith('/complete'))).toEqual([]);
  });
});
