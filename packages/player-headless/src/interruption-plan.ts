import { InterruptionType, type InterruptionOutcome, type InterruptionRules, type InterruptionTiming, type ResumeDelay } from '@vast/config';

/** A source of numbers in `[0, 1)`: a `SeededRandom` of `@vast/time`, or anything like it. */
export interface UnitRandom {
  /** The next number, in `[0, 1)`. */
  next(): number;
}

/** An interruption the model decided on, before it happens. */
export interface PlannedInterruption {
  /** The interruption type. */
  readonly type: InterruptionType;
  /** The media position it happens at (ms), from 0 up to (not including) the duration. */
  readonly at: number;
  /** What it leads to (the rule's outcome). */
  readonly outcome: InterruptionOutcome;
  /** For a `resumed` outcome: how long playback stays paused (ms), drawn from the rule. */
  readonly resumeAfterMs?: number;
}

// The order rules are drawn in: fixed, so the same seed always draws the same way.
const TYPES: readonly InterruptionType[] = Object.values(InterruptionType);

/**
 * Where in the ad an interruption happens, as a share of the part that plays, from a timing
 * distribution: `uniform`; `early` (density 2(1 - x), falling to 0 at the end); `late` (density
 * 2x); `weights` (a quartile segment chosen by weight, uniform within it).
 */
function drawShare(timing: InterruptionTiming, random: UnitRandom): number {
  const u = random.next();
  switch (timing.kind) {
    case 'uniform':
      return u;
    case 'early':
      return 1 - Math.sqrt(1 - u);
    case 'late':
      return Math.sqrt(u);
    case 'weights': {
      const total = timing.weights.reduce((sum, w) => sum + w, 0);
      let pick = u * total;
      let segment = 0;
      while (segment < 3 && pick >= (timing.weights[segment] as number)) pick -= timing.weights[segment++] as number;
      return (segment + random.next()) / 4;
    }
  }
}

/** How long a pause-like interruption lasts (ms), from its delay distribution. */
function drawDelay(delay: ResumeDelay, random: UnitRandom): number {
  switch (delay.kind) {
    case 'fixed':
      return delay.ms;
    case 'uniform':
      return delay.minMs + random.next() * (delay.maxMs - delay.minMs);
    case 'exponential': {
      const drawn = -delay.meanMs * Math.log(1 - random.next());
      return delay.maxMs === undefined ? drawn : Math.min(drawn, delay.maxMs);
    }
  }
}

/**
 * Draws the interruptions of one ad from a config's rules (`playback.interruptions`), so that
 * each type's observed rate over many sessions is its configured probability:
 *
 * 1. The rules that end the ad (outcome `stopped` or `failed`) are mutually exclusive (their
 *    probabilities sum to at most 1): one draw picks at most one of them, each with its own
 *    probability. Its position follows its `when` over the whole ad.
 * 2. Each pause-like rule that resumes is drawn on its own with its probability. Its position
 *    follows its `when` over the part of the ad that plays: up to the ending interruption when
 *    there is one, else the whole ad, so a drawn pause always happens. Its pause lasts a draw of
 *    its `resumeAfter`.
 *
 * Disabled rules and rules with probability 0 take no draw.
 *
 * @param rules - the interruption rules of the resolved config
 * @param durationMs - the ad's duration (ms)
 * @param random - the session's seeded random source
 * @returns the interruptions in media order (at most one that ends the ad, last)
 * @example
 * ```ts
 * const plan = planInterruptions(config.playback.interruptions, 30_000, createSeededRandom(7));
 * ```
 */
export function planInterruptions(rules: InterruptionRules, durationMs: number, random: UnitRandom): PlannedInterruption[] {
  const planned: PlannedInterruption[] = [];
  let endAt = durationMs;
  const ending = TYPES.filter((type) => {
    const rule = rules[type];
    return rule !== undefined && rule.enabled && rule.probability > 0 && rule.outcome.kind !== 'resumed';
  });
  if (ending.length > 0) {
    let pick = random.next();
    for (const type of ending) {
      const rule = rules[type];
      if (rule === undefined) continue;
      if (pick < rule.probability) {
        endAt = drawShare(rule.when, random) * durationMs;
        planned.push({ type, at: endAt, outcome: rule.outcome });
        break;
      }
      pick -= rule.probability;
    }
  }
  for (const type of TYPES) {
    const rule = rules[type];
    if (rule === undefined || !rule.enabled || rule.probability <= 0 || rule.outcome.kind !== 'resumed') continue;
    if (random.next() >= rule.probability) continue;
    const at = drawShare(rule.when, random) * endAt;
    planned.push({ type, at, outcome: rule.outcome, resumeAfterMs: drawDelay(rule.outcome.resumeAfter, random) });
  }
  // Stable: at equal positions the pauses (drawn later, listed later) come before the end.
  return planned.sort((a, b) => a.at - b.at || Number(a.outcome.kind !== 'resumed') - Number(b.outcome.kind !== 'resumed'));
}
