/**
 * @packageDocumentation
 * PlayerFactory: picks the real-time or headless player from config or environment, and shares
 * a scheduler, a beacon transport and macro expanders between the players it makes. It re-exports
 * what a user needs to play an ad: the players, the config resolver, the transports, the parser.
 */
export { PlayerFactory } from './player-factory.js';
export type { FactoryBeaconOptions, FactoryPlayer, PlayerFactoryOptions } from './player-factory.js';
export type {
  CreateHeadlessPlayerOptions,
  CreatePlayerOptions,
  CreateRealPlayerOptions,
  PlayerConfigOptions,
} from './create-player-options.js';
export { createPlayer, createRealPlayer, createHeadlessPlayer } from './create-player.js';
export type { ConveniencePlayerOptions } from './create-player.js';
export { isHeadlessEnvironment } from './is-headless-environment.js';
export { selectPlayerMode } from './player-selection.js';
export type { PlayerModeSource, PlayerSelection, PlayerSelectionReason, SelectPlayerModeOptions } from './player-selection.js';
export { FactoryError, isFactoryError } from './factory-error.js';
export type { FactoryErrorCode } from './factory-error.js';

// What a user of the factory needs, so that installing @vast/factory alone is enough.
export {
  BUILT_IN_PROFILES,
  BuiltInProvider,
  CONFIG_ERROR_CODE,
  ConfigError,
  ConfigLevel,
  ConfigResolver,
  InterruptionType,
  MacroSyntax,
  PlaybackMode,
  ResolvedConfigSchema,
  isConfigError,
} from '@vast/config';
export type {
  ConfigIssue,
  ConfigIssueCode,
  ConfigOverrides,
  ConfigResolverOptions,
  DeepPartial,
  InterruptionRule,
  PlaybackSessionConfig,
  ProviderProfile,
  ResolvedConfig,
  TrackerOptions,
} from '@vast/config';
export { VastErrorCode, describeVastErrorCode, isVastErrorCode } from '@vast/error-codes';
export { VastError, isVastError, parseVast } from '@vast/parser';
export type { InlineAd, ParseVastOptions, VastAd, VastDocument, WrapperAd } from '@vast/parser';
export { BaseVastPlayer, CtvMediaFilePolicy, PlayerError, isPlayerError } from '@vast/player-core';
export type {
  BaseVastPlayerOptions,
  MediaFilePolicy,
  PlayableAd,
  PlaybackResult,
  PlayerErrorCode,
  PlayerEvent,
  PlayerEventType,
  PlayerInterruption,
  PlayerListener,
  ResolvedAdLike,
} from '@vast/player-core';
export { PlaybackScheduler, VastPlayer } from '@vast/player-realtime';
export type { PlaybackSchedulerOptions, ProgressSource, ScheduledTask, VastPlayerOptions } from '@vast/player-realtime';
export { FUNNEL_STEPS, HeadlessPlayer, forecastFunnel } from '@vast/player-headless';
export type { ForecastFunnelOptions, Funnel, FunnelForecast, HeadlessPlayerOptions, PlannedInterruption } from '@vast/player-headless';
export type { JsonValue, PlaybackEvent } from '@vast/session';
export { RealtimeTimeProvider, createSeededRandom, detectPlaybackEnvironment } from '@vast/time';
export type { EnvironmentVariables, PlaybackEnvironment, PlaybackEnvironmentReason, SeededRandom, TimeProvider } from '@vast/time';
export { HttpBeaconTransport, MacroExpander, NullBeaconTransport, RecordingBeaconTransport } from '@vast/tracker';
export type { Beacon, BeaconOutcome, BeaconRequestContext, BeaconTransport, HttpBeaconTransportOptions, MacroContext } from '@vast/tracker';
