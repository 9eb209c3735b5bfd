import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '@vast/config';

describe('ConfigResolver cache', () => {
  it('returns the same frozen object for the same inputs and counts entries', () => {
    const resolver = new ConfigResolver();
    expect(resolver.cacheSize).toBe(0);
    const first = resolver.resolve('tiger', 'acme');
    expect(resolver.resolve('tiger', 'acme')).toBe(first);
    expect(resolver.cacheSize).toBe(1);
    expect(resolver.resolve('tiger')).not.toBe(first);
    expect(resolver.resolve('leto', 'acme')).not.toBe(first);
    expect(resolver.cacheSize).toBe(3);
  });

  it('hits for the same override object and for an equal one written in another key order', () => {
    const resolver = new ConfigResolver();
    const overrides = { playback: { seed: 4, mode: 'headless' as const }, parser: { strict: true } };
    const first = resolver.resolve('google', 'acme', overrides);
    expect(resolver.resolve('google', 'acme', overrides)).toBe(first);
    const reordered = { parser: { strict: true }, playback: { mode: 'headless' as const, seed: 4 } };
    expect(resolver.resolve('google', 'acme', reordered)).toBe(first);
    expect(resolver.resolve('google', 'acme', { playback: { seed: 5 } })).not.toBe(first);
    expect(resolver.resolve('google', 'other', overrides)).not.toBe(first);
    expect(resolver.resolve('google', 'acme')).not.toBe(first);
    expect(resolver.cacheSize).toBe(4);
  });

  it('keeps arrays in order in the key: a different order is a different config', () => {
    const resolver = new ConfigResolver();
    const a = resolver.resolve('global', undefined, { tracker: { macroSyntaxes: ['iab', 'brace'] } });
    const b = resolver.resolve('global', undefined, { tracker: { macroSyntaxes: ['brace', 'iab'] } });
    expect(a.tracker.macroSyntaxes).toEqual(['iab', 'brace']);
    expect(b.tracker.macroSyntaxes).toEqual(['brace', 'iab']);
  });

  it('does not mix up values of different types that print alike', () => {
    const resolver = new ConfigResolver();
    expect(resolver.resolve('global', undefined, { playback: { seed: 1 } }).playback.seed).toBe(1);
    expect(() => resolver.resolve('global', undefined, { playback: { seed: '1' } } as never)).toThrow(/playback\.seed = "1"/);
  });

  it('does not confuse strings that hold quotes with separate fields', () => {
    const resolver = new ConfigResolver();
    const joined = resolver.resolve('custom', undefined, { tracker: { staticMacros: { A: 'x","B":"y' } } });
    const split = resolver.resolve('custom', undefined, { tracker: { staticMacros: { A: 'x', B: 'y' } } });
    expect(joined.tracker.staticMacros['A']).toBe('x","B":"y');
    expect(split.tracker.staticMacros['B']).toBe('y');
    expect(resolver.cacheSize).toBe(2);
  });

  it('keys values no override schema accepts without caching them', () => {
    const resolver = new ConfigResolver();
    expect(() => resolver.resolve('custom', undefined, { playback: { seed: 10n } } as never)).toThrow(/playback\.seed = 10: expected number/);
    expect(() => resolver.resolve('custom', undefined, { playback: { seed: null } } as never)).toThrow(/playback\.seed = null/);
    expect(resolver.cacheSize).toBe(0);
  });

  it('clearCache() empties the cache and the next resolve builds a new, equal object', () => {
    const resolver = new ConfigResolver();
    const overrides = { playback: { seed: 1 } };
    const first = resolver.resolve('tiger', undefined, overrides);
    resolver.clearCache();
    expect(resolver.cacheSize).toBe(0);
    const second = resolver.resolve('tiger', undefined, overrides);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it('registering a publisher drops only that publisher’s entries', () => {
    const resolver = new ConfigResolver();
    const acmeTiger = resolver.resolve('tiger', 'acme');
    const acmeLetoWithOverrides = resolver.resolve('leto', 'acme', { playback: { seed: 2 } });
    const other = resolver.resolve('tiger', 'other');
    const none = resolver.resolve('tiger');
    resolver.registerPublisher('acme', { parser: { maxAds: 1 } });
    expect(resolver.cacheSize).toBe(2);
    expect(resolver.resolve('tiger', 'other')).toBe(other);
    expect(resolver.resolve('tiger')).toBe(none);
    const updated = resolver.resolve('tiger', 'acme');
    expect(updated).not.toBe(acmeTiger);
    expect(updated.parser.maxAds).toBe(1);
    expect(resolver.resolve('leto', 'acme', { playback: { seed: 2 } }).parser.maxAds).toBe(1);
    expect(acmeLetoWithOverrides.parser.maxAds).toBe(32);
  });

  it('changing a publisher again, or removing it, takes effect at once', () => {
    const resolver = new ConfigResolver({ publishers: { acme: { parser: { maxAds: 1 } } } });
    const overrides = { playback: { seed: 3 } };
    expect(resolver.resolve('tiger', 'acme', overrides).parser.maxAds).toBe(1);
    resolver.registerPublisher('acme', { parser: { maxAds: 2 } });
    expect(resolver.resolve('tiger', 'acme', overrides).parser.maxAds).toBe(2);
    expect(resolver.getPublisher('acme')).toEqual({ parser: { maxAds: 2 } });
    expect(resolver.publisherIds).toEqual(['acme']);
    expect(resolver.unregisterPublisher('acme')).toBe(true);
    expect(resolver.unregisterPublisher('acme')).toBe(false);
    expect(resolver.resolve('tiger', 'acme', overrides).parser.maxAds).toBe(32);
  });

  it('registering a profile drops only that provider’s entries; the global profile drops all', () => {
    const resolver = new ConfigResolver();
    const tiger = resolver.resolve('tiger', 'acme', { playback: { seed: 1 } });
    const leto = resolver.resolve('leto');
    resolver.registerProfile({ name: 'tiger', config: { tracker: { macroSyntaxes: ['dollar'] } } });
    expect(resolver.resolve('leto')).toBe(leto);
    const newTiger = resolver.resolve('tiger', 'acme', { playback: { seed: 1 } });
    expect(newTiger).not.toBe(tiger);
    expect(newTiger.tracker.macroSyntaxes).toEqual(['dollar']);
    const base = resolver.getProfile('global');
    resolver.registerProfile({ name: 'global', config: { ...base?.config, parser: { strict: true } } });
    expect(resolver.cacheSize).toBe(0);
    expect(resolver.resolve('leto').parser.strict).toBe(true);
    resolver.unregisterProfile('leto');
    expect(resolver.cacheSize).toBe(0);
  });

  it('drops the oldest entry when full, and caches nothing with maxCacheEntries 0', () => {
    const resolver = new ConfigResolver({ maxCacheEntries: 2 });
    const a = resolver.resolve('tiger');
    const overrides = { playback: { seed: 1 } };
    const b = resolver.resolve('tiger', undefined, overrides);
    resolver.resolve('leto');
    expect(resolver.cacheSize).toBe(2);
    expect(resolver.resolve('tiger')).not.toBe(a);
    // b was dropped in turn; its override object must not find the stale entry by identity.
    expect(resolver.resolve('tiger', undefined, overrides)).not.toBe(b);
    expect(resolver.cacheSize).toBe(2);

    const uncached = new ConfigResolver({ maxCacheEntries: 0 });
    expect(uncached.resolve('tiger')).not.toBe(uncached.resolve('tiger'));
    expect(uncached.cacheSize).toBe(0);
    expect(() => new ConfigResolver({ maxCacheEntries: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_RESOLVER_OPTIONS' }));
    expect(() => new ConfigResolver({ maxCacheEntries: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_RESOLVER_OPTIONS' }));
  });

  it('gives deep-frozen configs that callers cannot change', () => {
    const resolver = new ConfigResolver();
    const config = resolver.resolve('tiger', undefined, { tracker: { headers: { 'X-A': '1' } } });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.playback.interruptions.viewerPause?.outcome)).toBe(true);
    expect(Object.isFrozen(config.tracker.macroSyntaxes)).toBe(true);
    expect(() => {
      (config.playback as { seed: number }).seed = 99;
    }).toThrow(TypeError);
    expect(() => {
      (config.tracker.macroSyntaxes as string[]).push('brace');
    }).toThrow(TypeError);
    expect(resolver.resolve('tiger', undefined, { tracker: { headers: { 'X-A': '1' } } }).playback.seed).toBe(0);
  });

  it('neither freezes nor keeps the caller’s own objects', () => {
    const publisher = { tracker: { staticMacros: { APP: 'a' } } };
    const overrides = { tracker: { macroSyntaxes: ['brace' as const] } };
    const resolver = new ConfigResolver({ publishers: { acme: publisher } });
    const config = resolver.resolve('global', 'acme', overrides);
    expect(Object.isFrozen(overrides.tracker.macroSyntaxes)).toBe(false);
    expect(config.tracker.macroSyntaxes).not.toBe(overrides.tracker.macroSyntaxes);
    expect(Object.isFrozen(publisher.tracker)).toBe(false);
    publisher.tracker.staticMacros.APP = 'changed';
    resolver.clearCache();
    expect(resolver.resolve('global', 'acme').tracker.staticMacros['APP']).toBe('a');
    expect(Object.isFrozen(resolver.getPublisher('acme'))).toBe(true);
  });

  it('keeps each resolver’s profiles, publishers and cache apart', () => {
    const one = new ConfigResolver();
    const two = new ConfigResolver();
    one.registerProfile({ name: 'mine', config: {} });
    one.registerPublisher('acme', { playback: { seed: 1 } });
    one.resolve('tiger');
    expect(two.profileNames).not.toContain('mine');
    expect(two.resolve('tiger', 'acme').playback.seed).toBe(0);
    expect(two.cacheSize).toBe(1);
  });
});
