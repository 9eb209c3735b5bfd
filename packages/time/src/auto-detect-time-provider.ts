import {
  detectPlaybackEnvironment,
  type EnvironmentVariables,
  type PlaybackEnvironment,
} from './detect-playback-environment.js';
import { RealtimeTimeProvider } from './realtime-time-provider.js';
import { SimulatedTimeProvider, type SimulatedTimeProviderOptions } from './simulated-time-provider.js';
import type { TimeProvider, TimeProviderKind } from './time-provider.js';

/** Options of {@link AutoDetectTimeProvider}. */
export interface AutoDetectTimeProviderOptions {
  /**
   * The environment to detect from.
   * @defaultValue `process.env`
   */
  readonly env?: EnvironmentVariables;
  /**
   * The operating system, as `process.platform` names it.
   * @defaultValue `process.platform`
   */
  readonly platform?: string;
  /**
   * Options of the simulated clock, used when the environment is headless.
   * @defaultValue `{}` (auto-advance from 2025-01-01T00:00:00Z)
   */
  readonly simulated?: SimulatedTimeProviderOptions;
}

/**
 * A clock that decides once, when it is created, between the wall clock and a simulated one, with
 * {@link detectPlaybackEnvironment}; then it behaves exactly like the clock it chose.
 *
 * @example
 * ```ts
 * const time = new AutoDetectTimeProvider();
 * console.log(time.kind, time.environment.detail); // e.g. "simulated GITHUB_ACTIONS is set: ..."
 * await time.sleep(1_000);
 * ```
 */
export class AutoDetectTimeProvider implements TimeProvider {
  /** The decision and its reason. */
  readonly environment: PlaybackEnvironment;
  /** The clock this provider delegates to. */
  readonly delegate: RealtimeTimeProvider | SimulatedTimeProvider;

  /**
   * @param options - the environment to detect from and the simulated clock's options
   * @throws `TimeProviderError` `TIME_INVALID_ENVIRONMENT` when `VAST_PLAYBACK_MODE` holds an unknown value
   */
  constructor(options: AutoDetectTimeProviderOptions = {}) {
    this.environment = detectPlaybackEnvironment(options.env ?? process.env, options.platform ?? process.platform);
    this.delegate = this.environment.headless
      ? new SimulatedTimeProvider(options.simulated ?? {})
      : new RealtimeTimeProvider();
  }

  /** The kind of the chosen clock. */
  get kind(): TimeProviderKind {
    return this.delegate.kind;
  }

  /**
   * The chosen clock's time.
   *
   * @returns milliseconds since the Unix epoch
   */
  now(): number {
    return this.delegate.now();
  }

  /**
   * The chosen clock's monotonic reading.
   *
   * @returns milliseconds from an arbitrary origin; never decreases
   */
  monotonic(): number {
    return this.delegate.monotonic();
  }

  /**
   * Sleeps on the chosen clock.
   *
   * @param ms - how long to wait
   * @param signal - aborts the wait
   * @returns a promise that resolves after `ms` of the chosen clock's time
   * @throws `TimeProviderError` `TIME_INVALID_ARGUMENT` (as a rejection) when `ms` is negative, NaN or infinite
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.delegate.sleep(ms, signal);
  }
}
