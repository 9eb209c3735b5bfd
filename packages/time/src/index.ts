/**
 * @packageDocumentation
 * Injected clocks: realtime, simulated and auto-detected time providers.
 */
export type { TimeProvider, TimeProviderKind } from './time-provider.js';
export { RealtimeTimeProvider } from './realtime-time-provider.js';
export { SimulatedTimeProvider, DEFAULT_SIMULATED_START_TIME } from './simulated-time-provider.js';
export type { SimulatedClockMode, SimulatedTimeProviderOptions } from './simulated-time-provider.js';
export { AutoDetectTimeProvider } from './auto-detect-time-provider.js';
export type { AutoDetectTimeProviderOptions } from './auto-detect-time-provider.js';
export { createTimeProvider } from './create-time-provider.js';
export type { CreateTimeProviderOptions, TimeProviderMode } from './create-time-provider.js';
export { detectPlaybackEnvironment } from './detect-playback-environment.js';
export type {
  EnvironmentVariables,
  PlaybackEnvironment,
  PlaybackEnvironmentReason,
} from './detect-playback-environment.js';
export {
  TimeProviderError,
  TimerLoopLimitError,
  ClockBackwardsError,
  isTimeProviderError,
} from './time-provider-error.js';
export type { TimeProviderErrorCode } from './time-provider-error.js';
export { createSeededRandom } from './seeded-random.js';
export type { SeededRandom } from './seeded-random.js';
