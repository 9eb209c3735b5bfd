import type { PlaybackEventType } from '@vast/session';
import { DEFAULT_SIMULATED_START_TIME, SimulatedTimeProvider, type TimeProvider } from '@vast/time';
import { isPlayerError } from '@vast/player-core';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

const T0 = DEFAULT_SIMULATED_START_TIME;
const config = configWith();

/** The code of the PlayerError `act` throws, or `'none'`. */
function codeOf(act: () => void): string {
  try {
    act();
    return 'none';
  } catch (error) {
    return isPlayerError(error) ? error.code : `not a PlayerError: ${String(error)}`;
  }
}

/** A player that runs `act` (recording the PlayerError code it throws) when the session logs `at`. */
function playerActingAt(at: PlaybackEventType, act: (player: HeadlessPlayer) => void, options: { skipOffset?: string; time?: TimeProvider } = {}) {
  const player = new HeadlessPlayer({
    ad: inlineAd(options.skipOffset === undefined ? {} : { skipOffset: options.skipOffset }),
    config,
    ...(options.time === undefined ? {} : { time: options.time }),
  });
  const codes: string[] = [];
  player.on('playback', ({ event }) => {
    if (event.type === at) codes.push(codeOf(() => act(player)));
  });
  return { player, codes };
}

const types = (events: readonly { type: string }[]): string[] => events.map((e) => e.type);

describe('HeadlessPlayer controls', () => {
  describe('before play', () => {
    it('refuses pause, resume and skip with the right codes, and plays on', async () => {
      const player = new HeadlessPlayer({ ad: inlineAd({ skipOffset: '00:00:00' }), config });
      expect(codeOf(() => player.pause())).toBe('ILLEGAL_PLAYER_STATE');
      expect(codeOf(() => player.resume())).toBe('ILLEGAL_PLAYER_STATE');
      expect(codeOf(() => player.skip())).toBe('ILLEGAL_PLAYER_STATE');
      const unskippable = new HeadlessPlayer({ ad: inlineAd(), config });
      expect(codeOf(() => unskippable.skip())).toBe('NOT_SKIPPABLE');
      expect((await player.play()).status).toBe('completed');
    });

    it('stop and interrupt end the session before anything fires', async () => {
      const stopped = new HeadlessPlayer({ ad: inlineAd(), config });
      stopped.stop();
      const result = await stopped.play();
      expect(result.status).toBe('stopped');
      expect(types(result.session.events)).toEqual(['stop']);
      expect(result.outcomes).toEqual([]);

      const interrupted = new HeadlessPlayer({ ad: inlineAd(), config });
      interrupted.interrupt({ type: 'channelChange', reason: 'zapped before the ad' });
      const cut = await interrupted.play();
      expect(cut.status).toBe('interrupted');
      expect(cut.outcomes).toEqual([]);
      expect(cut.interruptions).toEqual([expect.objectContaining({ type: 'channelChange', outcome: 'stopped', mediaTime: 0 })]);
    });

    it('close ends the session before the ad started: no impression, no start', async () => {
      const player = new HeadlessPlayer({ ad: inlineAd(), config });
      player.close();
      const { status, session, outcomes } = await player.play();
      expect(status).toBe('stopped');
      expect(types(session.events)).toEqual(['close']);
      expect(outcomes.map((o) => o.beacon.event)).not.toContain('impression');
    });
  });

  describe('during play (from playback listeners)', () => {
    it('pause on firstQuartile, resume 5 s later on the same clock: the ad completes 5 s late', async () => {
      const time = new SimulatedTimeProvider();
      const { player, codes } = playerActingAt(
        'firstQuartile',
        (p) => {
          p.pause();
          void time.sleep(5_000).then(() => p.resume());
        },
        { time },
      );
      const { status, session, outcomes } = await player.play();
      expect(codes).toEqual(['none']);
      expect(status).toBe('completed');
      expect(types(session.events)).toEqual(['impression', 'creativeView', 'start', 'firstQuartile', 'pause', 'resume', 'midpoint', 'thirdQuartile', 'complete']);
      expect(session.events.find((e) => e.type === 'resume')).toMatchObject({ mediaTime: 7_500, clockTime: T0 + 12_500 });
      expect(session.events.at(-1)).toMatchObject({ mediaTime: 30_000, clockTime: T0 + 35_000 });
      expect(outcomes.map((o) => o.beacon.event)).toEqual(expect.arrayContaining(['pause', 'resume', 'complete']));
    });

    it('a pause never resumed ends the session at maxSessionDurationMs (the default auto clock runs to it)', async () => {
      const { player } = playerActingAt('firstQuartile', (p) => p.pause());
      const { status, session, outcomes } = await player.play();
      expect(status).toBe('stopped');
      expect(session.events.at(-1)).toMatchObject({ type: 'stop', mediaTime: 7_500, clockTime: T0 + 300_000 });
      expect(outcomes.map((o) => o.beacon.event)).not.toContain('midpoint');
    });

    it('a pause on a manual clock waits for the caller: time passes only as it is moved', async () => {
      const time = new SimulatedTimeProvider({ mode: 'manual' });
      let paused!: () => void;
      const reachedPause = new Promise<void>((resolve) => (paused = resolve));
      const { player } = playerActingAt(
        'firstQuartile',
        (p) => {
          p.pause();
          paused();
        },
        { time },
      );
      const done = player.play();
      await reachedPause;
      time.tick(2_000);
      expect(player.status).toBe('paused');
      player.resume();
      const { status, session } = await done;
      expect(status).toBe('completed');
      expect(session.events.find((e) => e.type === 'resume')?.clockTime).toBe(T0 + 9_500);
    });

    it('skip once the skip offset passed: stopped with the skip beacon and no complete', async () => {
      const { player, codes } = playerActingAt('firstQuartile', (p) => p.skip(), { skipOffset: '00:00:05' });
      const { status, session, outcomes } = await player.play();
      expect(codes).toEqual(['none']);
      expect(status).toBe('stopped');
      expect(types(session.events)).toEqual(['impression', 'creativeView', 'start', 'firstQuartile', 'skip']);
      const fired = outcomes.map((o) => o.beacon.event);
      expect(fired).toContain('skip');
      expect(fired).not.toContain('complete');
    });

    it('skip before the offset or of an unskippable ad is refused and the ad plays on', async () => {
      const early = playerActingAt('firstQuartile', (p) => p.skip(), { skipOffset: '50%' });
      expect((await early.player.play()).status).toBe('completed');
      expect(early.codes).toEqual(['SKIP_NOT_YET_ALLOWED']);
      const never = playerActingAt('midpoint', (p) => p.skip());
      expect((await never.player.play()).status).toBe('completed');
      expect(never.codes).toEqual(['NOT_SKIPPABLE']);
    });

    it('skip while paused past the offset', async () => {
      const { player, codes } = playerActingAt(
        'midpoint',
        (p) => {
          p.pause();
          p.skip();
        },
        { skipOffset: '00:00:05' },
      );
      const { status, session } = await player.play();
      expect(codes).toEqual(['none']);
      expect(status).toBe('stopped');
      expect(types(session.events).slice(-3)).toEqual(['midpoint', 'pause', 'skip']);
    });

    it('stop: stopped, nothing after it', async () => {
      const { player } = playerActingAt('midpoint', (p) => p.stop());
      const { status, session, outcomes } = await player.play();
      expect(status).toBe('stopped');
      expect(types(session.events).slice(-2)).toEqual(['midpoint', 'stop']);
      expect(outcomes.map((o) => o.beacon.event)).toEqual(['impression', 'creativeView', 'start', 'firstQuartile', 'midpoint']);
    });

    it('mute and unmute fire their beacons and the ad plays on', async () => {
      const player = new HeadlessPlayer({ ad: inlineAd(), config });
      player.on('playback', ({ event }) => {
        if (event.type === 'firstQuartile') player.mute();
        if (event.type === 'midpoint') player.unmute();
      });
      const { status, session, outcomes } = await player.play();
      expect(status).toBe('completed');
      expect(session.muted).toBe(false);
      expect(session.events.filter((e) => e.type === 'mute' || e.type === 'unmute').map((e) => [e.type, e.mediaTime])).toEqual([
        ['mute', 7_500],
        ['unmute', 15_000],
      ]);
      expect(outcomes.map((o) => o.beacon.event)).toEqual(expect.arrayContaining(['mute', 'unmute', 'complete']));
    });

    it('close: closeLinear fires and the session ends stopped', async () => {
      const { player } = playerActingAt('thirdQuartile', (p) => p.close());
      const { status, session, outcomes } = await player.play();
      expect(status).toBe('stopped');
      expect(session.events.at(-1)).toMatchObject({ type: 'close', mediaTime: 22_500 });
      const fired = outcomes.map((o) => o.beacon.event);
      expect(fired).toContain('closeLinear');
      expect(fired).not.toContain('complete');
    });

    it('interrupt: the session ends interrupted and the interruption is recorded', async () => {
      const { player } = playerActingAt('midpoint', (p) => p.interrupt({ type: 'viewerExit', reason: 'pressed back' }));
      const { status, session, interruptions } = await player.play();
      expect(status).toBe('interrupted');
      expect(session.interruption).toMatchObject({ type: 'viewerExit', reason: 'pressed back' });
      expect(interruptions).toEqual([expect.objectContaining({ type: 'viewerExit', outcome: 'stopped', mediaTime: 15_000 })]);
    });

    it('resume while playing and pause while paused are refused', async () => {
      const { player, codes } = playerActingAt('firstQuartile', (p) => {
        p.resume();
      });
      await player.play();
      expect(codes).toEqual(['ILLEGAL_PLAYER_STATE']);
      const twice = playerActingAt('midpoint', (p) => {
        p.pause();
        try {
          p.pause();
        } finally {
          p.resume();
        }
      });
      expect((await twice.player.play()).status).toBe('completed');
      expect(twice.codes).toEqual(['ILLEGAL_PLAYER_STATE']);
    });
  });

  describe('after the end', () => {
    it('refuses every control and a second play()', async () => {
      const player = new HeadlessPlayer({ ad: inlineAd({ skipOffset: '00:00:05' }), config });
      const { status, outcomes } = await player.play();
      expect(status).toBe('completed');
      const controls: [string, () => void][] = [
        ['pause', () => player.pause()],
        ['resume', () => player.resume()],
        ['mute', () => player.mute()],
        ['unmute', () => player.unmute()],
        ['skip', () => player.skip()],
        ['stop', () => player.stop()],
        ['close', () => player.close()],
        ['interrupt', () => player.interrupt({ type: 'viewerExit', reason: 'late' })],
      ];
      for (const [name, act] of controls) expect([name, codeOf(act)]).toEqual([name, 'ILLEGAL_PLAYER_STATE']);
      await expect(player.play()).rejects.toMatchObject({ code: 'ILLEGAL_PLAYER_STATE' });
      expect(player.session.events.at(-1)?.type).toBe('complete');
      expect(outcomes).toHaveLength(7);
    });
  });

  describe('abort signal', () => {
    it('aborted before play (before or after the player is made): stopped, no beacon', async () => {
      const before = new AbortController();
      before.abort();
      const early = await new HeadlessPlayer({ ad: inlineAd(), config, signal: before.signal }).play();
      expect(early.status).toBe('stopped');
      expect(early.outcomes).toEqual([]);

      const between = new AbortController();
      const player = new HeadlessPlayer({ ad: inlineAd(), config, signal: between.signal });
      between.abort();
      const late = await player.play();
      expect(late.status).toBe('stopped');
      expect(types(late.session.events)).toEqual(['stop']);
      expect(late.outcomes).toEqual([]);
    });

    it('aborted during play: stopped where it was, nothing after', async () => {
      const controller = new AbortController();
      const player = new HeadlessPlayer({ ad: inlineAd(), config, signal: controller.signal });
      player.on('playback', ({ event }) => {
        if (event.type === 'midpoint') controller.abort();
      });
      const { status, session, outcomes } = await player.play();
      expect(status).toBe('stopped');
      expect(session.events.at(-1)).toMatchObject({ type: 'stop', mediaTime: 15_000 });
      expect(outcomes.map((o) => o.beacon.event)).not.toContain('thirdQuartile');
    });

    it('aborted while paused: stopped at once, not at the deadline', async () => {
      const controller = new AbortController();
      const time = new SimulatedTimeProvider();
      const player = new HeadlessPlayer({ ad: inlineAd(), config, signal: controller.signal, time });
      player.on('playback', ({ event }) => {
        if (event.type === 'firstQuartile') {
          player.pause();
          void time.sleep(1_000).then(() => controller.abort());
        }
      });
      const { status, session } = await player.play();
      expect(status).toBe('stopped');
      expect(session.events.at(-1)).toMatchObject({ type: 'stop', clockTime: T0 + 8_500 });
    });
  });
});
