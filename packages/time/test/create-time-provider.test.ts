import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  AutoDetectTimeProvider,
  RealtimeTimeProvider,
  SimulatedTimeProvider,
  createTimeProvider,
} from '../src/index.js';

// Cases that read process.env set what they rely on; the shell's variables must not decide.
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createTimeProvider', () => {
  it('makes the clock named by the mode', () => {
    const real = createTimeProvider('realtime');
    expectTypeOf(real).toEqualTypeOf<RealtimeTimeProvider>();
    expect(real).toBeInstanceOf(RealtimeTimeProvider);
    const simulated = createTimeProvider('simulated');
    expectTypeOf(simulated).toEqualTypeOf<SimulatedTimeProvider>();
    expect(simulated).toBeInstanceOf(SimulatedTimeProvider);
    expect(createTimeProvider({ mode: 'realtime' }).kind).toBe('realtime');
  });

  it('accepts the playback mode names real and headless', () => {
    const real = createTimeProvider('real');
    expectTypeOf(real).toEqualTypeOf<RealtimeTimeProvider>();
    expect(real).toBeInstanceOf(RealtimeTimeProvider);
    const headless = createTimeProvider({ mode: 'headless', simulated: { startTime: 5 } });
    expectTypeOf(headless).toEqualTypeOf<SimulatedTimeProvider>();
    expect(headless.now()).toBe(5);
  });

  it('passes the simulated clock options through', () => {
    const time = createTimeProvider({ mode: 'simulated', simulated: { mode: 'manual', startTime: 1_000, loopLimit: 7 } });
    expect(time).toMatchObject({ mode: 'manual', loopLimit: 7 });
    expect(time.now()).toBe(1_000);
  });

  it('detects the clock for auto from the given environment', async () => {
    const ci = createTimeProvider({ mode: 'auto', env: { CI: 'true' }, platform: 'linux', simulated: { startTime: 0 } });
    expect(ci).toBeInstanceOf(AutoDetectTimeProvider);
    expect(ci.kind).toBe('simulated');
    expect(ci.environment.reason).toBe('ci');
    await ci.sleep(60_000);
    expect(ci.now()).toBe(60_000);
    expect(ci.monotonic()).toBe(60_000);

    const desktop = createTimeProvider({ mode: 'auto', env: { DISPLAY: ':0' }, platform: 'linux' });
    expect(desktop.kind).toBe('realtime');
    expect(desktop.delegate).toBeInstanceOf(RealtimeTimeProvider);
    expect(Math.abs(desktop.now() - Date.now())).toBeLessThan(60_000);
  });

  it('uses the process environment for plain "auto"', () => {
    vi.stubEnv('VAST_PLAYBACK_MODE', 'headless');
    expect(createTimeProvider('auto')).toMatchObject({ kind: 'simulated', environment: { reason: 'override' } });
    vi.stubEnv('VAST_PLAYBACK_MODE', 'real');
    expect(createTimeProvider('auto')).toMatchObject({ kind: 'realtime', environment: { reason: 'override' } });
  });

  it('rejects an unknown mode', () => {
    expect(() => createTimeProvider('fast' as 'auto')).toThrow(/mode must be realtime, real, simulated, headless or auto; got "fast"/);
  });
});

describe('AutoDetectTimeProvider', () => {
  it('aborts sleeps of the chosen clock', async () => {
    const time = new AutoDetectTimeProvider({ env: { JEST_WORKER_ID: '1' }, platform: 'darwin' });
    await expect(time.sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('defaults to the process environment', () => {
    vi.stubEnv('VAST_PLAYBACK_MODE', 'headless');
    expect(new AutoDetectTimeProvider().kind).toBe('simulated');
    vi.stubEnv('VAST_PLAYBACK_MODE', 'real');
    expect(new AutoDetectTimeProvider().kind).toBe('realtime');
  });
});
