import { describe, expect, it } from 'vitest';
import { isPlayerError } from '@vast/player-core';
import { RecordingBeaconTransport, type BeaconTransport } from '@vast/tracker';
import { VastPlayer, type ProgressSource, type VastPlayerOptions } from '../src/index.js';
import { clockedPlayer, codeOf, configWith, testAd, type ClockedPlayer } from './helpers.js';

const START = ['impression', 'creativeView', 'start'];
type Control = 'pause' | 'resume' | 'mute' | 'unmute' | 'skip' | 'close' | 'stop' | 'interrupt';
const CONTROLS: readonly Control[] = ['pause', 'resume', 'mute', 'unmute', 'skip', 'close', 'stop', 'interrupt'];

function act(player: VastPlayer, control: Control): void {
  if (control === 'interrupt') player.interrupt({ type: 'appClose', reason: 'the viewer left the app' });
  else player[control]();
}

/** A skippable (from 2 s) player, brought to a state. */
async function inState(state: 'created' | 'playing' | 'paused' | 'ended'): Promise<ClockedPlayer & { done?: Promise<unknown> }> {
  const setup = clockedPlayer({ ad: testAd({ skipOffset: '00:00:02' }) });
  if (state === 'created') return setup;
  const done = setup.player.play();
  await setup.time.tickAsync(2_500);
  if (state === 'paused') setup.player.pause();
  if (state === 'ended') {
    await setup.time.tickAsync(2_000);
    await done;
  }
  return { ...setup, done };
}

describe('VastPlayer controls', () => {
  // What each control does from each state: the PlayerError code it throws, or the status after it.
  const expected: Record<'created' | 'playing' | 'paused' | 'ended', Partial<Record<Control, string>>> = {
    created: {
      pause: 'ILLEGAL_PLAYER_STATE',
      resume: 'ILLEGAL_PLAYER_STATE',
      mute: 'created',
      unmute: 'created',
      // skip() before start is left out: player-core checks the skipoffset before the state and
      // throws SKIP_NOT_YET_ALLOWED there (reported to the lead; it documents ILLEGAL_PLAYER_STATE).
      close: 'stopped',
      stop: 'stopped',
      interrupt: 'interrupted',
    },
    playing: {
      pause: 'paused',
      resume: 'ILLEGAL_PLAYER_STATE',
      mute: 'playing',
      unmute: 'playing',
      skip: 'stopped',
      close: 'stopped',
      stop: 'stopped',
      interrupt: 'interrupted',
    },
    paused: {
      pause: 'ILLEGAL_PLAYER_STATE',
      resume: 'playing',
      mute: 'paused',
      unmute: 'paused',
      skip: 'stopped',
      close: 'stopped',
      stop: 'stopped',
      interrupt: 'interrupted',
    },
    ended: Object.fromEntries(CONTROLS.map((c) => [c, 'ILLEGAL_PLAYER_STATE'])),
  };

  for (const [state, byControl] of Object.entries(expected) as [keyof typeof expected, Partial<Record<Control, string>>][]) {
    for (const control of CONTROLS.filter((c) => byControl[c] !== undefined)) {
      it(`${control}() while ${state}: ${byControl[control]}`, async () => {
        const { player, time, done } = await inState(state);
        const before = player.session.events.length;
        let outcome: string;
        try {
          act(player, control);
          outcome = player.status;
        } catch (error) {
          expect(isPlayerError(error)).toBe(true);
          outcome = (error as { code: string }).code;
          // A refused control changes nothing.
          expect(player.session.events.length).toBe(before);
        }
        expect(outcome).toBe(byControl[control]);
        if (player.session.ended && done !== undefined) {
          // Terminal is terminal: the clock running on fires nothing more.
          const count = player.session.events.length;
          await time.tickAsync(10_000);
          await done;
          expect(player.session.events.length).toBe(count);
        }
      });
    }
  }

  it('skip() is refused before the skipoffset and allowed from it; complete never fires after', async () => {
    const { player, time, events } = clockedPlayer({ ad: testAd({ skipOffset: '00:00:02' }) });
    expect(player.skippableAt).toBe(2_000);
    const done = player.play();
    await time.tickAsync(1_999);
    expect(codeOf(() => player.skip())).toBe('SKIP_NOT_YET_ALLOWED');
    await time.tickAsync(1);
    player.skip();
    await time.tickAsync(10_000);
    const result = await done;
    expect(result.status).toBe('stopped');
    expect(events()).toEqual([...START, 'firstQuartile', 'midpoint', 'skip']);
  });

  it('skip() with a percent skipoffset reads the clock at the moment of the call', async () => {
    const { player, time, events } = clockedPlayer({ ad: testAd({ skipOffset: '25%' }) });
    expect(player.skippableAt).toBe(1_000);
    const done = player.play();
    await time.tickAsync(999);
    expect(codeOf(() => player.skip())).toBe('SKIP_NOT_YET_ALLOWED');
    time.tick(1);
    // The scheduler has not woken yet; the control brings the playhead up to the clock first.
    player.skip();
    await done;
    expect(events()).toEqual([...START, 'firstQuartile', 'skip']);
  });

  it('skip() on an ad without skipoffset throws NOT_SKIPPABLE', async () => {
    const { player, time } = clockedPlayer();
    expect(player.skippableAt).toBeNull();
    const done = player.play();
    await time.tickAsync(3_500);
    expect(codeOf(() => player.skip())).toBe('NOT_SKIPPABLE');
    await time.tickAsync(500);
    expect((await done).status).toBe('completed');
  });

  it('skip() while paused after the skipoffset ends the ad', async () => {
    const { player, time, events } = clockedPlayer({ ad: testAd({ skipOffset: '00:00:01' }) });
    const done = player.play();
    await time.tickAsync(1_200);
    player.pause();
    await time.tickAsync(5_000);
    player.skip();
    expect((await done).status).toBe('stopped');
    expect(events()).toEqual([...START, 'firstQuartile', 'pause', 'skip']);
  });

  it('close() fires closeLinear (the VAST 4 ad tracks no close) and nothing after', async () => {
    const { player, time, events } = clockedPlayer();
    const done = player.play();
    await time.tickAsync(1_500);
    player.close();
    await time.tickAsync(10_000);
    expect((await done).status).toBe('stopped');
    expect(events()).toEqual([...START, 'firstQuartile', 'closeLinear']);
  });

  it('mute() and unmute() fire their beacons and do not move the ad clock', async () => {
    const { player, time, events } = clockedPlayer();
    const done = player.play();
    await time.tickAsync(500);
    player.mute();
    await time.tickAsync(1_000);
    player.unmute();
    await time.tickAsync(2_500);
    expect((await done).status).toBe('completed');
    expect(events()).toEqual([...START, 'mute', 'firstQuartile', 'unmute', 'midpoint', 'thirdQuartile', 'complete']);
    expect(player.session.events.find((e) => e.type === 'complete')?.clockTime).toBe(time.startTime + 4_000);
  });

  it('interrupt() ends the session interrupted and records the interruption', async () => {
    const { player, time, events } = clockedPlayer();
    const seen: string[] = [];
    player.on('interruption', ({ interruption }) => seen.push(`${interruption.type}@${interruption.mediaTime}`));
    const done = player.play();
    await time.tickAsync(2_200);
    player.interrupt({ type: 'networkError', reason: 'the stream stalled' });
    await time.tickAsync(5_000);
    const result = await done;
    expect(result.status).toBe('interrupted');
    expect(result.interruptions.map((i) => i.type)).toEqual(['networkError']);
    expect(seen).toEqual(['networkError@2200']);
    expect(events()).toEqual([...START, 'firstQuartile', 'midpoint']);
  });

  it('stop() before play(): play() fires nothing and resolves stopped', async () => {
    const { player, events } = clockedPlayer();
    player.stop();
    const result = await player.play();
    expect(result.status).toBe('stopped');
    expect(events()).toEqual([]);
  });

  it('play() twice throws ILLEGAL_PLAYER_STATE', async () => {
    const { player, time } = clockedPlayer();
    const done = player.play();
    await expect(player.play()).rejects.toMatchObject({ code: 'ILLEGAL_PLAYER_STATE' });
    await time.tickAsync(4_000);
    await done;
  });

  it('the abort signal stops the ad mid-play and nothing fires after', async () => {
    const abort = new AbortController();
    const { player, time, events } = clockedPlayer({ signal: abort.signal });
    const done = player.play();
    await time.tickAsync(2_100);
    abort.abort();
    await time.tickAsync(10_000);
    const result = await done;
    expect(result.status).toBe('stopped');
    expect(events()).toEqual([...START, 'firstQuartile', 'midpoint']);
    expect(result.session.events.at(-1)?.type).toBe('stop');
  });

  it('a signal aborted before play(): nothing fires', async () => {
    const { player, events } = clockedPlayer({ signal: AbortSignal.abort() });
    const result = await player.play();
    expect(result.status).toBe('stopped');
    expect(events()).toEqual([]);
  });

  it('maxSessionDurationMs ends a long-paused clock session with stop at the deadline', async () => {
    const { player, time, events } = clockedPlayer({ config: configWith({ maxSessionDurationMs: 10_000 }) });
    const done = player.play();
    await time.tickAsync(1_500);
    player.pause();
    await time.tickAsync(8_499);
    expect(player.status).toBe('paused');
    await time.tickAsync(1);
    const result = await done;
    expect(result.status).toBe('stopped');
    const last = result.session.events.at(-1);
    expect(last?.type).toBe('stop');
    expect(last?.clockTime).toBe(time.startTime + 10_000);
    expect(events()).toEqual([...START, 'firstQuartile', 'pause']);
  });

  it('with maxSessionDurationMs 0 a session has no deadline', async () => {
    const { player, time } = clockedPlayer({ config: configWith({ maxSessionDurationMs: 0 }) });
    const done = player.play();
    player.pause();
    await time.tickAsync(3_600_000);
    expect(player.status).toBe('paused');
    player.resume();
    await time.tickAsync(4_000);
    expect((await done).status).toBe('completed');
  });
});

describe('VastPlayer options', () => {
  const base = (): VastPlayerOptions => ({ ad: testAd(), config: configWith(), transport: new RecordingBeaconTransport() });

  it('requires a transport', () => {
    const { transport: _ignored, ...rest } = base();
    expect(codeOf(() => new VastPlayer(rest as VastPlayerOptions))).toBe('INVALID_PLAYER_OPTIONS');
    expect(codeOf(() => new VastPlayer({ ...base(), transport: {} as BeaconTransport }))).toBe('INVALID_PLAYER_OPTIONS');
    expect(codeOf(() => new VastPlayer(undefined as unknown as VastPlayerOptions))).toBe('INVALID_PLAYER_OPTIONS');
  });

  it('refuses an unknown progress source, naming it', () => {
    let message = '';
    try {
      new VastPlayer({ ...base(), progress: 'wall' as ProgressSource });
    } catch (error) {
      expect((error as { code: string }).code).toBe('INVALID_PLAYER_OPTIONS');
      message = (error as Error).message;
    }
    expect(message).toContain('"wall"');
  });

  it('refuses a missing ad or config', () => {
    expect(codeOf(() => new VastPlayer({ ...base(), ad: undefined as unknown as VastPlayerOptions['ad'] }))).toBe('INVALID_PLAYER_OPTIONS');
    expect(codeOf(() => new VastPlayer({ ...base(), config: undefined as unknown as VastPlayerOptions['config'] }))).toBe('INVALID_PLAYER_OPTIONS');
  });

  it('makes a session id and plays in real mode on the wall clock by default', () => {
    const player = new VastPlayer(base());
    expect(player.session.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(player.session.mode).toBe('real');
    expect(player.progressSource).toBe('clock');
  });
});
