import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, InterruptionType, isConfigError, MacroSyntax, PlaybackMode, type ConfigOverrides } from '@vast/config';

const optional = { requiredKeys: [] as never[] };

const rule = fc.record(
  {
    enabled: fc.boolean(),
    // Small enough that the interruptions which end the ad can never sum above 1.
    probability: fc.double({ min: 0, max: 0.1, noNaN: true }),
    when: fc.oneof(
      fc.constantFrom({ kind: 'uniform' as const }, { kind: 'early' as const }, { kind: 'late' as const }),
      fc.record({
        kind: fc.constant('weights' as const),
        weights: fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9), fc.integer({ min: 1, max: 9 })),
      }),
    ),
  },
  optional,
);

const overridesArbitrary: fc.Arbitrary<ConfigOverrides> = fc.record(
  {
    playback: fc.record(
      {
        mode: fc.constantFrom(...Object.values(PlaybackMode)),
        tickIntervalMs: fc.integer({ min: 1, max: 60_000 }),
        maxSessionDurationMs: fc.nat(),
        trackQuartiles: fc.boolean(),
        trackProgress: fc.boolean(),
        seed: fc.nat(),
        headlessMaySendBeacons: fc.boolean(),
        interruptions: fc.dictionary(fc.constantFrom(...Object.values(InterruptionType)), rule, { maxKeys: 7 }),
      },
      optional,
    ),
    tracker: fc.record(
      {
        macroSyntaxes: fc.uniqueArray(fc.constantFrom(...Object.values(MacroSyntax)), { minLength: 1 }),
        staticMacros: fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
        timeoutMs: fc.integer({ min: 1, max: 120_000 }),
        retries: fc.integer({ min: 0, max: 10 }),
        ssaiHeaders: fc.boolean(),
      },
      optional,
    ),
    parser: fc.record({ strict: fc.boolean(), maxBytes: fc.integer({ min: 1, max: 1 << 26 }) }, optional),
  },
  optional,
);

/** Every leaf (primitive, array, empty object) of a value by dotted path. */
function leaves(value: unknown, path: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leaves(child, [...path, key], out);
  } else out.set(path.join('.'), value);
  return out;
}

const providers = fc.constantFrom('global', 'tiger', 'leto', 'yandex', 'google', 'custom');

describe('ConfigResolver properties', () => {
  it('a merge of random overrides keeps every overridden value and loses no field of the levels above', () => {
    const resolver = new ConfigResolver({ publishers: { acme: { playback: { seed: 5 }, tracker: { headers: { 'X-A': '1' } } } } });
    fc.assert(
      fc.property(providers, fc.constantFrom(undefined, 'acme'), overridesArbitrary, (provider, publisher, overrides) => {
        const base = leaves(resolver.resolve(provider, publisher));
        const explanation = resolver.explain(provider, publisher, overrides);
        const result = leaves(explanation.config);
        const overridden = leaves(overrides);
        for (const [path, value] of overridden) {
          if (typeof value === 'object' && value !== null && !Array.isArray(value)) continue; // an empty object adds nothing
          expect(result.get(path)).toEqual(value);
          expect(explanation.fields[path]?.level).toBe('request');
        }
        for (const path of base.keys()) {
          // A path may only disappear when an override replaced a tagged object or a whole array.
          const covered = [...overridden.keys()].some(
            (key) =>
              key === path ||
              path.startsWith(`${key}.`) ||
              key.startsWith(`${path}.`) ||
              (key.endsWith('.kind') && path.startsWith(key.slice(0, -'kind'.length))),
          );
          if (!covered) expect(result.get(path), path).toEqual(base.get(path));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('equal overrides in any key order hit the same cache entry', () => {
    fc.assert(
      fc.property(overridesArbitrary, (overrides) => {
        const resolver = new ConfigResolver();
        const reversed = JSON.parse(JSON.stringify(overrides), (_key, value: unknown) =>
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).reverse())
            : value,
        ) as ConfigOverrides;
        expect(resolver.resolve('tiger', 'p', reversed)).toBe(resolver.resolve('tiger', 'p', overrides));
        expect(resolver.cacheSize).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('bad values anywhere give one ConfigError that lists every bad path, with its level and value', () => {
    const badLeaf = fc.constantFrom<[string[], unknown]>(
      [['playback', 'seed'], -1],
      [['playback', 'tickIntervalMs'], 0],
      [['playback', 'maxSessionDurationMs'], -10],
      [['playback', 'mode'], 'fast'],
      [['playback', 'interruptions', 'viewerPause', 'probability'], 1.5],
      [['playback', 'interruptions', 'networkError', 'outcome', 'errorCode'], 42],
      [['playback', 'unknownField'], true],
      [['tracker', 'retries'], 99],
      [['tracker', 'macroSyntaxes'], []],
      [['tracker', 'timeoutMs'], 'soon'],
      [['parser', 'maxBytes'], -1],
      [['parser', 'strictness'], 'high'],
    );
    fc.assert(
      fc.property(providers, fc.uniqueArray(badLeaf, { minLength: 1, maxLength: 6, selector: ([path]) => path.join('.') }), (provider, bad) => {
        const overrides: Record<string, unknown> = {};
        for (const [path, value] of bad) {
          let node = overrides;
          for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
          node[path.at(-1) as string] = value;
        }
        let caught: unknown;
        try {
          new ConfigResolver().resolve(provider, undefined, overrides);
        } catch (error) {
          caught = error;
        }
        expect(isConfigError(caught)).toBe(true);
        if (!isConfigError(caught)) return;
        expect(caught.issues).toHaveLength(bad.length);
        for (const [path, value] of bad) {
          const issue = caught.issues.find((candidate) => candidate.pathText === path.join('.'));
          expect(issue, path.join('.')).toMatchObject({ level: 'request', value });
          expect(caught.message).toContain(`request overrides: ${path.join('.')} = `);
        }
      }),
      { numRuns: 200 },
    );
  });
});
