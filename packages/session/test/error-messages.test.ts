import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidSessionJsonError, PlaybackSession } from '../src/index.js';

describe('error messages', () => {
  it('IllegalTransitionError says where the command is allowed, or that it never is', () => {
    expect(new IllegalTransitionError('paused', 'completed', 'complete', ['playing']).message).toBe(
      'Illegal transition from "paused" to "completed" (complete): "complete" is allowed only from playing',
    );
    expect(new IllegalTransitionError('created', 'created', 'rewind', []).message).toContain('never allowed');
  });

  it('InvalidSessionJsonError shows any bad value briefly', () => {
    const issue = [{ path: 'x', message: 'bad' }];
    expect(new InvalidSessionJsonError(issue, 10n).message).toBe('Invalid session JSON at x: bad (got 10n)');
    expect(new InvalidSessionJsonError(issue, Symbol('s')).message).toContain('(got Symbol(s))');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(new InvalidSessionJsonError(issue, cyclic).message).toContain('(got [object Object])');
    expect(new InvalidSessionJsonError(issue, new Date(0)).message).toContain('(got [object Date])');
    expect(new InvalidSessionJsonError(issue, null).message).toContain('(got null)');
    expect(new InvalidSessionJsonError(issue, [1, { a: false }]).message).toContain('(got [1,{"a":false}])');
    expect(new InvalidSessionJsonError(issue, 'y'.repeat(100)).message).toMatch(/\(got "y{56}\.\.\.\)$/);
    expect(new InvalidSessionJsonError(issue).message).toBe('Invalid session JSON at x: bad');
    const empty = new InvalidSessionJsonError([]);
    expect(empty.path).toBe('(root)');
  });

  it('names the first part of a config that is not JSON even after valid siblings', () => {
    const time = new SimulatedTimeProvider();
    const make = (config: unknown) => () => new PlaybackSession({ id: 'c', adId: 'a', time, config });
    expect(make({ ok: { a: [1, 'two', null, true] }, bad: { deeper: Number.POSITIVE_INFINITY } })).toThrow(
      /at config\.bad\.deeper: not a plain JSON value \(got Infinity\)/,
    );
    expect(make(Symbol('s'))).toThrow(/at config: /);
    expect(make({ n: 1n })).toThrow(/at config\.n: .*\(got 1n\)/);
    expect(make({ f: () => 1 })).toThrow(/\(got a function\)/);
    expect(make({ u: undefined })).toThrow(/at config\.u: not a plain JSON value$/);
  });

  it('keeps a "__proto__" key of a config as data', () => {
    const config = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const session = new PlaybackSession({ id: 'p', adId: 'a', time: new SimulatedTimeProvider(), config });
    expect(Object.keys(session.config as object)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(session.config)).toBe('{"__proto__":{"polluted":true},"a":1}');
    const copy = PlaybackSession.fromJSON(JSON.stringify(session), { time: new SimulatedTimeProvider() });
    expect(JSON.stringify(copy)).toBe(JSON.stringify(session));
  });
});
