import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectPlaybackEnvironment } from '../src/index.js';

const DESKTOP = { DISPLAY: ':0' };
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
];
const TEST_RUNNER_VARIABLES = ['VITEST', 'VITEST_WORKER_ID', 'JEST_WORKER_ID', 'NODE_TEST_CONTEXT'];

describe('detectPlaybackEnvironment', () => {
  it.each([
    ['CI', 'true'],
    ['GITHUB_ACTIONS', 'true'],
    ['GITLAB_CI', 'true'],
    ['CIRCLECI', 'true'],
    ['TRAVIS', 'true'],
    ['JENKINS_URL', 'https://jenkins.example/'],
    ['BUILDKITE', 'true'],
    ['TEAMCITY_VERSION', '2024.1'],
    ['TF_BUILD', 'True'],
    ['BITBUCKET_BUILD_NUMBER', '17'],
    ['CODEBUILD_BUILD_ID', 'build:1'],
  ])('is headless in CI when %s is set', (variable, value) => {
    const decision = detectPlaybackEnvironment({ ...DESKTOP, [variable]: value }, 'linux');
    expect(decision).toMatchObject({ headless: true, reason: 'ci', variable });
    expect(decision.detail).toContain(variable);
  });

  it.each(['VITEST', 'JEST_WORKER_ID', 'NODE_TEST_CONTEXT'])('is headless under a test runner (%s)', (variable) => {
    expect(detectPlaybackEnvironment({ ...DESKTOP, [variable]: '1' }, 'darwin')).toMatchObject({
      headless: true,
      reason: 'test-runner',
      variable,
    });
  });

  it('is headless with NODE_ENV=test', () => {
    expect(detectPlaybackEnvironment({ NODE_ENV: 'test' }, 'win32')).toMatchObject({
      headless: true,
      reason: 'node-env-test',
    });
  });

  it('is headless on Linux without DISPLAY or WAYLAND_DISPLAY, real time with either', () => {
    expect(detectPlaybackEnvironment({}, 'linux')).toMatchObject({ headless: true, reason: 'no-display', variable: null });
    expect(detectPlaybackEnvironment({ DISPLAY: ':1' }, 'linux')).toMatchObject({ headless: false, reason: 'interactive' });
    expect(detectPlaybackEnvironment({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux').headless).toBe(false);
  });

  it('is real time on a desktop without CI or test markers', () => {
    expect(detectPlaybackEnvironment({ NODE_ENV: 'production' }, 'darwin')).toMatchObject({
      headless: false,
      reason: 'interactive',
      variable: null,
    });
  });

  it('treats CI=false, CI=0 and an empty CI as unset', () => {
    for (const value of ['false', '0', '', 'no']) {
      expect(detectPlaybackEnvironment({ ...DESKTOP, CI: value }, 'linux').headless).toBe(false);
    }
  });

  it('lets VAST_PLAYBACK_MODE override everything, and rejects unknown values', () => {
    expect(detectPlaybackEnvironment({ CI: 'true', VAST_PLAYBACK_MODE: 'real' }, 'linux')).toMatchObject({
      headless: false,
      reason: 'override',
      variable: 'VAST_PLAYBACK_MODE',
    });
    expect(detectPlaybackEnvironment({ ...DESKTOP, VAST_PLAYBACK_MODE: 'Headless' }, 'darwin')).toMatchObject({
      headless: true,
      reason: 'override',
    });
    expect(detectPlaybackEnvironment({ ...DESKTOP, VAST_PLAYBACK_MODE: 'simulated' }, 'darwin').headless).toBe(true);
    expect(detectPlaybackEnvironment({ ...DESKTOP, VAST_PLAYBACK_MODE: 'realtime' }, 'darwin').headless).toBe(false);
    expect(detectPlaybackEnvironment({ CI: '1', VAST_PLAYBACK_MODE: 'auto' }, 'darwin').reason).toBe('ci');
    expect(() => detectPlaybackEnvironment({ VAST_PLAYBACK_MODE: 'fast' }, 'linux')).toThrow(/VAST_PLAYBACK_MODE.*"fast"/);
  });

  describe('by default', () => {
    // Each case sets the variables it relies on, so the suite passes whatever the shell sets.
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('reads process.env', () => {
      vi.stubEnv('VAST_PLAYBACK_MODE', 'real');
      expect(detectPlaybackEnvironment()).toMatchObject({ headless: false, reason: 'override' });
      vi.stubEnv('VAST_PLAYBACK_MODE', 'headless');
      expect(detectPlaybackEnvironment()).toMatchObject({ headless: true, reason: 'override' });
    });

    it('reads process.platform', () => {
      for (const name of [...CI_VARIABLES, ...TEST_RUNNER_VARIABLES, 'VAST_PLAYBACK_MODE', 'NODE_ENV', 'DISPLAY', 'WAYLAND_DISPLAY']) {
        vi.stubEnv(name, '');
      }
      expect(detectPlaybackEnvironment()).toEqual(detectPlaybackEnvironment(process.env, process.platform));
      expect(detectPlaybackEnvironment().reason).toBe(process.platform === 'linux' ? 'no-display' : 'interactive');
    });
  });
});
