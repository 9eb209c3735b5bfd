import { TimeProviderError } from './time-provider-error.js';

/** The environment variables {@link detectPlaybackEnvironment} reads. */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

/**
 * Why {@link detectPlaybackEnvironment} decided as it did:
 * - `override`: `VAST_PLAYBACK_MODE` says so (`real`/`realtime` or `headless`/`simulated`)
 * - `ci`: a CI platform's variable is set
 * - `test-runner`: a test runner's variable is set (vitest, jest, node:test)
 * - `node-env-test`: `NODE_ENV=test`
 * - `no-display`: Linux without `DISPLAY` or `WAYLAND_DISPLAY` (a server or container)
 * - `interactive`: none of the above, so a real viewer may be watching
 */
export type PlaybackEnvironmentReason =
  | 'override'
  | 'ci'
  | 'test-runner'
  | 'node-env-test'
  | 'no-display'
  | 'interactive';

/** What {@link detectPlaybackEnvironment} decided, and why. */
export interface PlaybackEnvironment {
  /** `true` when nobody is watching: play on a simulated clock (headless). */
  readonly headless: boolean;
  /** The rule that decided. */
  readonly reason: PlaybackEnvironmentReason;
  /** The environment variable that decided, when one did. */
  readonly variable: string | null;
  /** One sentence for logs. */
  readonly detail: string;
}

/** Variables set by common CI platforms (CI is checked first, then these in order). */
const CI_VARIABLES = [
  'CI',
  'CONTINUOUS_INTEGRATION',
  'GITHUB_ACTIONS',
  'GITLAB_CI',
  'CIRCLECI',
  'TRAVIS',
  'JENKINS_URL',
  'BUILDKITE',
  'TEAMCITY_VERSION',
  'TF_BUILD',
  'BITBUCKET_BUILD_NUMBER',
  'CODEBUILD_BUILD_ID',
  'DRONE',
  'APPVEYOR',
  'SEMAPHORE',
  'BUILD_BUILDID',
] as const;

/** Variables set by test runners inside the processes they run tests in. */
const TEST_RUNNER_VARIABLES = ['VITEST', 'VITEST_WORKER_ID', 'JEST_WORKER_ID', 'NODE_TEST_CONTEXT'] as const;

/** A variable counts as set when it is present and not an explicit no. */
function isSet(value: string | undefined): value is string {
  if (value === undefined) return false;
  const normalized = value.trim().toLowerCase();
  return normalized !== '' && normalized !== '0' && normalized !== 'false' && normalized !== 'no';
}

function result(
  headless: boolean,
  reason: PlaybackEnvironmentReason,
  variable: string | null,
  detail: string,
): PlaybackEnvironment {
  return { headless, reason, variable, detail };
}

/**
 * Decides whether playback should run headless (simulated clock) or in real time, from the
 * environment. This is the one detector of the project: `createTimeProvider('auto')` and the
 * player factory's AUTO mode both use it.
 *
 * Rules, first match wins: `VAST_PLAYBACK_MODE` (`real`/`realtime` or `headless`/`simulated`);
 * a CI platform (`CI`, `GITHUB_ACTIONS`, `GITLAB_CI`, `CIRCLECI`, `TRAVIS`, `JENKINS_URL`,
 * `BUILDKITE`, `TEAMCITY_VERSION`, `TF_BUILD`, `BITBUCKET_BUILD_NUMBER`, `CODEBUILD_BUILD_ID`,
 * `DRONE`, `APPVEYOR`, `SEMAPHORE`, ...); a test runner (`VITEST`, `JEST_WORKER_ID`,
 * `NODE_TEST_CONTEXT`); `NODE_ENV=test`; Linux without `DISPLAY` and `WAYLAND_DISPLAY`.
 * Otherwise real time. A variable set to `''`, `0`, `false` or `no` counts as unset.
 *
 * @param env - the environment variables (default `process.env`)
 * @param platform - the operating system, as `process.platform` names it (default
 *   `process.platform`)
 * @returns the decision, the rule and the variable that made it
 * @throws `TimeProviderError` `TIME_INVALID_ENVIRONMENT` when `VAST_PLAYBACK_MODE` is set to something it does not know
 *
 * @example
 * ```ts
 * const decision = detectPlaybackEnvironment({ GITHUB_ACTIONS: 'true' }, 'linux');
 * decision.headless; // true
 * decision.reason; // 'ci'
 * ```
 */
export function detectPlaybackEnvironment(
  env: EnvironmentVariables = process.env,
  platform: string = process.platform,
): PlaybackEnvironment {
  const override = env['VAST_PLAYBACK_MODE']?.trim().toLowerCase();
  if (override !== undefined && override !== '' && override !== 'auto') {
    if (override === 'real' || override === 'realtime') {
      return result(false, 'override', 'VAST_PLAYBACK_MODE', `VAST_PLAYBACK_MODE=${override}: real time`);
    }
    if (override === 'headless' || override === 'simulated') {
      return result(true, 'override', 'VAST_PLAYBACK_MODE', `VAST_PLAYBACK_MODE=${override}: headless`);
    }
    throw new TimeProviderError(
      'TIME_INVALID_ENVIRONMENT',
      `VAST_PLAYBACK_MODE must be real, realtime, headless, simulated or auto; got ${JSON.stringify(env['VAST_PLAYBACK_MODE'])}`,
    );
  }
  for (const name of CI_VARIABLES) {
    if (isSet(env[name])) return result(true, 'ci', name, `${name} is set: running in CI, headless`);
  }
  for (const name of TEST_RUNNER_VARIABLES) {
    if (isSet(env[name])) return result(true, 'test-runner', name, `${name} is set: running under a test runner, headless`);
  }
  if (env['NODE_ENV']?.trim().toLowerCase() === 'test') {
    return result(true, 'node-env-test', 'NODE_ENV', 'NODE_ENV=test: headless');
  }
  if (platform === 'linux' && !isSet(env['DISPLAY']) && !isSet(env['WAYLAND_DISPLAY'])) {
    return result(true, 'no-display', null, 'Linux without DISPLAY or WAYLAND_DISPLAY: no screen, headless');
  }
  return result(false, 'interactive', null, 'no CI, test runner or headless host detected: real time');
}
