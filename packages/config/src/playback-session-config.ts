import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze.js';
import { InterruptionRuleSchema } from './interruption-rule.js';
import type { InterruptionType } from './interruption-type.js';
import { interruptionRuleProblems } from './interruption-rule-problems.js';
import { PlaybackMode, PlaybackModeSchema } from './playback-mode.js';

/**
 * The interruption rules of a session, one per {@link InterruptionType} at most. Besides each
 * rule's own checks, only pause-like types may resume, and the enabled rules that end the ad must
 * have probabilities summing to at most 1 (they are mutually exclusive).
 */
export const InterruptionRulesSchema = z
  .strictObject({
    /** The viewer pauses (pause-like). */
    viewerPause: InterruptionRuleSchema.optional(),
    /** The viewer leaves the ad for good. */
    viewerExit: InterruptionRuleSchema.optional(),
    /** The viewer zaps to another channel. */
    channelChange: InterruptionRuleSchema.optional(),
    /** The app goes to the background (pause-like). */
    appBackgrounded: InterruptionRuleSchema.optional(),
    /** The media stream fails on the network. */
    networkError: InterruptionRuleSchema.optional(),
    /** Buffering lasts longer than the player allows. */
    bufferingTimeout: InterruptionRuleSchema.optional(),
    /** The device goes to sleep (pause-like). */
    deviceSleep: InterruptionRuleSchema.optional(),
  } satisfies Record<InterruptionType, unknown>)
  .superRefine((rules, ctx) => {
    for (const problem of interruptionRuleProblems(rules)) {
      ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message, params: { code: problem.code } });
    }
  });

/** Interruption rules keyed by type; see {@link InterruptionRulesSchema}. */
export type InterruptionRules = DeepReadonly<z.output<typeof InterruptionRulesSchema>>;

/**
 * How one ad playback session runs. Every field has a default, so `PlaybackSessionConfigSchema.parse({})`
 * gives a working config (without interruptions; the `global` provider profile adds those).
 */
export const PlaybackSessionConfigSchema = z.strictObject({
  /**
   * Real, headless or auto.
   * @defaultValue `'auto'`
   */
  mode: PlaybackModeSchema.default(PlaybackMode.AUTO),
  /**
   * How often the session advances and checks progress, in milliseconds (1 to 60,000).
   * @defaultValue 250
   */
  tickIntervalMs: z.number().int().min(1).max(60_000).default(250),
  /**
   * The longest a session may last, pauses included, in milliseconds; 0 means no limit.
   * @defaultValue 300000 (5 minutes)
   */
  maxSessionDurationMs: z.number().int().min(0).default(300_000),
  /**
   * Whether quartile events (firstQuartile, midpoint, thirdQuartile, complete) are tracked.
   * @defaultValue true
   */
  trackQuartiles: z.boolean().default(true),
  /**
   * Whether `progress` tracking events (offset-based) are tracked.
   * @defaultValue true
   */
  trackProgress: z.boolean().default(true),
  /**
   * Interruption rules by type.
   * @defaultValue `{}`
   */
  interruptions: InterruptionRulesSchema.default({}),
  /**
   * Seed of the session's random source (an unsigned 32-bit integer); the same seed gives the
   * same session.
   * @defaultValue 0
   */
  seed: z.number().int().min(0).max(0xffff_ffff).default(0),
  /**
   * Whether a headless session may send real HTTP beacons. Off by default: simulated playback is
   * a dry run and must not inflate real campaigns.
   * @defaultValue false
   */
  headlessMaySendBeacons: z.boolean().default(false),
});

/** A validated playback session config (defaults filled in). */
export type PlaybackSessionConfig = DeepReadonly<z.output<typeof PlaybackSessionConfigSchema>>;

/** A playback session config as a user writes it (fields with defaults may be left out). */
export type PlaybackSessionConfigInput = z.input<typeof PlaybackSessionConfigSchema>;
