import { isVastErrorCode } from '@vast/error-codes';
import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze.js';

const nonNegativeMs = z.number().finite().min(0);

/**
 * How long a pause-like interruption lasts before playback resumes, in milliseconds: a fixed
 * delay, a uniform draw between two bounds, or an exponential draw with a mean (capped by `maxMs`
 * when given). Draws use the session's seeded random source.
 */
export const ResumeDelaySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), ms: nonNegativeMs }),
  z
    .strictObject({ kind: z.literal('uniform'), minMs: nonNegativeMs, maxMs: nonNegativeMs })
    .refine((d) => d.minMs <= d.maxMs, { message: 'minMs must not exceed maxMs', path: ['maxMs'] }),
  z.strictObject({ kind: z.literal('exponential'), meanMs: nonNegativeMs, maxMs: nonNegativeMs.optional() }),
]);

/** A resume delay distribution; see {@link ResumeDelaySchema}. */
export type ResumeDelay = DeepReadonly<z.output<typeof ResumeDelaySchema>>;

const segmentWeight = z.number().finite().min(0);

/**
 * When in the ad an interruption happens, as a distribution over playback progress: `uniform`
 * (anywhere), `early` (weighted towards the start), `late` (weighted towards the end), or
 * explicit relative `weights` for the four quartile segments (0-25%, 25-50%, 50-75%, 75-100%).
 */
export const InterruptionTimingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uniform') }),
  z.strictObject({ kind: z.literal('early') }),
  z.strictObject({ kind: z.literal('late') }),
  z
    .strictObject({
      kind: z.literal('weights'),
      weights: z.tuple([segmentWeight, segmentWeight, segmentWeight, segmentWeight]),
    })
    .refine((t) => t.weights.some((w) => w > 0), {
      message: 'at least one quartile weight must be above 0',
      path: ['weights'],
    }),
]);

/** A timing distribution; see {@link InterruptionTimingSchema}. */
export type InterruptionTiming = DeepReadonly<z.output<typeof InterruptionTimingSchema>>;

/**
 * What an interruption leads to: playback `resumed` after a {@link ResumeDelay} (pause-like types
 * only), the ad `stopped` (no error), or the ad `failed` with an IAB VAST error code (100 to 902)
 * that the tracker sends to the Error pixels. The code is checked with `isVastErrorCode` of
 * `@vast/error-codes`, the check the session and the tracker apply, so a config they would refuse
 * fails here, naming the field; such a problem has the issue code `out_of_range`.
 */
export const InterruptionOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('resumed'), resumeAfter: ResumeDelaySchema }),
  z.strictObject({ kind: z.literal('stopped') }),
  z.strictObject({
    kind: z.literal('failed'),
    errorCode: z.number().refine(isVastErrorCode, {
      error: 'expected an IAB VAST error code: an integer from 100 to 902',
      params: { code: 'out_of_range' },
    }),
  }),
]);

/** An interruption outcome; see {@link InterruptionOutcomeSchema}. */
export type InterruptionOutcome = DeepReadonly<z.output<typeof InterruptionOutcomeSchema>>;

/**
 * One interruption rule: whether it is on, the probability that it happens during one ad, when in
 * the ad it happens, and what it leads to. A lower config level can switch a rule off with
 * `enabled: false` without restating the rest.
 */
export const InterruptionRuleSchema = z.strictObject({
  /**
   * Whether the rule applies.
   * @defaultValue true
   */
  enabled: z.boolean().default(true),
  /** Probability (0 to 1) that this interruption happens during one ad. */
  probability: z.number().finite().min(0).max(1),
  /**
   * When in the ad it happens.
   * @defaultValue `{ kind: 'uniform' }`
   */
  when: InterruptionTimingSchema.default({ kind: 'uniform' }),
  /** What it leads to. */
  outcome: InterruptionOutcomeSchema,
});

/** A validated interruption rule (defaults filled in). */
export type InterruptionRule = DeepReadonly<z.output<typeof InterruptionRuleSchema>>;

/** An interruption rule as a user writes it (fields with defaults may be left out). */
export type InterruptionRuleInput = z.input<typeof InterruptionRuleSchema>;
