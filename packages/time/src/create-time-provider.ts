import { AutoDetectTimeProvider, type AutoDetectTimeProviderOptions } from './auto-detect-time-provider.js';
import { RealtimeTimeProvider } from './realtime-time-provider.js';
import { SimulatedTimeProvider, type SimulatedTimeProviderOptions } from './simulated-time-provider.js';
import { TimeProviderError } from './time-provider-error.js';

/**
 * Which clock {@link createTimeProvider} makes: `realtime` (also spelled `real`, as playback modes
 * are), `simulated` (also `headless`), or `auto` to detect it from the environment.
 */
export type TimeProviderMode = 'realtime' | 'real' | 'simulated' | 'headless' | 'auto';

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
 * @throws {@link TimeProviderError} `TIME_INVALID_ARGUMENT` when the mode is unknown, or `TIME_INVALID_ENVIRONMENT` for `auto` when `VAST_PLAYBACK_MODE` is invalid
 *
 * @example
 * ```ts
 * const time = createTimeProvider({ mode: 'simulated', simulated: { mode: 'manual' } });
 * const real = createTimeProvider('realtime');
 * const either = createTimeProvider('auto'); // simulated in CI and tests, real time otherwise
 * const headless = createTimeProvider('headless'); // a playback mode works too
 * ```
 */
export function createTimeProvider(
  modeOrOptions: 'realtime' | 'real' | { readonly mode: 'realtime' | 'real' },
): RealtimeTimeProvider;
export function createTimeProvider(
  modeOrOptions:
    | 'simulated'
    | 'headless'
    | { readonly mode: 'simulated' | 'headless'; readonly simulated?: SimulatedTimeProviderOptions },
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
    case 'real':
      return new RealtimeTimeProvider();
    case 'simulated':
    case 'headless':
      return new SimulatedTimeProvider(options.simulated ?? {});
    case 'auto':
      return new AutoDetectTimeProvider(options);
    default:
      throw new TimeProviderError('TIME_INVALID_ARGUMENT', `createTimeProvider: mode must be realtime, real, simulated, headless or auto; got ${JSON.stringify(mode)}`);
  }
}
