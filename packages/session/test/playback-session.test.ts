import { isVastErrorCode } from '@vast/error-codes';
import { RealtimeTimeProvider, SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidSessionJsonError, PlaybackSession, type PlaybackSessionOptions } from '../src/index.js';

const START = Date.UTC(2030, 0, 1);

function setup(overrides: Partial<PlaybackSessionOptions> = {}) {
  const time = new SimulatedTimeProvider({ startTime: START, mode: 'manual' });
  const session = new PlaybackSession({ id: 's-1', adId: 'ad-1', duration: 20_000, time, ...overrides });
  return { time, session };
}

describe('PlaybackSession', () => {
  it('plays an ad through: each event records the media position and the clock time', () => {
    const { time, session } = setup({ creativeId: 'cr-1', provider: 'tiger', progressOffsets: [{ type: 'time', seconds: 3 }] });
    expect(session.progressOffsets).toEqual([{ type: 'time', seconds: 3 }]);
    expect(session).toMatchObject({ id: 's-1', adId: 'ad-1', creativeId: 'cr-1', provider: 'tiger', mode: 'headless' });
    expect(session.status).toBe('created');
    expect(session.createdAt).toBe(START);
    time.tick(100);
    session.load();
    expect(session.status).toBe('loading');
    expect(session.loadedAt).toBe(START + 100);
    time.tick(400);
    session.impression();
    session.creativeView();
    session.start();
    expect(session.status).toBe('playing');
    time.tick(6_000);
    expect(session.updatePosition(6_000).map((e) => e.type)).toEqual(['progress', 'firstQuartile']);
    time.tick(4_000);
    expect(session.updatePosition(10_000).map((e) => e.type)).toEqual(['midpoint']);
    session.pause();
    expect(session.status).toBe('paused');
    time.tick(2_000);
    session.resume();
    time.tick(10_000);
    session.complete();
    expect(session.status).toBe('completed');
    expect(session.ended).toBe(true);
    expect(session.position).toBe(20_000);
    expect(session.events).toEqual([
      { type: 'impression', mediaTime: 0, clockTime: START + 500 },
      { type: 'creativeView', mediaTime: 0, clockTime: START + 500 },
      { type: 'start', mediaTime: 0, clockTime: START + 500 },
      { type: 'progress', mediaTime: 6_000, clockTime: START + 6_500, offset: { type: 'time', seconds: 3 } },
      { type: 'firstQuartile', mediaTime: 6_000, clockTime: START + 6_500 },
      { type: 'midpoint', mediaTime: 10_000, clockTime: START + 10_500 },
      { type: 'pause', mediaTime: 10_000, clockTime: START + 10_500 },
      { type: 'resume', mediaTime: 10_000, clockTime: START + 12_500 },
      { type: 'thirdQuartile', mediaTime: 20_000, clockTime: START + 22_500 },
      { type: 'complete', mediaTime: 20_000, clockTime: START + 22_500 },
    ]);
    expect(session.timing).toEqual({
      createdAt: START,
      loadedAt: START + 100,
      startedAt: START + 500,
      endedAt: START + 22_500,
      loadMs: 400,
      pausedMs: 2_000,
      playingMs: 20_000,
    });
  });

  it('refuses an illegal command with IllegalTransitionError and changes nothing', () => {
    const { session } = setup();
    const before = JSON.stringify(session);
    expect(() => session.pause()).toThrow(IllegalTransitionError);
    expect(() => session.resume()).toThrow(/from "created" to "playing"/);
    expect(() => session.complete()).toThrow(IllegalTransitionError);
    expect(() => session.updatePosition(5_000)).toThrow(/updatePosition/);
    expect(JSON.stringify(session)).toBe(before);
  });

  it('accepts nothing once terminal', () => {
    const { session } = setup();
    session.start();
    session.skip();
    expect(session.status).toBe('stopped');
    const before = JSON.stringify(session);
    for (const command of [
      () => session.load(),
      () => session.impression(),
      () => session.creativeView(),
      () => session.start(),
      () => session.updatePosition(1),
      () => session.pause(),
      () => session.resume(),
      () => session.mute(),
      () => session.unmute(),
      () => session.complete(),
      () => session.skip(),
      () => session.close(),
      () => session.stop(),
      () => session.interrupt({ type: 'channel_switch', reason: 'zapped' }),
      () => session.fail({ code: 405 }),
      () => session.setDuration(1_000),
    ]) {
      expect(command).toThrow(IllegalTransitionError);
    }
    expect(JSON.stringify(session)).toBe(before);
  });

  it('keeps the interruption details', () => {
    const { time, session } = setup();
    session.start();
    time.tick(7_000);
    session.updatePosition(7_000);
    expect(session.interruption).toBeNull();
    const event = session.interrupt({ type: 'channel_switch', reason: 'viewer changed channel' });
    expect(event).toEqual({
      type: 'interruption',
      mediaTime: 7_000,
      clockTime: START + 7_000,
      interruptionType: 'channel_switch',
      reason: 'viewer changed channel',
    });
    expect(session.status).toBe('interrupted');
    expect(session.interruption).toEqual({
      type: 'channel_switch',
      reason: 'viewer changed channel',
      mediaTime: 7_000,
      clockTime: START + 7_000,
    });
    expect(session.timing.endedAt).toBe(START + 7_000);
    expect(() => setup().session.interrupt({ type: '', reason: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
  });

  it('fails with an IAB code, and checks the code', () => {
    const { session } = setup();
    session.load();
    expect(() => session.fail({ code: 42 })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => session.fail({ code: 400.5 })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(session.status).toBe('loading');
    expect(session.failure).toBeNull();
    session.fail({ code: 401, message: 'file not found' });
    expect(session.status).toBe('failed');
    expect(session.failure).toEqual({ type: 'error', mediaTime: 0, clockTime: START, code: 401, message: 'file not found' });
    const other = setup().session;
    expect(other.fail({ code: 900 }).message).toBeNull();
  });

  it('takes exactly the codes isVastErrorCode of @vast/error-codes takes, in fail() and in session JSON', () => {
    for (const code of [99, 100, 101.5, 404, 902, 903, 999]) {
      const { session, time } = setup();
      session.start();
      let accepted = true;
      try {
        session.fail({ code });
      } catch {
        accepted = false;
      }
      expect(accepted, String(code)).toBe(isVastErrorCode(code));
      // The same code written into a stored session by hand: read back only if it is an IAB code.
      const stored = { ...session.toJSON(), events: [['start', 0, START], ['error', 0, START, code, null]] };
      let read = true;
      try {
        PlaybackSession.fromJSON(JSON.stringify(stored), { time });
      } catch (error) {
        expect(error, String(code)).toBeInstanceOf(InvalidSessionJsonError);
        read = false;
      }
      expect(read, String(code)).toBe(isVastErrorCode(code));
    }
  });

  it('takes an IAB code from 100 to 902, and nothing else', () => {
    for (const code of [100, 902]) {
      const { session } = setup();
      expect(session.fail({ code }).code).toBe(code);
    }
    for (const code of [99, 903, 999, 100.5, Number.NaN]) {
      const { session } = setup();
      expect(() => session.fail({ code }), String(code)).toThrow(
        expect.objectContaining({ name: 'SessionError', code: 'INVALID_SESSION_ARGUMENT' }),
      );
      expect(session.failure).toBeNull();
    }
  });

  it('says when quartiles cannot fire because the duration is unknown or zero, and still completes', () => {
    const unknown = setup({ duration: null }).session;
    expect(unknown.quartilesUnavailable).toBe('unknown-duration');
    unknown.start();
    expect(unknown.updatePosition(60_000)).toEqual([]);
    unknown.complete();
    expect(unknown.events.map((e) => e.type)).toEqual(['start', 'complete']);
    const zero = setup({ duration: 0 }).session;
    expect(zero.quartilesUnavailable).toBe('zero-duration');
    zero.start();
    zero.complete();
    expect(zero.events.map((e) => e.type)).toEqual(['start', 'complete']);
  });

  it('lets the duration be set before playback starts', () => {
    const { session } = setup({ duration: null });
    session.load();
    session.setDuration(8_000);
    expect(session.duration).toBe(8_000);
    expect(session.quartilesUnavailable).toBeNull();
    session.start();
    expect(() => session.setDuration(9_000)).toThrow(IllegalTransitionError);
    expect(session.updatePosition(8_000).map((e) => e.type)).toEqual(['firstQuartile', 'midpoint', 'thirdQuartile']);
  });

  it('tracks mute state and records seeks back without re-firing quartiles', () => {
    const { session } = setup();
    expect(session.muted).toBe(false);
    session.mute();
    expect(session.muted).toBe(true);
    session.start();
    session.unmute();
    expect(session.muted).toBe(false);
    session.updatePosition(12_000);
    expect(session.updatePosition(1_000)).toEqual([]);
    expect(session.position).toBe(1_000);
    expect(session.updatePosition(12_000)).toEqual([]);
  });

  it('closes or stops from any live status and times an unfinished pause up to the end', () => {
    const { time, session } = setup();
    session.start();
    session.pause();
    time.tick(3_000);
    session.close();
    expect(session.status).toBe('stopped');
    expect(session.timing).toMatchObject({ pausedMs: 3_000, playingMs: 0, endedAt: START + 3_000 });
    const stopped = setup().session;
    stopped.stop();
    expect(stopped.status).toBe('stopped');
    expect(stopped.timing).toMatchObject({ startedAt: null, loadMs: null, playingMs: null, endedAt: START });
  });

  it('keeps a deep, frozen copy of the config and names the path of anything that is not JSON', () => {
    const config = { tracker: { timeoutMs: 2_000, retries: [1, 2] }, label: 'x' };
    const { session } = setup({ config });
    config.tracker.timeoutMs = 1;
    expect(session.config).toEqual({ tracker: { timeoutMs: 2_000, retries: [1, 2] }, label: 'x' });
    expect(Object.isFrozen(session.config)).toBe(true);
    const bad = () => setup({ config: { tracker: { retries: [1, Number.NaN] } } });
    expect(bad).toThrow(InvalidSessionJsonError);
    expect(bad).toThrow(/config\.tracker\.retries\[1\].*NaN/);
    expect(() => setup({ config: { at: new Date(0) } })).toThrow(/config\.at.*\[object Date\]/);
    expect(() => setup({ config: { f: () => 1 } })).toThrow(/config\.f/);
    expect(() => setup({ config: [undefined] })).toThrow(/config\[0\]/);
  });

  it('validates ids and takes the mode from the clock unless given', () => {
    expect(() => setup({ id: '' })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => setup({ adId: 3 as unknown as string })).toThrow(/adId/);
    const real = new PlaybackSession({ id: 'r', adId: 'a', time: new RealtimeTimeProvider() });
    expect(real.mode).toBe('real');
    expect(real).toMatchObject({ provider: 'global', creativeId: null, duration: null, config: {} });
    expect(setup({ mode: 'real' }).session.mode).toBe('real');
  });

  it('returns a copy of the log, not the log itself', () => {
    const { session } = setup();
    session.impression();
    const events = session.events as unknown[];
    events.push('junk');
    expect(session.events).toHaveLength(1);
    expect(Object.isFrozen(session.events[0])).toBe(true);
  });
});
