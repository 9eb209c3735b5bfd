import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedTimeProvider } from '@vast/time';
import { startMockAdServer, type MockAdServer } from '@vast/testkit';
import {
  ConfigResolver,
  HeadlessPlayer,
  HttpBeaconTransport,
  PlaybackScheduler,
  PlayerFactory,
  RecordingBeaconTransport,
  VastPlayer,
  createHeadlessPlayer,
  createPlayer,
  createRealPlayer,
  isConfigError,
  isFactoryError,
  isPlayerError,
} from '../src/index.js';
import { beaconsOf, inlineAd, selectionOf } from './helpers.js';

/** The error a call throws. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('the call did not throw');
}

describe('PlayerFactory: what the players share', () => {
  let server: MockAdServer;
  beforeAll(async () => {
    server = await startMockAdServer({ routes: { '/t/*': { status: 204 } } });
  });
  afterAll(() => server.close());

  it('real-time players share the factory’s scheduler and clock, and its transport when one is given', async () => {
    const time = new SimulatedTimeProvider();
    const transport = new RecordingBeaconTransport();
    const factory = new PlayerFactory({ time, transport });
    expect(factory.time).toBe(time);
    const a = factory.createReal(inlineAd({ adId: 'a' }));
    const b = factory.createReal(inlineAd({ adId: 'b', durationSeconds: 4 }));
    const results = await Promise.all([a.play(), b.play()]);
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed']);
    const events = transport.beacons().map((beacon) => beacon.event);
    expect(events.filter((e) => e === 'complete')).toHaveLength(2);
    expect(factory.scheduler.size).toBe(0);
    await factory.close();
  });

  it('sessions of equal configs share one config snapshot, headless and real time alike', async () => {
    const time = new SimulatedTimeProvider();
    const factory = new PlayerFactory({ time, transport: new RecordingBeaconTransport() });
    const real = [factory.createReal(inlineAd({ adId: 'r1' }), { provider: 'tiger' }), factory.createReal(inlineAd({ adId: 'r2' }), { provider: 'tiger' })];
    const headless = [factory.createHeadless(inlineAd({ adId: 'h1' }), { provider: 'tiger' }), factory.createHeadless(inlineAd({ adId: 'h2' }), { provider: 'tiger' })];
    expect(real[1]?.session.config).toBe(real[0]?.session.config);
    expect(headless[1]?.session.config).toBe(headless[0]?.session.config);
    expect(factory.createHeadless(inlineAd(), { provider: 'leto' }).session.config).not.toBe(headless[0]?.session.config);
    await Promise.all([...real, ...headless].map((p) => p.play()));
    await factory.close();
  });

  it('its own HTTP transports follow each config’s tracker options (headers) and the beacon options (user agent)', async () => {
    server.reset();
    const factory = new PlayerFactory({ time: new SimulatedTimeProvider(), beaconOptions: { userAgent: 'ua-test' } });
    const base = server.url('/t');
    const one = factory.createReal(inlineAd({ base }), { overrides: { tracker: { headers: { 'x-n': '1' } } } });
    const two = factory.createReal(inlineAd({ base }), { overrides: { tracker: { headers: { 'x-n': '2' } } } });
    const same = factory.createReal(inlineAd({ base }), { overrides: { tracker: { headers: { 'x-n': '1' } } } });
    await Promise.all([one.play(), two.play(), same.play()]);
    await factory.close();
    const received = server.received();
    expect(received.filter((r) => r.path === '/t/complete').map((r) => r.headers['x-n']).sort()).toEqual(['1', '1', '2']);
    expect(new Set(received.map((r) => r.headers['user-agent']))).toEqual(new Set(['ua-test']));
  });

  it('expands each config’s static macros, also past the expander cache’s size', async () => {
    const factory = new PlayerFactory({ time: new SimulatedTimeProvider(), transport: new RecordingBeaconTransport() });
    const ad = inlineAd({ base: 'http://127.0.0.1:9/t/[APPBUNDLE]' });
    const play = async (i: number): Promise<string | undefined> => {
      const player = factory.createReal(ad, { overrides: { tracker: { staticMacros: { APPBUNDLE: `app${i}` } } } });
      const { outcomes } = await player.play();
      return outcomes.find((o) => o.beacon.event === 'start')?.beacon.url;
    };
    const urls: (string | undefined)[] = [];
    for (let i = 0; i < 66; i++) urls.push(await play(i));
    urls.push(await play(0));
    expect(urls[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/t\/app0\/start\?/);
    expect(urls[65]).toContain('/t/app65/start');
    expect(urls[66]).toContain('/t/app0/start');
    await factory.close();
  });

  it('a real-time player may bring its own scheduler on its own clock', async () => {
    const factory = new PlayerFactory({ time: new SimulatedTimeProvider(), transport: new RecordingBeaconTransport() });
    const scheduler = new PlaybackScheduler({ time: new SimulatedTimeProvider() });
    const player = factory.createReal(inlineAd(), { scheduler });
    expect((await player.play()).status).toBe('completed');
    scheduler.close();
    await factory.close();
  });

  it('a real-time player’s time must be its scheduler’s clock', () => {
    const factory = new PlayerFactory({ time: new SimulatedTimeProvider() });
    expect(thrown(() => factory.createReal(inlineAd(), { time: new SimulatedTimeProvider() }))).toMatchObject({ code: 'INVALID_FACTORY_OPTIONS' });
    const scheduler = new PlaybackScheduler({ time: new SimulatedTimeProvider() });
    expect(thrown(() => new PlayerFactory({ scheduler, time: new SimulatedTimeProvider() }))).toMatchObject({ code: 'INVALID_FACTORY_OPTIONS' });
    expect(new PlayerFactory({ scheduler, time: scheduler.time }).scheduler).toBe(scheduler);
  });

  it('headless players never get the factory’s transport: beacons are recorded, the server hears nothing', async () => {
    server.reset();
    const factory = new PlayerFactory({ time: new SimulatedTimeProvider() });
    const player = factory.create(inlineAd({ base: server.url('/t') }), { mode: 'headless', overrides: { playback: { headlessMaySendBeacons: true } } });
    expect(player).toBeInstanceOf(HeadlessPlayer);
    const { outcomes } = await player.play();
    expect(outcomes.every((o) => o.kind === 'recorded')).toBe(true);
    await factory.close();
    expect(beaconsOf(server.received())).toEqual([]);
  });

  it('a sending transport for a headless player needs the config’s permission', () => {
    const factory = new PlayerFactory();
    const transport = new HttpBeaconTransport();
    const error = thrown(() => factory.createHeadless(inlineAd(), { transport }));
    expect(isPlayerError(error) && error.code).toBe('BEACONS_NOT_ALLOWED');
    void transport.close();
  });

  it('config sources: a given config is used as is; a bad provider is a ConfigError', async () => {
    const resolver = new ConfigResolver();
    const factory = new PlayerFactory({ resolver });
    const config = resolver.resolve('leto', undefined, { playback: { mode: 'headless', seed: 9 } });
    expect(factory.resolveConfig({ config, provider: 'tiger', publisher: 'x' })).toBe(config);
    const player = factory.create(inlineAd(), { config, provider: 'leto' });
    expect(player).toBeInstanceOf(HeadlessPlayer);
    expect((player as HeadlessPlayer).seed).toBe(9);
    expect(isConfigError(thrown(() => factory.create(inlineAd(), { provider: 'nope' })))).toBe(true);
    await factory.close();
  });
});

describe('PlayerFactory.close', () => {
  it('stops the real-time players still playing, releases its own resources, and refuses new players', async () => {
    const factory = new PlayerFactory({ transport: new RecordingBeaconTransport() });
    const player = factory.createReal(inlineAd({ durationSeconds: 60 }));
    const playing = player.play();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(player.status).toBe('playing');
    await factory.close();
    const result = await playing;
    expect(result.status).toBe('stopped');
    expect(result.session.events.map((e) => e.type)).not.toContain('complete');
    expect(factory.closed).toBe(true);
    expect(() => factory.scheduler.schedule(0, () => undefined)).toThrow(/closed/);
    for (const make of [() => factory.create(inlineAd()), () => factory.createReal(inlineAd()), () => factory.createHeadless(inlineAd())]) {
      const error = thrown(make);
      expect(isFactoryError(error) && error.code).toBe('FACTORY_CLOSED');
    }
    await factory.close();
  });

  it('leaves a scheduler passed in open, and a caller’s signal still stops its player', async () => {
    const scheduler = new PlaybackScheduler({ time: new SimulatedTimeProvider({ mode: 'manual' }) });
    const factory = new PlayerFactory({ scheduler, transport: new RecordingBeaconTransport() });
    const stop = new AbortController();
    const player = factory.createReal(inlineAd(), { signal: stop.signal });
    const playing = player.play();
    stop.abort();
    expect((await playing).status).toBe('stopped');
    await factory.close();
    const task = scheduler.schedule(0, () => undefined);
    task.cancel();
    scheduler.close();
  });
});

describe('convenience functions', () => {
  let server: MockAdServer;
  beforeAll(async () => {
    server = await startMockAdServer({ routes: { '/t/*': { status: 204 } } });
  });
  afterAll(() => server.close());

  it('createHeadlessPlayer plays a dry run with the provider’s config', async () => {
    const player = createHeadlessPlayer(inlineAd(), { provider: 'google', seed: 4, interruptions: false });
    const { session } = await player.play();
    expect(session).toMatchObject({ status: 'completed', provider: 'google', mode: 'headless' });
    expect(selectionOf(session)).toMatchObject({ mode: 'headless', source: 'call' });
  });

  it('createRealPlayer sends through a transport of its own, closed once the play ended', async () => {
    server.reset();
    const player = createRealPlayer(inlineAd({ base: server.url('/t'), durationSeconds: 1 }), { beaconOptions: { userAgent: 'one-off' } });
    expect(player).toBeInstanceOf(VastPlayer);
    const { status, outcomes } = await player.play();
    expect(status).toBe('completed');
    expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
    expect(beaconsOf(server.received())).toContain('complete');
    expect(server.received().every((r) => r.headers['user-agent'] === 'one-off')).toBe(true);
  });

  it('createPlayer follows the mode and the environment like PlayerFactory.create', async () => {
    const resolver = new ConfigResolver();
    const headless = createPlayer(inlineAd(), { resolver, mode: 'auto', env: { TRAVIS: 'true' }, platform: 'darwin' });
    expect(selectionOf(headless.session)).toMatchObject({ mode: 'headless', reason: 'ci', variable: 'TRAVIS' });
    await headless.play();
    const real = createPlayer(inlineAd({ durationSeconds: 1 }), { mode: 'auto', env: {}, platform: 'darwin', transport: new RecordingBeaconTransport() });
    expect(real).toBeInstanceOf(VastPlayer);
    expect((await real.play()).status).toBe('completed');
  });

  it('a player that cannot be made throws, and the one-off factory is released', () => {
    expect(isFactoryError(thrown(() => createPlayer(inlineAd(), { mode: 'sometimes' as 'auto' })))).toBe(true);
    expect(isPlayerError(thrown(() => createHeadlessPlayer(inlineAd(), { transport: new HttpBeaconTransport() })))).toBe(true);
  });
});
