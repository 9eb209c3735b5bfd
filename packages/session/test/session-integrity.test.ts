// Issue 14: fromJSON refuses logs no session could have written; configs hold only finite
// numbers and nest boundedly; the API refuses what could not be restored.
import { SimulatedTimeProvider, type TimeProvider } from '@vast/time';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigSnapshotCache, InvalidSessionJsonError, PlaybackSession, type PlaybackSessionJson } from '../src/index.js';
import { reenact } from './reenact.js';

const START = 1_900_000_000_000;

/** A 20 s ad with a 3 s offset: loaded, played to the end with a pause. */
function played(time = new SimulatedTimeProvider({ mode: 'manual', startTime: START })): PlaybackSession {
  const session = new PlaybackSession({ id: 's', adId: 'a', duration: 20_000, progressOffsets: [{ type: 'time', seconds: 3 }], time });
  time.tick(100);
  session.load();
  session.impression();
  time.tick(100);
  session.start();
  time.tick(3_000);
  session.updatePosition(3_000); // progress 3 s          events[2]
  time.tick(3_000);
  session.updatePosition(6_000); // firstQuartile          events[3]
  session.pause(); //                                       events[4]
  time.tick(500);
  session.resume(); //                                      events[5]
  time.tick(5_000);
  session.updatePosition(11_000); // midpoint               events[6]
  time.tick(9_000);
  session.complete(); // thirdQuartile, complete            events[7], [8]
  return session;
}

type Doc = { -readonly [K in keyof PlaybackSessionJson]: unknown } & { events: unknown[][] };
const doc = (session = played()): Doc => JSON.parse(JSON.stringify(session)) as Doc;
const time = new SimulatedTimeProvider();

function refusal(input: unknown, configCache?: ConfigSnapshotCache): InvalidSessionJsonError {
  try {
    PlaybackSession.fromJSON(input, { time, configCache });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSessionJsonError);
    expect((error as InvalidSessionJsonError).code).toBe('INVALID_SESSION_JSON');
    return error as InvalidSessionJsonError;
  }
  throw new Error('fromJSON accepted the input');
}

describe('fromJSON refuses logs no session could have written', () => {
  it('accepts the log as written, and it reenacts byte for byte', () => {
    const restored = PlaybackSession.fromJSON(doc(), { time });
    expect(JSON.stringify(reenact(restored))).toBe(JSON.stringify(played()));
  });

  it('a deleted firstQuartile: the update past it would have logged it', () => {
    const d = doc();
    d.events.splice(3, 1);
    const error = refusal(d);
    expect(error.path).toBe('events[3][1]');
    expect(error.message).toContain('past firstQuartile, which is not logged');
  });

  it('a deleted quartile inside one update: complete() logs thirdQuartile first', () => {
    const d = doc();
    d.events.splice(7, 1);
    expect(refusal(d).path).toBe('events[7][1]');
  });

  it('a duplicated quartile or progress event', () => {
    const d = doc();
    d.events.splice(7, 0, [...(d.events[6] as unknown[])]);
    expect(refusal(d).message).toContain('no midpoint is due');
    const p = doc();
    p.events.splice(3, 0, [...(p.events[2] as unknown[])]);
    expect(refusal(p).path).toBe('events[3][0]');
  });

  it('a quartile logged before the playhead could reach it', () => {
    const d = doc();
    (d.events[3] as unknown[])[1] = 4_000; // firstQuartile is at 5 s
    expect(refusal(d).message).toContain('no firstQuartile is due at media time 4000');
  });

  it('quartiles out of order, or marks of one update with different clock times', () => {
    const d = doc();
    const [midpoint] = d.events.splice(6, 1) as [unknown[]];
    d.events.splice(7, 0, ['midpoint', 20_000, (d.events[6] as unknown[])[2]]); // after thirdQuartile
    expect(refusal(d).message).toContain('reaches midpoint first');
    const c = doc();
    c.events.splice(6, 1);
    c.events.splice(6, 0, ['midpoint', 20_000, ((c.events[6] as number[])[2] as number) - 1]);
    expect(refusal(c).path).toBe('events[7][2]');
    expect(midpoint[0]).toBe('midpoint');
  });

  it('clock times going backwards, or before createdAt or loadedAt', () => {
    const d = doc();
    (d.events[5] as unknown[])[2] = 0;
    expect(refusal(d).message).toContain('clock time goes back');
    const first = doc();
    (first.events[0] as unknown[])[2] = -1;
    expect(refusal(first).message).toContain('before createdAt');
    const load = doc();
    load.loadedAt = START + 300; // after start, which follows load()
    expect(refusal(load).message).toContain('before loadedAt');
  });

  it('loadedAt before createdAt', () => {
    const d = doc();
    d.loadedAt = START - 1;
    expect(refusal(d).path).toBe('loadedAt');
  });

  it('media times before start, while paused, or a position the log cannot leave', () => {
    const d = doc();
    (d.events[0] as unknown[])[1] = 500; // impression before start
    expect(refusal(d).path).toBe('events[0][1]');
    const paused = doc();
    (paused.events[5] as unknown[])[1] = 7_000; // resume somewhere else than pause
    expect(refusal(paused).message).toContain('only moves while playing');
    const position = doc();
    position.position = 5;
    expect(refusal(position).path).toBe('position');
  });

  it('complete before the end (and so without quartiles)', () => {
    const t = new SimulatedTimeProvider({ mode: 'manual', startTime: START });
    const session = new PlaybackSession({ id: 's', adId: 'a', duration: 20_000, time: t });
    session.start();
    const d = doc(session);
    d.events.push(['complete', 4_000, 0]);
    d.position = 4_000;
    expect(refusal(d).message).toContain('complete() moves the playhead to the end');
  });

  it('version 1: a stated furthest position past marks the log does not hold', () => {
    const v1 = {
      version: 1, id: 's', adId: 'a', creativeId: null, provider: 'global', mode: 'headless', config: {}, status: 'playing',
      createdAt: START, loadedAt: null, duration: 20_000, position: 1_000, maxPosition: 12_000, progressOffsets: [],
      events: [{ type: 'start', mediaTime: 0, clockTime: START }],
    };
    expect(refusal(v1).path).toBe('maxPosition');
    expect(PlaybackSession.fromJSON({ ...v1, maxPosition: 4_000 }, { time }).updatePosition(5_000).map((e) => e.type)).toEqual(['firstQuartile']);
  });

  it('version 2: a millisecond offset fired at its own millisecond reads back (2007 ms is 2.007 s)', () => {
    const v2 = {
      version: 2, id: 's', adId: 'a', creativeId: null, provider: 'global', mode: 'headless', config: {}, createdAt: START,
      loadedAt: null, duration: null, position: 2_007, offsets: [['ms', 2_007]], events: [['start', 0, 0], ['progress', 2_007, 10, 'ms', 2_007]],
    };
    const session = PlaybackSession.fromJSON(v2, { time });
    expect(session.progressOffsets).toEqual([{ type: 'time', seconds: 2.007 }]);
    expect(session.updatePosition(3_000)).toEqual([]);
  });
});

describe('the live session writes only logs fromJSON reads', () => {
  it('a clock that steps back (NTP, another machine after a restore) does not make the log go back', () => {
    let now = START;
    const clock: TimeProvider = Object.assign(new SimulatedTimeProvider({ startTime: START }), { now: () => now });
    const session = new PlaybackSession({ id: 's', adId: 'a', time: clock });
    now += 1_000;
    session.start();
    now -= 5_000;
    expect(session.pause().clockTime).toBe(START + 1_000);
    now += 10_000;
    expect(session.resume().clockTime).toBe(START + 6_000);
    const restored = PlaybackSession.fromJSON(session.toJSONText(), { time: clock });
    now = START;
    expect(restored.stop().clockTime).toBe(START + 6_000);
    expect(PlaybackSession.fromJSON(restored.toJSONText(), { time }).status).toBe('stopped');
  });

  it('a player at 2007 ms reaches a 2.007 s offset', () => {
    const session = new PlaybackSession({ id: 's', adId: 'a', progressOffsets: [{ type: 'time', seconds: 2.007 }], time });
    session.start();
    expect(session.updatePosition(2_007).map((e) => e.type)).toEqual(['progress']);
  });
});

describe('config snapshots: finite numbers, bounded depth', () => {
  const text = (config: string) => played().toJSONText().replace('"config":{}', `"config":${config}`);

  it('refuses 1e400 in JSON text (it would read as Infinity), with or without a cache', () => {
    expect(refusal(text('{"n":1e400}')).path).toBe('config.n');
    expect(refusal(text('{"n":-1e400}'), new ConfigSnapshotCache()).path).toBe('config.n');
  });

  it('no cross-session contamination: a snapshot is never filed under the text of another config', () => {
    const cache = new ConfigSnapshotCache();
    refusal(text('{"n":1e400}'), cache);
    expect(cache.size).toBe(0);
    const other = PlaybackSession.fromJSON(text('{"n":null}'), { time, configCache: cache });
    expect(other.config).toEqual({ n: null });
    expect(PlaybackSession.fromJSON(text('{"n":null}'), { time, configCache: cache }).config).toEqual({ n: null });
  });

  it('deep nesting is InvalidSessionJsonError, not a stack overflow', () => {
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(refusal(text(deep(5_000)), new ConfigSnapshotCache()).message).toContain('nested deeper than 100 levels');
    expect(refusal(text(deep(20_000))).message).toContain('nested deeper than 100 levels');
    expect(refusal(text(deep(200_000))).code).toBe('INVALID_SESSION_JSON');
    let nested: unknown = 1;
    for (let i = 0; i < 5_000; i++) nested = [nested];
    expect(() => new PlaybackSession({ id: 's', adId: 'a', config: nested, time })).toThrow(/nested deeper than 100 levels/);
    expect(() => new PlaybackSession({ id: 's', adId: 'a', config: nested, time, configCache: new ConfigSnapshotCache() })).toThrow(
      InvalidSessionJsonError,
    );
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => new PlaybackSession({ id: 's', adId: 'a', config: cyclic, time })).toThrow(InvalidSessionJsonError);
    // 100 levels are fine, and round-trip.
    const ok = PlaybackSession.fromJSON(text(deep(100)), { time, configCache: new ConfigSnapshotCache() });
    expect(JSON.stringify(ok.config)).toBe(deep(100));
  });
});

describe('the API refuses what could not be restored', () => {
  const base = { id: 's', adId: 'a', time };
  it('refuses an unknown mode, a bad offset, a missing clock or options', () => {
    expect(() => new PlaybackSession({ ...base, mode: 'live' as 'real' })).toThrow(/mode must be 'real' or 'headless'/);
    expect(() => new PlaybackSession({ ...base, progressOffsets: [{ type: 'ms', seconds: 5 } as never] })).toThrow(/type must be 'time' or 'percent'/);
    expect(() => new PlaybackSession({ ...base, progressOffsets: [null as never] })).toThrow(/progressOffsets\[0\]: must be an offset object/);
    expect(() => new PlaybackSession({ ...base, progressOffsets: 'x' as never })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => new PlaybackSession({ ...base, duration: Number.POSITIVE_INFINITY })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(() => new PlaybackSession({ id: 's', adId: 'a' } as never)).toThrow(/time must be a TimeProvider/);
    expect(() => new PlaybackSession(null as never)).toThrow(/options must be an object/);
  });

  it('refuses a non-string failure message and missing details, changing nothing', () => {
    const session = new PlaybackSession(base);
    expect(() => session.fail({ code: 405, message: 7 as never })).toThrow(/failure message must be a string/);
    expect(() => session.fail(undefined as never)).toThrow(/failure details must be an object/);
    expect(() => session.interrupt(null as never)).toThrow(/interruption details must be an object/);
    expect(session.events).toEqual([]);
    expect(session.fail({ code: 405, message: null as never }).message).toBeNull();
  });

  it('refuses a clock that gives no time, before changing anything', () => {
    let now = Number.NaN;
    const clock: TimeProvider = Object.assign(new SimulatedTimeProvider(), { now: () => now });
    expect(() => new PlaybackSession({ ...base, time: clock })).toThrow(/the clock returned NaN/);
    now = START;
    const session = new PlaybackSession({ ...base, time: clock });
    now = Number.POSITIVE_INFINITY;
    expect(() => session.load()).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
    expect(session.status).toBe('created');
    expect(session.loadedAt).toBeNull();
  });

  it('normalizes -0 so that a restored session equals the original', () => {
    const session = new PlaybackSession({ ...base, duration: -0 });
    expect(Object.is(session.duration, 0)).toBe(true);
  });
});

describe('property: decoded sessions are ones a session could write', () => {
  type Mutation =
    | { kind: 'delete' | 'duplicate' | 'swap'; at: number }
    | { kind: 'media' | 'clock'; at: number; value: number }
    | { kind: 'type'; at: number; type: string }
    | { kind: 'loadedAt' | 'position' | 'duration'; value: number | null };
  const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), at: fc.nat(40) }),
    fc.record({ kind: fc.constant('media' as const), at: fc.nat(40), value: fc.integer({ min: 0, max: 25_000 }) }),
    fc.record({ kind: fc.constant('clock' as const), at: fc.nat(40), value: fc.integer({ min: -500, max: 40_000 }) }),
    fc.record({
      kind: fc.constant('type' as const),
      at: fc.nat(40),
      type: fc.constantFrom('start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete', 'pause', 'resume', 'mute', 'skip'),
    }),
    fc.record({ kind: fc.constantFrom('loadedAt' as const, 'position' as const, 'duration' as const), value: fc.option(fc.integer({ min: -500, max: 25_000 }), { nil: null }) }),
  );
  type Step = { readonly name: 'tick' | 'position'; readonly value: number } | { readonly name: 'load' | 'impression' | 'start' | 'pause' | 'resume' | 'mute' | 'complete' | 'skip' };
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ name: fc.constantFrom('tick' as const, 'position' as const), value: fc.integer({ min: 0, max: 22_000 }) }),
    fc.constantFrom('load', 'impression', 'start', 'pause', 'resume', 'mute', 'complete', 'skip').map((name): Step => ({ name })),
  );

  function mutate(d: Doc, m: Mutation): void {
    const events = d.events;
    const at = 'at' in m && events.length > 0 ? m.at % events.length : 0;
    const tuple = events[at];
    switch (m.kind) {
      case 'delete':
        events.splice(at, 1);
        break;
      case 'duplicate':
        if (tuple) events.splice(at, 0, [...tuple]);
        break;
      case 'swap':
        if (tuple && events[at + 1]) [events[at], events[at + 1]] = [events[at + 1] as unknown[], tuple];
        break;
      case 'media':
        if (tuple) tuple[1] = m.value;
        break;
      case 'clock':
        if (tuple) tuple[2] = m.value;
        break;
      case 'type':
        if (tuple && tuple.length === 3) tuple[0] = m.type;
        break;
      case 'loadedAt':
        d.loadedAt = m.value === null ? null : (d.createdAt as number) + m.value;
        break;
      case 'position':
        d.position = m.value === null ? 0 : Math.abs(m.value);
        break;
      case 'duration':
        d.duration = m.value === null ? null : Math.abs(m.value);
    }
  }

  it('random commands, encoded, mutated: decoding throws InvalidSessionJsonError or gives a log that reenacts exactly', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 30 }),
        fc.array(fc.constantFrom<0 | 10 | 25 | 50>(0, 10, 25, 50), { maxLength: 2 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (steps, percents, mutations, cached) => {
          const t = new SimulatedTimeProvider({ mode: 'manual', startTime: START });
          const session = new PlaybackSession({
            id: 'p', adId: 'a', duration: 20_000, time: t,
            progressOffsets: [{ type: 'time', seconds: 3 }, ...percents.map((percent) => ({ type: 'percent' as const, percent }))],
          });
          for (const step of steps) {
            try {
              if (step.name === 'tick') t.tick(step.value);
              else if (step.name === 'position') session.updatePosition(step.value);
              else session[step.name]();
            } catch {
              // refused commands change nothing
            }
          }
          const text = session.toJSONText();
          const back = PlaybackSession.fromJSON(text, { time: t });
          expect(back.toJSONText()).toBe(text);
          expect(JSON.stringify(reenact(back))).toBe(text);
          const d = JSON.parse(text) as Doc;
          for (const m of mutations) mutate(d, m);
          let decoded: PlaybackSession;
          try {
            decoded = PlaybackSession.fromJSON(cached ? JSON.stringify(d) : d, { time: t, configCache: cached ? new ConfigSnapshotCache() : undefined });
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidSessionJsonError);
            return;
          }
          expect(JSON.stringify(reenact(decoded))).toBe(JSON.stringify(decoded));
        },
      ),
      { numRuns: 600 },
    );
  });
});
