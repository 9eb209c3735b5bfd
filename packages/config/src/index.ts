/**
 * @packageDocumentation
 * Playback config schemas, provider profiles and the four-level config resolver.
 */
export { PlaybackMode, PlaybackModeSchema } from './playback-mode.js';
export { InterruptionType, InterruptionTypeSchema, PAUSE_LIKE_INTERRUPTIONS, isPauseLike } from './interruption-type.js';
export {
  ResumeDelaySchema,
  InterruptionTimingSchema,
  InterruptionOutcomeSchema,
  InterruptionRuleSchema,
} from './interruption-rule.js';
export type {
  ResumeDelay,
  InterruptionTiming,
  InterruptionOutcome,
  InterruptionRule,
  InterruptionRuleInput,
} from './interruption-rule.js';
export { InterruptionRulesSchema, PlaybackSessionConfigSchema } from './playback-session-config.js';
export type {
  InterruptionRules,
  PlaybackSessionConfig,
  PlaybackSessionConfigInput,
} from './playback-session-config.js';
export { MacroSyntax, MacroSyntaxSchema } from './macro-syntax.js';
export { TrackerOptionsSchema } from './tracker-options.js';
export type { TrackerOptions, TrackerOptionsInput } from './tracker-options.js';
export { ParserOptionsSchema } from './parser-options.js';
export type { ParserOptions, ParserOptionsInput } from './parser-options.js';
export { ResolvedConfigSchema } from './resolved-config.js';
export type { ResolvedConfig, ConfigOverrides, DeepPartial } from './resolved-config.js';
export type { DeepReadonly } from './deep-freeze.js';
export { BuiltInProvider } from './provider-profile.js';
export type { ProviderProfile } from './provider-profile.js';
export { BUILT_IN_PROFILES } from './built-in-profiles.js';
export { ConfigLevel } from './config-level.js';
export { ConfigError, CONFIG_ERROR_CODE, isConfigError } from './config-error.js';
export type { ConfigIssue, ConfigIssueCode } from './config-error.js';
export { ConfigResolver } from './config-resolver.js';
export { ConfigResolverError, isConfigResolverError } from './config-resolver-error.js';
export type { ConfigResolverErrorCode } from './config-resolver-error.js';
export type { ConfigResolverOptions } from './config-resolver.js';
export { formatExplanation } from './config-explanation.js';
export type { ConfigExplanation, ExplainedField } from './config-explanation.js';
