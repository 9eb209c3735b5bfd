import type { InterruptionRuleInput, InterruptionType } from '@vast/config';
import { createSeededRandom } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { planInterruptions, type PlannedInterruption, type UnitRandom } from '../src/index.js';
import { configWith } from './helpers.js';

const DURATION = 30_000;
const DRAWS = 20_000;

function rulesOf(rules: Partial<Record<InterruptionType, InterruptionRuleInput>>) {
  return configWith(rules).playback.interruptions;
}

/** Positions (as a share of the duration) of `DRAWS` plans of one certain ending rule. */
function shares(when: InterruptionRuleInput['when'], seed: number): number[] {
  const rules = rulesOf({ viewerExit: { probability: 1, when, outcome: { kind: 'stopped' } } });
  const random = createSeededRandom(seed);
  return Array.from({ length: DRAWS }, () => {
    const [only] = planInterruptions(rules, DURATION, random);
    return (only as PlannedInterruption).at / DURATION;
  });
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

// Tolerances: 5 standard errors of the estimate over DRAWS draws, rounded up (deterministic by
// seed, so the test never flakes; a wrong density would miss by far more). A share in [0, 1) has a
// standard deviation of at most 0.29, so the standard error of a mean is at most 0.0021 (5 SE:
// 0.0105); a quartile share's standard error is at most sqrt(0.25 / DRAWS) = 0.0035 (5 SE: 0.018).
const MEAN_TOLERANCE = 0.011;
const SHARE_TOLERANCE = 0.018;

describe('planInterruptions', () => {
  it('places every interruption within [0, duration)', () => {
    const timings: InterruptionRuleInput['when'][] = [{ kind: 'uniform' }, { kind: 'early' }, { kind: 'late' }, { kind: 'weights', weights: [0, 0, 0, 1] }];
    for (const when of timings) {
      const drawn = shares(when, 1);
      expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...drawn)).toBeLessThan(1);
    }
  });

  it("'uniform' centres on 1/2, 'early' on 1/3 and 'late' on 2/3 of the duration", () => {
    expect(Math.abs(mean(shares({ kind: 'uniform' }, 2)) - 1 / 2)).toBeLessThan(MEAN_TOLERANCE);
    expect(Math.abs(mean(shares({ kind: 'early' }, 3)) - 1 / 3)).toBeLessThan(MEAN_TOLERANCE);
    expect(Math.abs(mean(shares({ kind: 'late' }, 4)) - 2 / 3)).toBeLessThan(MEAN_TOLERANCE);
    // 'early' has density 2(1 - x): 3/4 of the draws fall in the first half; 'late' the mirror.
    const firstHalf = (values: number[]): number => values.filter((x) => x < 0.5).length / values.length;
    expect(Math.abs(firstHalf(shares({ kind: 'early' }, 5)) - 0.75)).toBeLessThan(SHARE_TOLERANCE);
    expect(Math.abs(firstHalf(shares({ kind: 'late' }, 6)) - 0.25)).toBeLessThan(SHARE_TOLERANCE);
  });

  it("'weights' gives each quartile its share of the weight", () => {
    const drawn = shares({ kind: 'weights', weights: [4, 3, 2, 1] }, 7);
    const quartiles = [0, 0, 0, 0];
    for (const x of drawn) quartiles[Math.floor(x * 4)]! += 1;
    const expected = [0.4, 0.3, 0.2, 0.1];
    quartiles.forEach((count, q) => expect(Math.abs(count / DRAWS - expected[q]!)).toBeLessThan(SHARE_TOLERANCE));
    // A zero weight gets nothing.
    expect(new Set(shares({ kind: 'weights', weights: [0, 0, 5, 0] }, 8).map((x) => Math.floor(x * 4)))).toEqual(new Set([2]));
  });

  it('draws at most one ending interruption, last, with pauses only in the part that plays', () => {
    const rules = rulesOf({
      viewerPause: { probability: 0.7, outcome: { kind: 'resumed', resumeAfter: { kind: 'uniform', minMs: 1_000, maxMs: 3_000 } } },
      appBackgrounded: { probability: 0.5, outcome: { kind: 'resumed', resumeAfter: { kind: 'exponential', meanMs: 10_000, maxMs: 12_000 } } },
      deviceSleep: { probability: 0.5, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 777 } } },
      viewerExit: { probability: 0.4, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } },
      bufferingTimeout: { probability: 0.6, when: { kind: 'early' }, outcome: { kind: 'failed', errorCode: 402 } },
    });
    const random = createSeededRandom(9);
    let ended = 0;
    let capped = 0;
    for (let i = 0; i < 5_000; i++) {
      const plan = planInterruptions(rules, DURATION, random);
      const endings = plan.filter((p) => p.outcome.kind !== 'resumed');
      expect(endings.length).toBeLessThanOrEqual(1);
      if (endings.length === 1) {
        ended++;
        expect(plan.at(-1)).toBe(endings[0]);
        for (const p of plan) expect(p.at).toBeLessThanOrEqual(endings[0]!.at);
      }
      for (let j = 1; j < plan.length; j++) expect(plan[j]!.at).toBeGreaterThanOrEqual(plan[j - 1]!.at);
      for (const p of plan) {
        if (p.type === 'viewerPause') expect(p.resumeAfterMs).toBeGreaterThanOrEqual(1_000);
        if (p.type === 'viewerPause') expect(p.resumeAfterMs).toBeLessThanOrEqual(3_000);
        if (p.type === 'appBackgrounded') expect(p.resumeAfterMs).toBeLessThanOrEqual(12_000);
        if (p.type === 'appBackgrounded' && p.resumeAfterMs === 12_000) capped++;
        if (p.type === 'deviceSleep') expect(p.resumeAfterMs).toBe(777);
        if (p.outcome.kind !== 'resumed') expect(p.resumeAfterMs).toBeUndefined();
      }
    }
    // The two ending rules are exclusive: together they happen with 0.4 + 0.6 = every time.
    expect(ended).toBe(5_000);
    // An exponential of mean 10 s exceeds 12 s with probability e^-1.2 (0.30): the cap is used.
    expect(capped).toBeGreaterThan(0);
  });

  it('draws an uncapped exponential pause with its mean', () => {
    const rules = rulesOf({
      appBackgrounded: { probability: 1, outcome: { kind: 'resumed', resumeAfter: { kind: 'exponential', meanMs: 1_000 } } },
    });
    const random = createSeededRandom(12);
    const delays = Array.from({ length: DRAWS }, () => planInterruptions(rules, DURATION, random)[0]?.resumeAfterMs ?? Number.NaN);
    // The standard deviation of an exponential is its mean: 5 standard errors are 5 * 1000 / sqrt(DRAWS) = 35 ms.
    expect(Math.abs(mean(delays) - 1_000)).toBeLessThan(36);
    expect(Math.max(...delays)).toBeGreaterThan(5_000);
  });

  it('takes no draw for disabled rules and rules of probability 0, and is deterministic by source', () => {
    let draws = 0;
    const counting: UnitRandom = {
      next: () => {
        draws++;
        return 0;
      },
    };
    const none = rulesOf({
      viewerExit: { enabled: false, probability: 1, outcome: { kind: 'stopped' } },
      viewerPause: { probability: 0, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 1 } } },
    });
    expect(planInterruptions(none, DURATION, counting)).toEqual([]);
    expect(draws).toBe(0);

    const allOff = configWith().playback.interruptions;
    const mixed = rulesOf({
      viewerPause: { probability: 0.5, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 1 } } },
      channelChange: { probability: 0.5, when: { kind: 'early' }, outcome: { kind: 'stopped' } },
    });
    expect(planInterruptions(allOff, DURATION, createSeededRandom(1))).toEqual([]);
    const a = createSeededRandom(10);
    const b = createSeededRandom(10);
    for (let i = 0; i < 100; i++) expect(planInterruptions(mixed, DURATION, a)).toEqual(planInterruptions(mixed, DURATION, b));
  });

  it('orders a pause before an ending interruption at the same position', () => {
    // Every draw is 0: the ending and the pause both land at 0.
    const zero: UnitRandom = { next: () => 0 };
    const rules = rulesOf({
      viewerPause: { probability: 0.5, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 10 } } },
      viewerExit: { probability: 0.5, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } },
    });
    expect(planInterruptions(rules, DURATION, zero).map((p) => [p.type, p.at])).toEqual([
      ['viewerPause', 0],
      ['viewerExit', 0],
    ]);
  });
});
