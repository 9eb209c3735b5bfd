import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '@vast/config';
import { hashOverrides, sameOverrides } from '../src/override-hash.js';

describe('override hashing (the cache key of request overrides)', () => {
  it('hashes equal overrides alike whatever their key order, ignoring undefined fields', () => {
    const a = { playback: { seed: 1, mode: 'headless' }, parser: { strict: true } };
    const b = { parser: { strict: true, maxAds: undefined }, playback: { mode: 'headless', seed: 1 } };
    expect(hashOverrides(a)).toBe(hashOverrides(b));
    expect(sameOverrides(a, b)).toBe(true);
    const bare: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    bare['playback'] = { seed: 1, mode: 'headless' };
    bare['parser'] = { strict: true };
    expect(sameOverrides(bare, a)).toBe(true);
  });

  it('tells apart values that differ in order, type, length or fields', () => {
    expect(hashOverrides(['iab', 'brace'])).not.toBe(hashOverrides(['brace', 'iab']));
    expect(sameOverrides(['iab', 'brace'], ['brace', 'iab'])).toBe(false);
    expect(sameOverrides(['iab'], ['iab', 'brace'])).toBe(false);
    expect(sameOverrides({ seed: 1 }, { seed: '1' })).toBe(false);
    expect(sameOverrides({ seed: 1 }, { seed: 1, mode: 'real' })).toBe(false);
    expect(sameOverrides({ seed: 1, mode: 'real' }, { seed: 1 })).toBe(false);
    expect(sameOverrides({ a: null }, { a: {} })).toBe(false);
    expect(sameOverrides({}, new Date(0))).toBe(false);
    expect(sameOverrides([], {})).toBe(false);
    expect(hashOverrides(true)).not.toBe(hashOverrides(false));
    expect(hashOverrides(0.5)).not.toBe(hashOverrides(0.25));
    expect(hashOverrides(null)).not.toBe(hashOverrides(undefined));
    expect(hashOverrides(Symbol('x'))).toBeTypeOf('number');
  });

  it('gives up on values nested too deeply (or cyclic)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(hashOverrides(cyclic)).toBeUndefined();
    expect(hashOverrides([[cyclic]])).toBeUndefined();
  });

  it('keeps two overrides whose hashes collide apart in the cache', () => {
    // Found by search: these two values give the same 32-bit hash.
    const one = { tracker: { staticMacros: { A: 'v7pwu' } } };
    const two = { tracker: { staticMacros: { A: 've5fa' } } };
    expect(hashOverrides(one)).toBe(hashOverrides(two));
    const resolver = new ConfigResolver({ maxCacheEntries: 3 });
    const first = resolver.resolve('custom', undefined, one);
    const second = resolver.resolve('custom', undefined, two);
    expect(first.tracker.staticMacros['A']).toBe('v7pwu');
    expect(second.tracker.staticMacros['A']).toBe('ve5fa');
    expect(resolver.resolve('custom', undefined, { tracker: { staticMacros: { A: 'v7pwu' } } })).toBe(first);
    expect(resolver.resolve('custom', undefined, { tracker: { staticMacros: { A: 've5fa' } } })).toBe(second);
    // Dropping one of them (the oldest, when the cache is full) keeps the other.
    resolver.resolve('custom');
    resolver.resolve('tiger');
    expect(resolver.resolve('custom', undefined, { tracker: { staticMacros: { A: 've5fa' } } })).toBe(second);
    resolver.registerProfile({ name: 'custom', config: {} });
    expect(resolver.cacheSize).toBe(1);
  });
});
