import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, BuiltInProvider, ConfigResolver, formatExplanation, ResolvedConfigSchema } from '@vast/config';

const stopped = { kind: 'stopped' } as const;

describe('ConfigResolver levels', () => {
  it('level 1: resolving "global" gives schema defaults plus the global profile', () => {
    const config = new ConfigResolver().resolve('global');
    expect(config.playback.tickIntervalMs).toBe(250);
    expect(config.playback.interruptions.viewerPause?.probability).toBe(0.05);
    expect(Object.keys(config.playback.interruptions)).toHaveLength(7);
    expect(config.tracker.macroSyntaxes).toEqual(['iab']);
    expect(config.tracker.staticMacros).toEqual({ CLIENTUA: 'vast-middleware' });
  });

  it('level 2: a provider profile overrides the global profile field by field', () => {
    const config = new ConfigResolver().resolve('tiger');
    expect(config.playback.interruptions.viewerExit).toEqual({
      enabled: true,
      probability: 0.06, // tiger
      when: { kind: 'weights', weights: [4, 3, 2, 1] }, // global
      outcome: stopped, // global
    });
    expect(config.tracker.macroSyntaxes).toEqual(['iab', 'percent']);
    expect(config.tracker.staticMacros).toEqual({ CLIENTUA: 'vast-middleware', PLATFORM: 'ctv', SDK: 'vast-middleware' });
  });

  it('level 3: publisher overrides apply to that publisher only, over any provider', () => {
    const resolver = new ConfigResolver({ publishers: { acme: { parser: { strict: true }, playback: { seed: 9 } } } });
    expect(resolver.resolve('leto', 'acme').parser.strict).toBe(true);
    expect(resolver.resolve('google', 'acme').playback.seed).toBe(9);
    expect(resolver.resolve('leto', 'other').parser.strict).toBe(false);
    expect(resolver.resolve('leto').parser.strict).toBe(false);
    expect(resolver.resolve('leto', '').parser.strict).toBe(false);
  });

  it('level 4: request overrides win over every other level', () => {
    const resolver = new ConfigResolver({ publishers: { acme: { playback: { seed: 9, mode: 'real' } } } });
    const config = resolver.resolve('yandex', 'acme', {
      playback: { seed: 10 },
      tracker: { timeoutMs: 900 },
      parser: { maxBytes: 2048 },
    });
    expect(config.playback.seed).toBe(10);
    expect(config.playback.mode).toBe('real');
    expect(config.tracker.timeoutMs).toBe(900);
    expect(config.tracker.macroSyntaxes).toEqual(['brace', 'iab']);
    expect(config.parser.maxBytes).toBe(2048);
  });

  it('every built-in profile resolves, and custom is the global profile unchanged', () => {
    const resolver = new ConfigResolver();
    expect(resolver.profileNames).toEqual(['global', 'tiger', 'leto', 'yandex', 'google', 'custom']);
    expect(BUILT_IN_PROFILES.map((profile) => profile.name)).toEqual(Object.values(BuiltInProvider));
    for (const name of resolver.profileNames) {
      const config = resolver.resolve(name);
      expect(ResolvedConfigSchema.parse(config)).toEqual(config);
    }
    expect(resolver.resolve('custom')).toEqual(resolver.resolve('global'));
    const distinct = new Set(['tiger', 'leto', 'yandex', 'google'].map((name) => JSON.stringify(resolver.resolve(name).tracker)));
    expect(distinct.size).toBe(4);
  });

  it('registered profiles are resolvable and can replace built-in ones', () => {
    const resolver = new ConfigResolver({
      profiles: [{ name: 'acme-ads', description: 'test', config: { tracker: { macroSyntaxes: ['dollar', 'brace'] } } }],
    });
    expect(resolver.resolve('acme-ads').tracker.macroSyntaxes).toEqual(['dollar', 'brace']);
    expect(resolver.getProfile('acme-ads')?.description).toBe('test');
    resolver.registerProfile({ name: 'custom', config: { playback: { trackProgress: false } } });
    expect(resolver.resolve('custom').playback.trackProgress).toBe(false);
    expect(resolver.unregisterProfile('acme-ads')).toBe(true);
    expect(resolver.unregisterProfile('acme-ads')).toBe(false);
    expect(() => resolver.resolve('acme-ads')).toThrow(/unknown provider/);
  });

  it('replacing the global profile changes level 1 for every provider', () => {
    const resolver = new ConfigResolver();
    const before = resolver.resolve('custom');
    resolver.registerProfile({ name: 'global', config: { tracker: { retries: 0 } } });
    const after = resolver.resolve('custom');
    expect(after).not.toBe(before);
    expect(after.tracker.retries).toBe(0);
    expect(after.playback.interruptions).toEqual({});
    // tiger only tunes probabilities; without the global rules its rules lack an outcome.
    expect(() => resolver.resolve('tiger')).toThrow(/provider "tiger": playback\.interruptions\.viewerExit\.outcome = undefined: required/);
  });
});

describe('ConfigResolver merge rules', () => {
  it('merges interruption rules per type and per field', () => {
    const resolver = new ConfigResolver({
      publishers: { acme: { playback: { interruptions: { viewerPause: { when: { kind: 'late' } } } } } },
    });
    const rules = resolver.resolve('leto', 'acme', {
      playback: { interruptions: { viewerPause: { outcome: { resumeAfter: { maxMs: 40_000 } } } } },
    }).playback.interruptions;
    expect(rules.viewerPause).toEqual({
      enabled: true,
      probability: 0.03, // leto
      when: { kind: 'late' }, // publisher
      outcome: { kind: 'resumed', resumeAfter: { kind: 'uniform', minMs: 2000, maxMs: 40_000 } }, // global + request
    });
    expect(rules.bufferingTimeout?.probability).toBe(0.02);
    expect(Object.keys(rules)).toHaveLength(7);
  });

  it('lets a lower level switch a rule off and a still lower one switch it back on', () => {
    const resolver = new ConfigResolver({
      publishers: { acme: { playback: { interruptions: { deviceSleep: { enabled: false } } } } },
    });
    expect(resolver.resolve('global', 'acme').playback.interruptions.deviceSleep).toMatchObject({
      enabled: false,
      probability: 0.002,
    });
    const back = resolver.resolve('global', 'acme', { playback: { interruptions: { deviceSleep: { enabled: true } } } });
    expect(back.playback.interruptions.deviceSleep?.enabled).toBe(true);
  });

  it('replaces arrays instead of concatenating them', () => {
    const resolver = new ConfigResolver();
    expect(resolver.resolve('tiger', undefined, { tracker: { macroSyntaxes: ['brace'] } }).tracker.macroSyntaxes).toEqual(['brace']);
    const weights = resolver.resolve('global', undefined, {
      playback: { interruptions: { viewerExit: { when: { kind: 'weights', weights: [1, 0, 0, 0] } } } },
    });
    expect(weights.playback.interruptions.viewerExit?.when).toEqual({ kind: 'weights', weights: [1, 0, 0, 0] });
  });

  it('merges static macros and headers by name', () => {
    const resolver = new ConfigResolver({ publishers: { acme: { tracker: { staticMacros: { PLATFORM: 'stb' }, headers: { 'X-A': '1' } } } } });
    const tracker = resolver.resolve('tiger', 'acme', { tracker: { headers: { 'X-B': '2' } } }).tracker;
    expect(tracker.staticMacros).toEqual({ CLIENTUA: 'vast-middleware', PLATFORM: 'stb', SDK: 'vast-middleware' });
    expect(tracker.headers).toEqual({ 'X-A': '1', 'X-B': '2' });
  });

  it('replaces a tagged object whole when its kind changes, and merges it when the kind stays', () => {
    const resolver = new ConfigResolver();
    const stop = resolver.resolve('global', undefined, { playback: { interruptions: { viewerPause: { outcome: stopped } } } });
    expect(stop.playback.interruptions.viewerPause?.outcome).toEqual(stopped);
    const fixed = resolver.resolve('global', undefined, {
      playback: { interruptions: { viewerPause: { outcome: { resumeAfter: { kind: 'fixed', ms: 5000 } } } } },
    });
    expect(fixed.playback.interruptions.viewerPause?.outcome).toEqual({ kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 5000 } });
    const code = resolver.resolve('global', undefined, {
      playback: { interruptions: { networkError: { outcome: { kind: 'failed', errorCode: 400 } } } },
    });
    expect(code.playback.interruptions.networkError?.outcome).toEqual({ kind: 'failed', errorCode: 400 });
  });

  it('adds a rule for a type no upper level has, with defaults for what it leaves out', () => {
    const resolver = new ConfigResolver();
    resolver.registerProfile({ name: 'global', config: {} });
    const config = resolver.resolve('global', undefined, {
      playback: { interruptions: { channelChange: { probability: 0.2, outcome: stopped } } },
    });
    expect(config.playback.interruptions).toEqual({
      channelChange: { enabled: true, probability: 0.2, when: { kind: 'uniform' }, outcome: stopped },
    });
  });

  it('ignores undefined fields in overrides instead of erasing values', () => {
    const overrides = { playback: { seed: undefined, mode: 'headless' as const } };
    const config = new ConfigResolver().resolve('global', undefined, overrides);
    expect(config.playback.seed).toBe(0);
    expect(config.playback.mode).toBe('headless');
  });
});

describe('ConfigResolver.explain', () => {
  it('names the level and source of every field', () => {
    const resolver = new ConfigResolver({
      publishers: { acme: { playback: { interruptions: { viewerPause: { enabled: false } } } } },
    });
    const { config, fields } = resolver.explain('tiger', 'acme', { parser: { strict: true } });
    expect(config).toBe(resolver.resolve('tiger', 'acme', { parser: { strict: true } }));
    expect(fields['parser.strict']).toEqual({ path: 'parser.strict', value: true, level: 'request', source: 'request overrides' });
    expect(fields['playback.interruptions.viewerPause.enabled']).toMatchObject({ level: 'publisher', source: 'publisher "acme"' });
    expect(fields['playback.interruptions.viewerExit.probability']).toMatchObject({ value: 0.06, level: 'provider', source: 'provider "tiger"' });
    expect(fields['playback.interruptions.viewerExit.when.weights']).toMatchObject({ value: [4, 3, 2, 1], level: 'global' });
    expect(fields['tracker.staticMacros.CLIENTUA']).toMatchObject({ level: 'global', source: 'global profile' });
    expect(fields['parser.maxBytes']).toMatchObject({ value: 1_048_576, level: 'global', source: 'schema default' });
    expect(fields['playback.interruptions.viewerExit.enabled']?.source).toBe('schema default');
  });

  it('lists exactly the leaves of the config', () => {
    const { config, fields } = new ConfigResolver().explain('custom');
    const leaves: string[] = [];
    const walk = (value: unknown, path: string[]) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      } else leaves.push(path.join('.'));
    };
    walk(config, []);
    expect(Object.keys(fields)).toEqual(leaves);
    expect(fields['tracker.headers']).toMatchObject({ value: {}, source: 'schema default' });
    expect(Object.isFrozen(fields)).toBe(true);
  });

  it('formats as one aligned line per field', () => {
    const text = formatExplanation(new ConfigResolver().explain('leto', undefined, { playback: { seed: 3 } }));
    const lines = text.split('\n');
    expect(lines).toContain(lines.find((line) => /^playback\.seed +3 +<- request overrides$/.test(line)));
    expect(text).toMatch(/^tracker\.macroSyntaxes +\["dollar"\] +<- provider "leto"$/m);
    expect(new Set(lines.map((line) => line.indexOf('<-'))).size).toBe(1);
  });
});
