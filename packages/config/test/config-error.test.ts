import { isVastErrorCode } from '@vast/error-codes';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_ERROR_CODE,
  ConfigError,
  ConfigResolver,
  ConfigResolverError,
  isConfigError,
  isConfigResolverError,
  type ConfigOverrides,
} from '@vast/config';

/** Runs `fn`, which must throw a ConfigError, and returns it. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (isConfigError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('ConfigError', () => {
  it('names the level, the path and the bad value of an unknown provider', () => {
    const error = configError(() => new ConfigResolver().resolve('tigr'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.code).toBe(CONFIG_ERROR_CODE);
    expect(error.code).toBe('ERR_VAST_CONFIG');
    expect(error.issues).toEqual([
      {
        level: 'provider',
        source: 'provider "tigr"',
        path: ['provider'],
        pathText: 'provider',
        value: 'tigr',
        code: 'unknown_provider',
        message: 'unknown provider; registered: global, tiger, leto, yandex, google, custom',
      },
    ]);
    expect(error.message).toBe(
      'Invalid config (1 problem):\n  - provider "tigr": provider = "tigr": unknown provider; registered: global, tiger, leto, yandex, google, custom',
    );
  });

  it('reports every problem of a request at once, each with its path and value', () => {
    const error = configError(() =>
      new ConfigResolver().resolve('tigr', undefined, {
        playback: {
          maxSessionDurationMs: -5,
          interruptions: { viewerPause: { probability: 1.5 }, channelChange: { outcome: { kind: 'failed', errorCode: 42 } } },
          colour: 'red',
        },
        tracker: { macroSyntaxes: ['angle'] },
      } as unknown as ConfigOverrides),
    );
    const summary = error.issues.map((issue) => [issue.level, issue.pathText, issue.value, issue.code]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['provider', 'provider', 'tigr', 'unknown_provider'],
        ['request', 'playback.maxSessionDurationMs', -5, 'out_of_range'],
        ['request', 'playback.interruptions.viewerPause.probability', 1.5, 'out_of_range'],
        ['request', 'playback.interruptions.channelChange.outcome.errorCode', 42, 'out_of_range'],
        ['request', 'playback.colour', 'red', 'unknown_field'],
        ['request', 'tracker.macroSyntaxes.0', 'angle', 'invalid_value'],
      ]),
    );
    expect(summary).toHaveLength(6);
    expect(error.issues[0]?.level).toBe('provider');
    expect(error.message).toContain('(6 problems)');
    expect(error.message).toContain('request overrides: playback.interruptions.viewerPause.probability = 1.5: expected number to be <=1');
    expect(error.message).toContain('request overrides: playback.colour = "red": unknown field');
  });

  it('takes exactly the codes isVastErrorCode of @vast/error-codes takes for a failed outcome, naming the path of any other', () => {
    const resolve = (errorCode: number) =>
      new ConfigResolver().resolve('global', undefined, {
        playback: { interruptions: { networkError: { outcome: { kind: 'failed', errorCode } } } },
      });
    for (const code of [100, 902]) {
      expect(isVastErrorCode(code)).toBe(true);
      expect(resolve(code).playback.interruptions.networkError?.outcome).toEqual({ kind: 'failed', errorCode: code });
    }
    for (const code of [99, 903, 100.5]) {
      expect(isVastErrorCode(code)).toBe(false);
      const error = configError(() => resolve(code));
      expect(error.issues, String(code)).toEqual([
        expect.objectContaining({
          level: 'request',
          path: ['playback', 'interruptions', 'networkError', 'outcome', 'errorCode'],
          value: code,
          code: 'out_of_range',
          message: 'expected an IAB VAST error code: an integer from 100 to 902',
        }),
      ]);
      expect(error.message).toContain(
        `request overrides: playback.interruptions.networkError.outcome.errorCode = ${code}: expected an IAB VAST error code`,
      );
    }
  });

  it('blames a sum above 1 on the lowest level that raised one of its probabilities', () => {
    const resolver = new ConfigResolver({
      publishers: { acme: { playback: { interruptions: { viewerExit: { probability: 0.5 } } } } },
    });
    expect(resolver.resolve('tiger', 'acme').playback.interruptions.viewerExit?.probability).toBe(0.5);
    const error = configError(() =>
      resolver.resolve('tiger', 'acme', { playback: { interruptions: { channelChange: { probability: 0.6 } } } }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      level: 'request',
      path: ['playback', 'interruptions'],
      code: 'exclusive_sum',
    });
    expect(error.issues[0]?.value).toBeCloseTo(0.5 + 0.6 + 0.01 + 0.01 + 0.002, 9);
    expect(error.issues[0]?.message).toMatch(/viewerExit, channelChange, networkError, bufferingTimeout, deviceSleep\) sum to 1\.122, above 1$/);
    // Switching another ending rule off below is not blamed: it lowers the sum.
    const ok = resolver.resolve('tiger', 'acme', {
      playback: { interruptions: { channelChange: { probability: 0.6 }, viewerExit: { enabled: false } } },
    });
    expect(ok.playback.interruptions.viewerExit?.enabled).toBe(false);
  });

  it('reports a resumed outcome on a type that ends the ad, and the sum, together with other problems', () => {
    const error = configError(() =>
      new ConfigResolver().resolve('global', undefined, {
        playback: {
          seed: -1,
          interruptions: {
            networkError: { probability: 0.7, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 1 } } },
            viewerExit: { probability: 0.99 },
            channelChange: { probability: 0.5 },
          },
        },
      }),
    );
    expect(error.issues.map((issue) => [issue.pathText, issue.code])).toEqual([
      ['playback.seed', 'out_of_range'],
      ['playback.interruptions.networkError.outcome.kind', 'not_pause_like'],
      ['playback.interruptions', 'exclusive_sum'],
    ]);
  });

  it('blames a missing field on the level that wrote the object it is missing from', () => {
    const error = configError(() =>
      new ConfigResolver().resolve('global', undefined, {
        playback: { interruptions: { viewerExit: { outcome: { kind: 'failed' } } } },
      } as unknown as ConfigOverrides),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        level: 'request',
        pathText: 'playback.interruptions.viewerExit.outcome.errorCode',
        value: undefined,
        code: 'missing',
      }),
    ]);
    expect(error.message).toContain('outcome.errorCode = undefined: required (number)');
  });

  it('reports a wrong type, a bad discriminator and a bad record key', () => {
    const error = configError(() =>
      new ConfigResolver().resolve('global', undefined, {
        playback: { trackQuartiles: 'yes', interruptions: { viewerPause: { when: { kind: 'middle' } } } },
        tracker: { staticMacros: { 'no spaces': 'x' } },
      } as unknown as ConfigOverrides),
    );
    expect(error.issues.map((issue) => [issue.pathText, issue.code, issue.value])).toEqual([
      ['playback.trackQuartiles', 'invalid_type', 'yes'],
      ['playback.interruptions.viewerPause.when.kind', 'invalid_value', 'middle'],
      ['tracker.staticMacros.no spaces', 'invalid_value', 'x'],
    ]);
  });

  it('rejects overrides that are not an object, or nested too deeply', () => {
    const notObject = configError(() => new ConfigResolver().resolve('global', undefined, 7 as unknown as ConfigOverrides));
    expect(notObject.issues[0]).toMatchObject({ level: 'request', pathText: '(root)', value: 7, code: 'invalid_type' });
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) deep = deep['x'] = {};
    const tooDeep = configError(() => new ConfigResolver().resolve('global', undefined, root));
    expect(tooDeep.issues[0]).toMatchObject({ level: 'request', pathText: 'overrides' });
  });

  it('validates profiles when registered and names them', () => {
    const resolver = new ConfigResolver();
    const error = configError(() =>
      resolver.registerProfile({
        name: 'acme-ads',
        config: { playback: { interruptions: { viewerExit: { probability: 2 } } }, tracker: { retries: -1 } },
      }),
    );
    expect(error.issues.map((issue) => [issue.source, issue.pathText, issue.value])).toEqual([
      ['provider "acme-ads"', 'playback.interruptions.viewerExit.probability', 2],
      ['provider "acme-ads"', 'tracker.retries', -1],
    ]);
    expect(resolver.profileNames).not.toContain('acme-ads');
    expect(configError(() => resolver.registerProfile({ name: 'has space', config: {} })).issues[0]).toMatchObject({
      pathText: 'name',
      value: 'has space',
    });
    const global = configError(() => resolver.registerProfile({ name: 'global', config: { parser: { maxBytes: 0 } } }));
    expect(global.issues[0]).toMatchObject({ level: 'global', source: 'global profile', pathText: 'parser.maxBytes', value: 0 });
    expect(configError(() => resolver.unregisterProfile('global')).issues[0]).toMatchObject({ level: 'global', value: 'global' });
  });

  it('validates publishers when registered and keeps the old overrides on failure', () => {
    const resolver = new ConfigResolver({ publishers: { acme: { playback: { seed: 1 } } } });
    const error = configError(() => resolver.registerPublisher('acme', { playback: { seed: 1.5, tickIntervalMs: -1 } }));
    expect(error.issues.map((issue) => [issue.level, issue.source, issue.pathText])).toEqual([
      ['publisher', 'publisher "acme"', 'playback.tickIntervalMs'],
      ['publisher', 'publisher "acme"', 'playback.seed'],
    ]);
    expect(resolver.resolve('global', 'acme').playback.seed).toBe(1);
    expect(configError(() => resolver.registerPublisher('', {})).issues[0]).toMatchObject({ level: 'publisher', pathText: 'publisher' });
  });

  it('collects the problems of every profile and publisher passed to the constructor', () => {
    const error = configError(
      () =>
        new ConfigResolver({
          profiles: [{ name: 'a', config: { parser: { maxDepth: 0 } } }],
          publishers: { p: { tracker: { timeoutMs: 0 } }, q: { parser: { unknown: true } } as ConfigOverrides },
        }),
    );
    expect(error.issues.map((issue) => issue.source)).toEqual(['provider "a"', 'publisher "p"', 'publisher "q"']);
  });

  it('recognises a config error from another copy of the package by its brand', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/config.ConfigError')]: true });
    expect(isConfigError(foreign)).toBe(true);
    expect(isConfigError(new Error('x'))).toBe(false);
    expect(isConfigError(null)).toBe(false);
    expect(isConfigError('ERR_VAST_CONFIG')).toBe(false);
  });

  it('a wrong resolver option is a ConfigResolverError INVALID_RESOLVER_OPTIONS, recognised across copies', () => {
    let caught: unknown;
    try {
      new ConfigResolver({ maxCacheEntries: -1 });
    } catch (error) {
      caught = error;
    }
    expect(isConfigResolverError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'ConfigResolverError', code: 'INVALID_RESOLVER_OPTIONS' });
    expect(isConfigError(caught)).toBe(false);
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/config.ConfigResolverError')]: true });
    expect(isConfigResolverError(foreign)).toBe(true);
    expect(isConfigResolverError(new ConfigResolverError('INVALID_RESOLVER_OPTIONS', 'x'))).toBe(true);
    expect(isConfigResolverError(new RangeError('maxCacheEntries'))).toBe(false);
    expect(isConfigResolverError(undefined)).toBe(false);
  });

  it('prints long and unprintable values briefly', () => {
    const long = 'x'.repeat(200);
    const error = new ConfigError([
      { level: 'request', source: 'request overrides', path: ['a'], pathText: 'a', value: long, code: 'invalid_value', message: 'bad' },
      { level: 'request', source: 'request overrides', path: ['b'], pathText: 'b', value: 10n, code: 'invalid_value', message: 'bad' },
    ]);
    expect(error.message).toContain(`a = "${'x'.repeat(76)}...: bad`);
    expect(error.message).not.toContain('x'.repeat(78));
    expect(error.message).toContain('b = 10: bad');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const unprintable = new ConfigError([
      { level: 'request', source: 'request overrides', path: ['c'], pathText: 'c', value: cyclic, code: 'invalid_value', message: 'bad' },
    ]);
    expect(unprintable.message).toContain('c = (unprintable): bad');
  });
});
