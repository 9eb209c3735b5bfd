import { describe, expect, it } from 'vitest';
import { HeadlessPlayer, type PlannedInterruption } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

// Rules certain to end the ad at once: a subclass with its own model must not see them.
const config = configWith({ viewerExit: { probability: 1, when: { kind: 'early' }, outcome: { kind: 'stopped' } } });

/** Its own model: the viewer leaves at 10 s, every time. */
class LeavesAtTen extends HeadlessPlayer {
  readonly windows: { from: number; to: number }[] = [];
  #left = false;

  protected override shouldInterrupt(window: { readonly from: number; readonly to: number }): PlannedInterruption | null {
    this.windows.push({ ...window });
    if (this.#left || window.to <= 10_000) return null;
    this.#left = true;
    return { type: 'viewerExit', at: 10_000, outcome: { kind: 'stopped' } };
  }
}

/** Its own outcome: the "interruption" only mutes the ad, at a seeded point of the first stretch. */
class MutesOnce extends HeadlessPlayer {
  readonly handled: PlannedInterruption[] = [];
  #drawn = false;

  protected override shouldInterrupt(window: { readonly from: number; readonly to: number }): PlannedInterruption | null {
    if (this.#drawn) return null;
    this.#drawn = true;
    const at = window.from + this.random.next() * (window.to - window.from);
    return { type: 'appBackgrounded', at, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 0 } } };
  }

  protected override handleInterruption(interruption: PlannedInterruption): Promise<void> {
    this.handled.push(interruption);
    this.mute();
    this.recordInterruption({ type: interruption.type, mediaTime: this.session.position, clockTime: this.time.now(), outcome: 'resumed', resumeAfterMs: 0 });
    return Promise.resolve();
  }
}

/** Delegates to the default handling for a pause of its own. */
class PausesForTwoSeconds extends HeadlessPlayer {
  #drawn = false;

  protected override shouldInterrupt(window: { readonly from: number; readonly to: number }): PlannedInterruption | null {
    // The contract: an interruption within the window asked about, else null.
    if (this.#drawn || window.to <= 20_000) return null;
    this.#drawn = true;
    return { type: 'viewerPause', at: 20_000, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 2_000 } }, resumeAfterMs: 2_000 };
  }
}

describe('HeadlessPlayer subclasses with their own interruption model', () => {
  it('shouldInterrupt decides where the ad is cut, and the config rules are not drawn', async () => {
    const player = new LeavesAtTen({ ad: inlineAd(), config, seed: 1 });
    const { status, session, interruptions } = await player.play();
    expect(status).toBe('interrupted');
    expect(session.events.at(-1)).toMatchObject({ type: 'interruption', interruptionType: 'viewerExit', mediaTime: 10_000 });
    expect(interruptions).toEqual([expect.objectContaining({ type: 'viewerExit', mediaTime: 10_000, outcome: 'stopped' })]);
    // The loop asks about each stretch between marks: 0 to the first quartile, then to the midpoint.
    expect(player.windows).toEqual([
      { from: 0, to: 7_500 },
      { from: 7_500, to: 15_000 },
    ]);
  });

  it('handleInterruption carries out an outcome of its own; the seeded source stays available', async () => {
    const run = async (seed: number) => {
      const player = new MutesOnce({ ad: inlineAd(), config, seed });
      return { player, result: await player.play() };
    };
    const { player, result } = await run(3);
    expect(result.status).toBe('completed');
    expect(player.handled).toHaveLength(1);
    const mute = result.session.events.find((e) => e.type === 'mute');
    expect(mute?.mediaTime).toBeGreaterThanOrEqual(0);
    expect(mute?.mediaTime).toBeLessThan(7_500);
    expect(result.outcomes.map((o) => o.beacon.event)).toEqual(expect.arrayContaining(['mute', 'complete']));
    expect(result.interruptions).toEqual([expect.objectContaining({ type: 'appBackgrounded', outcome: 'resumed' })]);
    // Same seed, same point.
    expect((await run(3)).result.session.events.find((e) => e.type === 'mute')?.mediaTime).toBe(mute?.mediaTime);
  });

  it('the default handling carries out a planned pause of a custom model', async () => {
    const { status, session } = await new PausesForTwoSeconds({ ad: inlineAd(), config }).play();
    expect(status).toBe('completed');
    const pause = session.events.find((e) => e.type === 'pause');
    const resume = session.events.find((e) => e.type === 'resume');
    expect(pause?.mediaTime).toBe(20_000);
    expect((resume?.clockTime ?? 0) - (pause?.clockTime ?? 0)).toBe(2_000);
  });
});
