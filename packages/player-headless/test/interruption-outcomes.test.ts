import { DEFAULT_SIMULATED_START_TIME } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd, wrapperAd } from './helpers.js';

const T0 = DEFAULT_SIMULATED_START_TIME;

/** An ad of two levels (a wrapper and its inline ad), shaped like the client's `ResolvedAd`. */
function twoLevels() {
  const inline = inlineAd();
  return { ad: inline, inline, wrappers: [wrapperAd()] };
}

describe('HeadlessPlayer interruption outcomes', () => {
  it('resumed: pauses, lets the clock run for resumeAfter, resumes and completes', async () => {
    const config = configWith({
      viewerPause: { probability: 1, when: { kind: 'uniform' }, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 5_000 } } },
    });
    const player = new HeadlessPlayer({ ad: inlineAd(), config, seed: 1 });
    const seen: string[] = [];
    player.on('interruption', ({ interruption }) => seen.push(interruption.type));
    const { status, session, interruptions, outcomes } = await player.play();

    expect(status).toBe('completed');
    expect(seen).toEqual(['viewerPause']);
    const [interruption] = interruptions;
    expect(interruptions).toHaveLength(1);
    expect(interruption).toMatchObject({ type: 'viewerPause', outcome: 'resumed', resumeAfterMs: 5_000 });
    const pause = session.events.find((e) => e.type === 'pause');
    const resume = session.events.find((e) => e.type === 'resume');
    expect(pause?.mediaTime).toBe(interruption?.mediaTime);
    expect(resume?.mediaTime).toBe(pause?.mediaTime);
    expect((resume?.clockTime ?? 0) - (pause?.clockTime ?? 0)).toBeCloseTo(5_000, 3);
    // The pause is part of the session's wall time: complete comes 30 s of media plus 5 s later.
    expect(session.events.at(-1)).toMatchObject({ type: 'complete', mediaTime: 30_000 });
    expect((session.events.at(-1)?.clockTime ?? 0) - T0).toBeCloseTo(35_000, 3);
    const fired = outcomes.map((o) => o.beacon.event);
    expect(fired).toEqual(expect.arrayContaining(['pause', 'resume', 'complete']));
    expect(fired.indexOf('pause')).toBeLessThan(fired.indexOf('resume'));
  });

  it('stopped: ends the session interrupted, nothing fires after, no complete', async () => {
    const config = configWith({ channelChange: { probability: 1, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } } });
    const player = new HeadlessPlayer({ ad: inlineAd(), config, seed: 2 });
    const { status, session, interruptions, outcomes } = await player.play();

    expect(status).toBe('interrupted');
    expect(interruptions).toEqual([expect.objectContaining({ type: 'channelChange', outcome: 'stopped' })]);
    const last = session.events.at(-1);
    expect(last).toMatchObject({ type: 'interruption', interruptionType: 'channelChange' });
    expect(last?.mediaTime).toBe(interruptions[0]?.mediaTime);
    expect(session.events.filter((e) => e.type === 'interruption')).toHaveLength(1);
    // Each beacon fired is an event logged before the interruption: none after, and no complete.
    const logged = session.events.slice(0, -1).map((e) => e.type as string);
    const fired = outcomes.map((o) => o.beacon.event);
    expect(fired).not.toContain('complete');
    for (const event of fired) expect(logged).toContain(event);
    expect(Math.max(...outcomes.map((o) => o.beacon.time))).toBeLessThanOrEqual(last?.clockTime ?? 0);
  });

  it('failed: ends the session failed with the rule code and fires the Error URLs of every level', async () => {
    const config = configWith({ networkError: { probability: 1, when: { kind: 'late' }, outcome: { kind: 'failed', errorCode: 405 } } });
    const player = new HeadlessPlayer({ ad: twoLevels(), config, seed: 3 });
    const { status, session, interruptions, outcomes } = await player.play();

    expect(status).toBe('failed');
    expect(session.failure).toMatchObject({ code: 405 });
    expect(interruptions).toEqual([expect.objectContaining({ type: 'networkError', outcome: 'failed', errorCode: 405 })]);
    const errors = outcomes.filter((o) => o.beacon.event === 'error').map((o) => o.beacon);
    expect(errors.map((b) => [b.level, b.url]).sort()).toEqual([
      [0, 'https://track.example/inline/error?code=405'],
      [1, 'https://track.example/wrapper/error?code=405'],
    ]);
    expect(outcomes.map((o) => o.beacon.event)).not.toContain('complete');
    expect(session.events.at(-1)?.type).toBe('error');
  });

  it('ends at maxSessionDurationMs when a pause would outlast it: stop at the deadline, no resume', async () => {
    const config = configWith(
      { deviceSleep: { probability: 1, when: { kind: 'early' }, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 400_000 } } } },
      { maxSessionDurationMs: 60_000 },
    );
    const player = new HeadlessPlayer({ ad: inlineAd(), config, seed: 4 });
    const { status, session, interruptions, outcomes } = await player.play();

    expect(status).toBe('stopped');
    const types = session.events.map((e) => e.type);
    expect(types).not.toContain('resume');
    expect(types.at(-2)).toBe('pause');
    expect(session.events.at(-1)).toMatchObject({ type: 'stop', clockTime: T0 + 60_000, mediaTime: interruptions[0]?.mediaTime });
    expect(outcomes.map((o) => o.beacon.event)).not.toContain('complete');
  });

  it('ends at maxSessionDurationMs when pauses push the media end beyond it: the playhead is where it got to', async () => {
    const config = configWith(
      { viewerPause: { probability: 1, when: { kind: 'early' }, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 20_000 } } } },
      { maxSessionDurationMs: 40_000 },
    );
    const { status, session } = await new HeadlessPlayer({ ad: inlineAd(), config, seed: 5 }).play();
    expect(status).toBe('stopped');
    const stop = session.events.at(-1);
    expect(stop).toMatchObject({ type: 'stop', clockTime: T0 + 40_000 });
    // 40 s of clock minus 20 s paused: 20 s of media played.
    expect(stop?.mediaTime).toBeCloseTo(20_000, 3);
    expect(session.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['pause', 'resume', 'firstQuartile']),
    );
    expect(session.events.map((e) => e.type)).not.toContain('thirdQuartile');
  });

  it('plays every ad to its end with interruptions: false, whatever the rules', async () => {
    const config = configWith({ viewerExit: { probability: 1, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } } });
    const { status, interruptions } = await new HeadlessPlayer({ ad: inlineAd(), config, interruptions: false }).play();
    expect(status).toBe('completed');
    expect(interruptions).toEqual([]);
  });
});
