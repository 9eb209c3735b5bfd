import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import {
  type FactoryError,
  HeadlessPlayer,
  PlayerFactory,
  VastPlayer,
  isFactoryError,
  isHeadlessEnvironment,
  selectPlayerMode,
  type PlaybackMode,
} from '../src/index.js';
import { inlineAd, selectionOf } from './helpers.js';

// Every case passes env and platform explicitly: the ambient environment (this is a test runner,
// maybe in CI) must never decide.
const DESKTOP = { DISPLAY: ':0' } as const;

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
const TEST_RUNNERS = ['VITEST', 'VITEST_WORKER_ID', 'JEST_WORKER_ID', 'NODE_TEST_CONTEXT'];

/** A factory for auto decisions only: nothing in these tests plays on the wall clock. */
function factory(): PlayerFactory {
  return new PlayerFactory({ time: new SimulatedTimeProvider() });
}

describe('auto mode: the environment decides (first match wins)', () => {
  it.each(CI_VARIABLES)('%s set: headless, reason ci, on every platform', (name) => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      const selection = selectPlayerMode({ requested: 'auto', env: { ...DESKTOP, [name]: 'true' }, platform });
      expect(selection).toMatchObject({ mode: 'headless', requested: 'auto', reason: 'ci', variable: name });
    }
  });

  it.each(CI_VARIABLES)('%s set to an explicit no counts as unset', (name) => {
    for (const no of ['', '0', 'false', 'no']) {
      expect(selectPlayerMode({ requested: 'auto', env: { ...DESKTOP, [name]: no }, platform: 'darwin' })).toMatchObject({ mode: 'real', reason: 'interactive' });
    }
  });

  it.each(TEST_RUNNERS)('test runner %s: headless, reason test-runner', (name) => {
    expect(selectPlayerMode({ requested: 'auto', env: { [name]: '1' }, platform: 'darwin' })).toMatchObject({
      mode: 'headless',
      reason: 'test-runner',
      variable: name,
    });
  });

  it('a CI variable is named before a test runner’s', () => {
    expect(selectPlayerMode({ requested: 'auto', env: { VITEST: 'true', GITLAB_CI: 'true' }, platform: 'darwin' })).toMatchObject({ reason: 'ci', variable: 'GITLAB_CI' });
  });

  it('NODE_ENV=test: headless (any case, any platform); another NODE_ENV does not decide', () => {
    expect(selectPlayerMode({ requested: 'auto', env: { NODE_ENV: 'TEST' }, platform: 'win32' })).toMatchObject({ mode: 'headless', reason: 'node-env-test', variable: 'NODE_ENV' });
    expect(selectPlayerMode({ requested: 'auto', env: { NODE_ENV: 'production' }, platform: 'win32' })).toMatchObject({ mode: 'real', reason: 'interactive' });
  });

  it('Linux without DISPLAY or WAYLAND_DISPLAY: headless; with either: real', () => {
    expect(selectPlayerMode({ requested: 'auto', env: {}, platform: 'linux' })).toMatchObject({ mode: 'headless', reason: 'no-display', variable: null });
    expect(selectPlayerMode({ requested: 'auto', env: { DISPLAY: '' }, platform: 'linux' })).toMatchObject({ mode: 'headless', reason: 'no-display' });
    expect(selectPlayerMode({ requested: 'auto', env: { DISPLAY: ':1' }, platform: 'linux' })).toMatchObject({ mode: 'real', reason: 'interactive' });
    expect(selectPlayerMode({ requested: 'auto', env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toMatchObject({ mode: 'real', reason: 'interactive' });
  });

  it.each(['darwin', 'win32', 'freebsd'])('%s without a display variable: real (only Linux is judged by its display)', (platform) => {
    expect(selectPlayerMode({ requested: 'auto', env: {}, platform })).toMatchObject({ mode: 'real', reason: 'interactive', variable: null });
  });

  it.each([
    ['real', 'real'],
    ['realtime', 'real'],
    ['REAL', 'real'],
    ['headless', 'headless'],
    ['simulated', 'headless'],
  ] as const)('VAST_PLAYBACK_MODE=%s wins over CI, test runners and the display: %s', (value, mode) => {
    const env = { VAST_PLAYBACK_MODE: value, CI: 'true', VITEST: 'true', NODE_ENV: 'test' };
    expect(selectPlayerMode({ requested: 'auto', env, platform: 'linux' })).toMatchObject({ mode, reason: 'override', variable: 'VAST_PLAYBACK_MODE' });
    expect(selectPlayerMode({ requested: 'auto', env: { VAST_PLAYBACK_MODE: value }, platform: 'darwin' }).mode).toBe(mode);
  });

  it('VAST_PLAYBACK_MODE=auto or empty leaves the decision to the other rules', () => {
    expect(selectPlayerMode({ requested: 'auto', env: { VAST_PLAYBACK_MODE: 'auto', CI: '1' }, platform: 'darwin' }).reason).toBe('ci');
    expect(selectPlayerMode({ requested: 'auto', env: { VAST_PLAYBACK_MODE: '' }, platform: 'darwin' }).reason).toBe('interactive');
  });

  it('an unknown VAST_PLAYBACK_MODE is a typed error naming the value', () => {
    let error: unknown;
    try {
      selectPlayerMode({ requested: 'auto', env: { VAST_PLAYBACK_MODE: 'fast' }, platform: 'linux' });
    } catch (caught) {
      error = caught;
    }
    expect(isFactoryError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_PLAYBACK_ENVIRONMENT', message: expect.stringContaining('"fast"') as unknown });
    expect((error as FactoryError).cause).toMatchObject({ code: 'TIME_INVALID_ENVIRONMENT' });
  });

  it('isHeadlessEnvironment answers what auto mode would choose', () => {
    expect(isHeadlessEnvironment({ CI: 'true' }, 'darwin')).toBe(true);
    expect(isHeadlessEnvironment({ DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(isHeadlessEnvironment({}, 'linux')).toBe(true);
    expect(isHeadlessEnvironment({}, 'darwin')).toBe(false);
    expect(() => isHeadlessEnvironment({ VAST_PLAYBACK_MODE: 'maybe' }, 'darwin')).toThrow(
      expect.objectContaining({ name: 'FactoryError', code: 'INVALID_PLAYBACK_ENVIRONMENT', message: expect.stringContaining('"maybe"') as unknown }),
    );
  });
});

describe('explicit modes win', () => {
  it.each(['real', 'headless'] as const)('mode %s is taken as asked, whatever the environment says', (requested) => {
    for (const env of [{ CI: 'true' }, { VAST_PLAYBACK_MODE: 'real' }, { VAST_PLAYBACK_MODE: 'headless' }, DESKTOP, {}]) {
      expect(selectPlayerMode({ requested, env, platform: 'linux' })).toEqual({
        mode: requested,
        requested,
        source: 'option',
        reason: 'requested',
        variable: null,
        detail: `${requested} as the option asked`,
      });
    }
  });

  it('an explicit mode does not even read a broken VAST_PLAYBACK_MODE', () => {
    expect(selectPlayerMode({ requested: 'headless', env: { VAST_PLAYBACK_MODE: 'bogus' } }).mode).toBe('headless');
  });

  it('an unknown mode is a typed error', () => {
    expect(() => selectPlayerMode({ requested: 'fast' as PlaybackMode })).toThrow(expect.objectContaining({ code: 'INVALID_FACTORY_OPTIONS' }) as Error);
  });
});

describe('PlayerFactory.create: option, then config, then environment', () => {
  const ad = inlineAd();
  const cases: [string, { mode?: PlaybackMode; configMode: PlaybackMode; env: Record<string, string>; platform: string }, 'real' | 'headless', string, string][] = [
    ['config real beats CI', { configMode: 'real', env: { CI: 'true' }, platform: 'linux' }, 'real', 'config', 'requested'],
    ['config headless beats a desktop', { configMode: 'headless', env: DESKTOP, platform: 'linux' }, 'headless', 'config', 'requested'],
    ['config real beats VAST_PLAYBACK_MODE=headless', { configMode: 'real', env: { VAST_PLAYBACK_MODE: 'headless' }, platform: 'darwin' }, 'real', 'config', 'requested'],
    ['config auto on a desktop', { configMode: 'auto', env: DESKTOP, platform: 'linux' }, 'real', 'config', 'interactive'],
    ['config auto in CI', { configMode: 'auto', env: { GITHUB_ACTIONS: 'true', DISPLAY: ':0' }, platform: 'linux' }, 'headless', 'config', 'ci'],
    ['config auto on a Linux server', { configMode: 'auto', env: {}, platform: 'linux' }, 'headless', 'config', 'no-display'],
    ['option real beats config headless', { mode: 'real', configMode: 'headless', env: {}, platform: 'linux' }, 'real', 'option', 'requested'],
    ['option headless beats config real', { mode: 'headless', configMode: 'real', env: DESKTOP, platform: 'darwin' }, 'headless', 'option', 'requested'],
    ['option auto beats config real', { mode: 'auto', configMode: 'real', env: { NODE_ENV: 'test' }, platform: 'darwin' }, 'headless', 'option', 'node-env-test'],
    ['option auto with the override variable', { mode: 'auto', configMode: 'headless', env: { VAST_PLAYBACK_MODE: 'realtime' }, platform: 'linux' }, 'real', 'option', 'override'],
  ];

  it.each(cases)('%s', (_name, input, mode, source, reason) => {
    const f = factory();
    const options = { overrides: { playback: { mode: input.configMode } }, env: input.env, platform: input.platform, ...(input.mode === undefined ? {} : { mode: input.mode }) };
    expect(f.select(options)).toMatchObject({ mode, source, reason });
    const player = f.create(ad, options);
    expect(player).toBeInstanceOf(mode === 'real' ? VastPlayer : HeadlessPlayer);
    expect(player.session.mode).toBe(mode);
    expect(selectionOf(player.session)).toMatchObject({ mode, requested: input.mode ?? input.configMode, source, reason });
  });

  it('the factory’s env and platform apply when the call gives none; the call’s win', () => {
    const f = new PlayerFactory({ time: new SimulatedTimeProvider(), env: { CI: 'true' }, platform: 'darwin' });
    expect(f.select({ mode: 'auto' })).toMatchObject({ mode: 'headless', reason: 'ci' });
    expect(f.select({ mode: 'auto', env: {} })).toMatchObject({ mode: 'real', reason: 'interactive' });
    expect(f.select({ mode: 'auto', env: {}, platform: 'linux' })).toMatchObject({ mode: 'headless', reason: 'no-display' });
  });

  it('createReal and createHeadless ignore config and environment, and record that the call chose', () => {
    const f = factory();
    const overrides = { playback: { mode: 'headless' as const } };
    const real = f.createReal(ad, { overrides });
    expect(selectionOf(real.session)).toEqual({ mode: 'real', requested: 'real', source: 'call', reason: 'requested', variable: null, detail: 'real as the call asked' });
    const headless = f.createHeadless(ad, { overrides: { playback: { mode: 'real' } } });
    expect(selectionOf(headless.session)).toMatchObject({ mode: 'headless', source: 'call' });
  });

  it('the selection survives the session JSON, next to the caller’s own record and the player’s', async () => {
    const f = factory();
    const player = f.create(ad, { mode: 'auto', env: { BUILDKITE: 'true' }, platform: 'linux', record: { campaign: 'c-1' } });
    await player.play();
    const json = JSON.parse(player.session.toJSONText()) as { config: { player: Record<string, unknown> } };
    expect(json.config.player).toEqual({
      campaign: 'c-1',
      beacons: 'recorded',
      seed: 0,
      selection: { mode: 'headless', requested: 'auto', source: 'option', reason: 'ci', variable: 'BUILDKITE', detail: 'BUILDKITE is set: running in CI, headless' },
    });
  });
});
