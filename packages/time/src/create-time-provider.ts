import { AutoDetectTimeProvider, type AutoDetectTimeProviderOptions } from './auto-detect-time-provider.js';
import { RealtimeTimeProvider } from './realtime-time-provider.js';
import { SimulatedTimeProvider, type SimulatedTimeProviderOptions } from './simulated-time-provider.js';

/** Which clock {@link createTimeProvider} makes; `auto` detects it from the environment. */
export type TimeProviderMode = 'realtime' | 'simulated' | 'auto';

/** Options of {@link createTimeProvider}. */
export interface CreateTimeProviderOptions extends AutoDetectTimeProviderOptions {
  /** Which clock to make. */
  readonly mode: TimeProviderMode;
}

/**
 * Makes a clock by mode: the wall clock, a simulated clock, or (for `auto`) an
 * {@link AutoDetectTimeProvider} that picks one with {@link detectPlaybackEnvironment}.
 *
 * @param modeOrOptions - a mode, or options with the mode, the simulated clock's options and the
 *   environment to detect from
 * @returns the clock
 * @throws RangeError when the mode is unknown, or for `auto` when `VAST_PLAYBACK_MODE` is invalid
 *
 * @example
 * ```ts
 * const time = createTimeProvider({ mode: 'simulated', simulated: { mode: 'manual' } });
 * const real = createTimeProvider('realtime');
 * const either = createTimeProvider('auto'); // simulated in CI and tests, real time otherwise
 * ```
 */
export function createTimeProvider(modeOrOptions: 'realtime' | { readonly mode: 'realtime' }): RealtimeTimeProvider;
export function createTimeProvider(
  modeOrOptions: 'simulated' | { readonly mode: 'simulated'; readonly simulated?: SimulatedTimeProviderOptions },
): SimulatedTimeProvider;
export function createTimeProvider(
  modeOrOptions: 'auto' | (AutoDetectTimeProviderOptions & { readonly mode: 'auto' }),
): AutoDetectTimeProvider;
export function createTimeProvider(
  modeOrOptions: TimeProviderMode | CreateTimeProviderOptions,
): RealtimeTimeProvider | SimulatedTimeProvider | AutoDetectTimeProvider;
export function createTimeProvider(
  modeOrOptions: TimeProviderMode | CreateTimeProviderOptions,
): RealtimeTimeProvider | SimulatedTimeProvider | AutoDetectTimeProvider {
  const options: CreateTimeProviderOptions =
    typeof modeOrOptions === 'string' ? { mode: modeOrOptions } : modeOrOptions;
  const mode: string = options.mode;
  switch (mode) {
    case 'realtime':
      return new RealtimeTimeProvider();
    case 'simulated':
      return new SimulatedTimeProvider(options.simulated ?? {});
    case 'auto':
      return new AutoDetectTimeProvider(options);
    default:
      throw new RangeError(`createTimeProvider: mode must be realtime, simulated or auto; got ${JSON.stringify(mode)}`);
  }
}
