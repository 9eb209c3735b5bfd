import fc from 'fast-check';
import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { ConfigSnapshotCache, InvalidSessionJsonError, PlaybackSession } from '../src/index.js';

const time = new SimulatedTimeProvider({ mode: 'manual' });

/** Deep-freezes a value, as `ConfigResolver` returns its configs. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const session = (config: unknown, configCache: ConfigSnapshotCache, id = 's'): PlaybackSession =>
  new PlaybackSession({ id, adId: 'a', config, configCache, time });

describe('ConfigSnapshotCache: sessions given a config', () => {
  it('share one snapshot for a frozen config, and for new objects made of its parts', () => {
    const cache = new ConfigSnapshotCache();
    const resolved = deepFreeze({ playback: { seed: 3, interruptions: { viewerExit: { probability: 0.1 } } }, tracker: { headers: {} } });
    const a = session(resolved, cache);
    const b = session(resolved, cache);
    expect(b.config).toBe(a.config);
    const withPlayer = (beacons: string) => session({ ...resolved, player: { beacons } }, cache);
    const c = withPlayer('recorded');
    const d = withPlayer('recorded');
    expect(d.config).toBe(c.config);
    expect(c.config).toEqual({ ...resolved, player: { beacons: 'recorded' } });
    expect(withPlayer('sent').config).not.toBe(c.config);
    expect(cache.size).toBe(3);
    expect(c.toJSONText()).toBe(JSON.stringify(c));
  });

  it('never serves an old copy of an object that changed: only objects frozen all the way down are remembered', () => {
    const cache = new ConfigSnapshotCache();
    const inner = { seed: 1 };
    const shallowFrozen = Object.freeze({ playback: inner });
    expect(session(shallowFrozen, cache).config).toEqual({ playback: { seed: 1 } });
    inner.seed = 2;
    expect(session(shallowFrozen, cache).config).toEqual({ playback: { seed: 2 } });
    const mutable = { seed: 1 };
    session(mutable, cache);
    mutable.seed = 5;
    expect(session(mutable, cache).config).toEqual({ seed: 5 });
  });

  it('writes exactly what JSON.stringify writes, for any JSON value, frozen or not, and keeps -0 as 0', () => {
    fc.assert(
      // (A null config stands for no config: `{}`.)
      fc.property(fc.jsonValue().filter((v) => v !== null), fc.boolean(), (value, frozen) => {
        const cache = new ConfigSnapshotCache();
        const config = frozen ? deepFreeze(structuredClone(value)) : value;
        const s = session(config, cache);
        expect(s.toJSONText()).toBe(JSON.stringify(s));
        expect(JSON.stringify(s.config)).toBe(JSON.stringify(config));
        expect(session(config, cache).config).toBe(s.config);
      }),
      { numRuns: 300 },
    );
    const negativeZero = session(deepFreeze({ n: -0 }), new ConfigSnapshotCache()).config as { n: number };
    expect(Object.is(negativeZero.n, 0)).toBe(true);
  });

  it('keeps a "__proto__" key as data', () => {
    const config = JSON.parse('{"__proto__":{"x":1},"y":2}') as object;
    const s = session(deepFreeze(config), new ConfigSnapshotCache());
    expect(Object.keys(s.config as object)).toEqual(['__proto__', 'y']);
    expect(s.toJSONText()).toContain('"config":{"__proto__":{"x":1},"y":2}');
  });

  it('refuses what is not plain JSON, naming the path, and forgets everything on clear()', () => {
    const cache = new ConfigSnapshotCache();
    expect(() => session({ a: { when: new Date(0) } }, cache)).toThrow(InvalidSessionJsonError);
    expect(() => session(deepFreeze({ a: [1, Number.NaN] }), cache)).toThrow(
      expect.objectContaining({ code: 'INVALID_SESSION_JSON', path: 'config.a[1]' }),
    );
    const frozen = deepFreeze({ k: 1 });
    const first = session(frozen, cache).config;
    cache.clear();
    expect(cache.size).toBe(0);
    expect(session(frozen, cache).config).not.toBe(first);
  });

  it('refuses to file a snapshot under a text that would not give it back exactly', () => {
    const cache = new ConfigSnapshotCache();
    const bad: unknown[] = [{ a: undefined }, { f: () => 1 }, [Number.NaN], { z: -0 }, { d: new Date(0) }, Symbol('s')];
    for (const snapshot of bad) {
      expect(() => cache.share(JSON.stringify(snapshot) ?? '', snapshot as never)).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_JSON', path: 'config' }));
    }
    expect(cache.size).toBe(0);
    const good = Object.freeze({ z: 0 });
    expect(cache.share('{"z":0}', good).snapshot).toBe(good);
    expect(cache.size).toBe(1);
  });
});
