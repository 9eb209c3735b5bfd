import { InterruptionType } from '@vast/config';
import { describe, expect, it } from 'vitest';
import { forecastFunnel } from '../src/index.js';
import { inlineAd, profileConfig } from './helpers.js';

const SESSIONS = 100_000;

/**
 * The statistical test of issue 11: over many seeds the observed rate of each interruption type
 * converges to its configured probability.
 *
 * Why each type's count is Binomial(SESSIONS, p) under the model (see `planInterruptions`): the
 * rules that end the ad share one uniform draw cut into disjoint intervals of their probabilities,
 * so each happens with its own p; each pause-like rule that resumes takes its own draw with its p
 * and is placed within the part of the ad that plays, so it always happens; the longest pauses the
 * global profile draws (20 s and 120 s capped, both in one session at worst) plus the 30 s ad stay
 * under the 300 s session limit, so no session ends before a drawn interruption.
 *
 * Tolerance: 5 binomial standard errors, sqrt(p (1 - p) / n). A correct model misses it with
 * probability about 6e-7 per type, and the run is deterministic by seed, so the test never flakes;
 * a model off by 10% of p (e.g. 0.055 for 0.05) misses it for every type from p = 0.03 up.
 */
describe('interruption rates over 100,000 sessions (global profile, 30 s ad)', () => {
  it(
    'observes each type at its configured probability, within 5 standard errors',
    async () => {
      const config = profileConfig('global');
      const forecast = await forecastFunnel({ ad: inlineAd({ durationSeconds: 30 }), config, sessions: SESSIONS, seed: 20_261_130 });
      expect(forecast.sessions).toBe(SESSIONS);

      const rules = config.playback.interruptions;
      const enabled = Object.values(InterruptionType).filter((type) => rules[type]?.enabled === true);
      // Several kinds: pause-like resumed, stopped and failed rules.
      expect(enabled.length).toBeGreaterThanOrEqual(6);
      const report = enabled.map((type) => {
        const p = rules[type]?.probability ?? 0;
        const observed = (forecast.interruptions[type] ?? 0) / SESSIONS;
        const tolerance = 5 * Math.sqrt((p * (1 - p)) / SESSIONS);
        return { type, p, observed, within: Math.abs(observed - p) <= tolerance };
      });
      expect(report.filter((r) => !r.within)).toEqual([]);

      // The statuses follow from the outcomes: each session ends at most once.
      const ending = (kind: 'stopped' | 'failed'): number =>
        enabled.filter((type) => rules[type]?.outcome.kind === kind).reduce((sum, type) => sum + (forecast.interruptions[type] ?? 0), 0);
      expect(forecast.statuses.interrupted).toBe(ending('stopped'));
      expect(forecast.statuses.failed).toBe(ending('failed'));
      expect(forecast.statuses.completed).toBe(SESSIONS - ending('stopped') - ending('failed'));
    },
    // A guard against a hang, not a timing assertion: 100,000 sessions share 2 cores with coverage.
    180_000,
  );
});
