import { detectPlaybackEnvironment, type EnvironmentVariables } from '@vast/time';
import { FactoryError } from './factory-error.js';

/**
 * Whether auto mode would play headless here: a shorthand for
 * `detectPlaybackEnvironment(env, platform).headless` of `@vast/time` (the project's one
 * detector; call that for the reason too).
 *
 * Rules, first match wins: `VAST_PLAYBACK_MODE` (`real`/`realtime` or `headless`/`simulated`); a
 * CI platform's variable (`CI`, `GITHUB_ACTIONS`, `GITLAB_CI`, ...); a test runner's (`VITEST`,
 * `JEST_WORKER_ID`, `NODE_TEST_CONTEXT`); `NODE_ENV=test`; Linux without `DISPLAY` and
 * `WAYLAND_DISPLAY`. Otherwise real time.
 *
 * @param env - the environment variables @defaultValue `process.env`
 * @param platform - the operating system, as `process.platform` names it @defaultValue `process.platform`
 * @returns `true` when nobody is watching (play headless)
 * @throws {@link FactoryError} `INVALID_PLAYBACK_ENVIRONMENT` when `VAST_PLAYBACK_MODE` holds a value it
 *   does not know (the `cause` is the `TimeProviderError` of `@vast/time`)
 * @example
 * ```ts
 * isHeadlessEnvironment({ CI: 'true' }, 'darwin'); // true
 * isHeadlessEnvironment({ DISPLAY: ':0' }, 'linux'); // false
 * ```
 */
export function isHeadlessEnvironment(env?: EnvironmentVariables, platform?: string): boolean {
  try {
    return detectPlaybackEnvironment(env, platform).headless;
  } catch (error) {
    throw new FactoryError('INVALID_PLAYBACK_ENVIRONMENT', (error as Error).message, { cause: error });
  }
}
