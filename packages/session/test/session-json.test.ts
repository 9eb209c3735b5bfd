import { readFileSync } from 'node:fs';
import { SimulatedTimeProvider, type TimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import {
  InvalidSessionJsonError,
  PlaybackSession,
  SESSION_JSON_VERSION,
  playbackSessionJsonSchema,
  playbackSessionJsonV1Schema,
  type PlaybackSessionJson,
} from '../src/index.js';

const fixtureText = readFileSync(new URL('./fixtures/session-v1.json', import.meta.url), 'utf8');
const v2Text = readFileSync(new URL('./fixtures/session-v2.json', import.meta.url), 'utf8');
const v3Text = readFileSync(new URL('./fixtures/session-v3.json', import.meta.url), 'utf8');
const time = new SimulatedTimeProvider({ mode: 'manual' });

function fixture(): Record<string, unknown> & { events: Record<string, unknown>[] } {
  return JSON.parse(fixtureText) as Record<string, unknown> & { events: Record<string, unknown>[] };
}

function errorOf(input: unknown): InvalidSessionJsonError {
  try {
    PlaybackSession.fromJSON(input, { time });
  } catch (error) {
    if (error instanceof InvalidSessionJsonError) return error;
    throw error;
  }
  throw new Error('fromJSON accepted the input');
}

function v2(): Record<string, unknown> & { events: unknown[][]; offsets: unknown[][] } {
  return JSON.parse(v2Text) as Record<string, unknown> & { events: unknown[][]; offsets: unknown[][] };
}

describe('session JSON', () => {
  it('migrates the version 1 fixture: reads it and writes the version 3 fixture', () => {
    const session = PlaybackSession.fromJSON(JSON.parse(fixtureText), { time });
    expect(SESSION_JSON_VERSION).toBe(3);
    expect(session.status).toBe('interrupted');
    expect(session.interruption).toEqual({
      type: 'channel_switch',
      reason: 'viewer changed channel',
      mediaTime: 8_000,
      clockTime: 1_893_456_008_900,
    });
    expect(session.muted).toBe(true);
    expect(`${JSON.stringify(session, null, 2)}\n`).toBe(v3Text);
    expect(playbackSessionJsonV1Schema.safeParse(JSON.parse(fixtureText)).success).toBe(true);
    expect(playbackSessionJsonSchema.safeParse(JSON.parse(v3Text)).success).toBe(true);
  });

  it('reads the version 3 fixture and writes it back byte for byte, deriving the status', () => {
    const fromV3 = PlaybackSession.fromJSON(JSON.parse(v3Text), { time });
    expect(`${JSON.stringify(fromV3, null, 2)}\n`).toBe(v3Text);
    expect(fromV3.status).toBe('interrupted');
  });

  it('reads version 2 (time offsets in ms) and writes version 3 (in seconds)', () => {
    const fromV2 = PlaybackSession.fromJSON(JSON.parse(v2Text), { time });
    const fromV1 = PlaybackSession.fromJSON(fixtureText, { time });
    expect(`${JSON.stringify(fromV2, null, 2)}\n`).toBe(v3Text);
    expect(fromV2.status).toBe('interrupted');
    expect(fromV2.events).toEqual(fromV1.events);
    expect(fromV2.timing).toEqual(fromV1.timing);
    expect(fromV2.events[2]).toEqual({ type: 'progress', mediaTime: 2_000, clockTime: 1_893_456_002_450, offset: { type: 'percent', percent: 10 } });
    const withMs = v2();
    withMs.offsets.push(['ms', 1_500]);
    // 1.5 s and 10% of 15 s are both reached by the update to 2 s, in the order declared.
    withMs.events.splice(3, 0, ['progress', 2_000, 2_450, 'ms', 1_500]);
    const migrated = PlaybackSession.fromJSON(withMs, { time });
    expect(migrated.progressOffsets[1]).toEqual({ type: 'time', seconds: 1.5 });
    expect(migrated.events[3]).toMatchObject({ offset: { type: 'time', seconds: 1.5 } });
    expect(migrated.toJSON().offsets[1]).toEqual(['s', 1.5]);
    expect(migrated.toJSON().events[3]).toEqual(['progress', 2_000, 2_450, 's', 1.5]);
  });

  it('accepts JSON text as well as a parsed value', () => {
    expect(PlaybackSession.fromJSON(fixtureText, { time }).toJSON()).toEqual(JSON.parse(v3Text));
    expect(PlaybackSession.fromJSON(v3Text, { time }).toJSON()).toEqual(JSON.parse(v3Text));
  });

  it('from text, freezes the config it parsed and writes -0 as 0, as from a parsed object', () => {
    const text = JSON.stringify({ ...v2(), config: { a: 1, b: [2, { c: 'x' }] } }).replace('"a":1', '"a":-0').replace('[2,', '[-0,');
    const config = PlaybackSession.fromJSON(text, { time }).config as { a: number; b: [number, { c: string }] };
    expect(Object.is(config.a, 0)).toBe(true);
    expect(Object.is(config.b[0], 0)).toBe(true);
    expect(Object.isFrozen(config) && Object.isFrozen(config.b) && Object.isFrozen(config.b[1])).toBe(true);
    expect(PlaybackSession.fromJSON(text, { time }).toJSON()).toEqual(PlaybackSession.fromJSON(JSON.parse(text), { time }).toJSON());
    const scalar = PlaybackSession.fromJSON(JSON.stringify({ ...v2(), config: 0 }).replace('"config":0', '"config":-0'), { time });
    expect(Object.is(scalar.config, 0)).toBe(true);
    expect(PlaybackSession.fromJSON(JSON.stringify({ ...v2(), config: 'text' }), { time }).config).toBe('text');
  });

  it('keeps fractional clock times exact: a difference that does not add back is written as [epoch ms]', () => {
    // A clock that reads these epoch ms in turn (the simulated clock never produces such times).
    const readings = [-1.3178584386212577, 0.00015835031314424608, 1.5];
    const base = new SimulatedTimeProvider({ mode: 'manual' });
    const clock: TimeProvider = { kind: 'simulated', now: () => readings.shift() ?? 2, monotonic: () => base.monotonic(), sleep: (ms, signal) => base.sleep(ms, signal) };
    const session = new PlaybackSession({ id: 'f', adId: 'a', time: clock });
    session.impression(); // 0.00015835031314424608 - createdAt rounds, and does not add back exactly
    session.start();
    const json = session.toJSON();
    const exact = json.events.map((e) => e[2]);
    expect(exact[0]).toEqual([0.00015835031314424608]);
    expect(typeof exact[1]).toBe('number');
    const copy = PlaybackSession.fromJSON(JSON.stringify(session), { time: clock });
    expect(copy.events).toEqual(session.events);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(session));
  });

  it('the restored session knows which marks fired from the log (version 2 has no maxPosition)', () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const session = new PlaybackSession({ id: 'm', adId: 'a', duration: 8_000, progressOffsets: [{ type: 'time', seconds: 3 }], time: clock });
    session.start();
    session.updatePosition(2_500); // crosses firstQuartile (2 s) only
    session.updatePosition(1_000); // seek back: position below the furthest point
    const copy = PlaybackSession.fromJSON(JSON.stringify(session), { time: clock });
    expect(copy.position).toBe(1_000);
    expect(copy.updatePosition(3_500).map((e) => e.type)).toEqual(['progress']);
    expect(session.updatePosition(3_500).map((e) => e.type)).toEqual(['progress']);
  });

  it.each([
    ['a bad clock time', (o: { events: unknown[][] }) => ((o.events[3] as unknown[])[2] = 'soon'), 'events[3][2]', /clock time: .*got "soon"/],
    ['a bad media time', (o: { events: unknown[][] }) => ((o.events[1] as unknown[])[1] = -5), 'events[1][1]', /media time: .*got -5/],
    ['an unknown event type', (o: { events: unknown[][] }) => ((o.events[1] as unknown[])[0] = 'rewind'), 'events[1][0]', /not an event type/],
    ['an event that is not a tuple', (o: { events: unknown[] }) => (o.events[2] = { type: 'start' }), 'events[2]', /expected an event tuple/],
    ['an extra element', (o: { events: unknown[][] }) => (o.events[0] as unknown[]).push(1), 'events[0]', /<=3 items/],
    ['a progress percent over 100', (o: { events: unknown[][] }) => ((o.events[2] as unknown[])[4] = 120), 'events[2][4]', /<=100/],
    ['an interruption without a reason', (o: { events: unknown[][] }) => (o.events[6] as unknown[]).pop(), 'events[6]', /items/],
    ['an error code outside the IAB range', (o: { events: unknown[][] }) => (o.events[6] = ['error', 0, 1, 42, null]), 'events[6][3]', /an integer from 100 to 902/],
    ['an error code just past 902', (o: { events: unknown[][] }) => (o.events[6] = ['error', 0, 1, 903, null]), 'events[6][3]', /an integer from 100 to 902/],
    ['an error code that is not an integer', (o: { events: unknown[][] }) => (o.events[6] = ['error', 0, 1, 100.5, null]), 'events[6][3]', /an integer from 100 to 902/],
    ['a bad offset', (o: { offsets: unknown[][] }) => (o.offsets[0] = ['percent', 101]), 'offsets[0][1]', /<=100/],
    ['a bad offset unit', (o: { offsets: unknown[][] }) => (o.offsets[0] = ['s', 1]), 'offsets[0][0]', /"ms"\|"percent"/],
    ['a version 1 field', (o: Record<string, unknown>) => (o['status'] = 'interrupted'), '(root)', /status/],
    ['a bad clock escape', (o: { events: unknown[][] }) => ((o.events[0] as unknown[])[2] = [1, 2]), 'events[0][2]', /\[epoch ms\]/],
  ] as const)('version 2: rejects %s, naming the path', (_what, mutate, path, message) => {
    const input = v2();
    (mutate as (o: unknown) => void)(input);
    const error = errorOf(input);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('version 3: refuses the time unit of version 2, naming the path', () => {
    const input = JSON.parse(v3Text) as { offsets: unknown[][] };
    input.offsets[0] = ['ms', 1];
    const error = errorOf(input);
    expect(error.path).toBe('offsets[0][0]');
    expect(error.message).toMatch(/"s"\|"percent"/);
  });

  it('version 2: rejects a log no session could have produced, naming the event', () => {
    const input = v2();
    input.events.push(['resume', 8_000, 9_000]);
    const error = errorOf(input);
    expect(error.path).toBe('events[7][0]');
    expect(error.message).toContain('"resume" cannot follow status "interrupted"');
    expect(() => PlaybackSession.fromJSON({ ...v2(), createdAt: Number.MAX_VALUE, events: [['start', 0, Number.MAX_VALUE]] }, { time })).toThrow(
      InvalidSessionJsonError,
    );
  });

  it('round-trips a session driven live, keeping the quartiles already fired', () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual', startTime: 5_000 });
    const session = new PlaybackSession({ id: 'a', adId: 'b', duration: 10_000, time: clock, config: { x: [1, { y: null }] } });
    session.start();
    clock.tick(6_000);
    session.updatePosition(6_000);
    const copy = PlaybackSession.fromJSON(JSON.parse(JSON.stringify(session)), { time: clock });
    expect(copy.toJSON()).toEqual(session.toJSON());
    expect(JSON.stringify(copy)).toBe(JSON.stringify(session));
    // The restored tracker knows firstQuartile and midpoint fired.
    expect(copy.updatePosition(8_000).map((e) => e.type)).toEqual(['thirdQuartile']);
    expect(copy.timing.createdAt).toBe(5_000);
  });

  it('writes keys in canonical order whatever order they were read in', () => {
    const shuffled = Object.fromEntries(Object.entries(fixture()).reverse());
    const events = (shuffled['events'] as Record<string, unknown>[]).map((e) => Object.fromEntries(Object.entries(e).reverse()));
    const session = PlaybackSession.fromJSON({ ...shuffled, events }, { time });
    expect(`${JSON.stringify(session, null, 2)}\n`).toBe(v3Text);
    const shuffledV2 = Object.fromEntries(Object.entries(v2()).reverse());
    expect(`${JSON.stringify(PlaybackSession.fromJSON(shuffledV2, { time }), null, 2)}\n`).toBe(v3Text);
  });

  it('names the path and the value of a bad field', () => {
    const input = fixture();
    (input.events[3] as Record<string, unknown>)['clockTime'] = 'soon';
    const error = errorOf(input);
    expect(error.code).toBe('INVALID_SESSION_JSON');
    expect(error.path).toBe('events[3].clockTime');
    expect(error.message).toContain('events[3].clockTime');
    expect(error.message).toContain('"soon"');
    expect(error.issues[0]?.path).toBe('events[3].clockTime');
  });

  it.each([
    ['a missing field', (o: Record<string, unknown>) => delete o['status'], 'status'],
    ['an unknown field', (o: Record<string, unknown>) => (o['extra'] = 1), '(root)'],
    ['an empty id', (o: Record<string, unknown>) => (o['id'] = ''), 'id'],
    ['a bad mode', (o: Record<string, unknown>) => (o['mode'] = 'auto'), 'mode'],
    ['a bad status', (o: Record<string, unknown>) => (o['status'] = 'buffering'), 'status'],
    ['a negative position', (o: Record<string, unknown>) => (o['position'] = -1), 'position'],
    ['a bad offset', (o: Record<string, unknown>) => (o['progressOffsets'] = [{ unit: 'percent', value: 120 }]), 'progressOffsets[0].value'],
    ['an unknown event type', (o: { events: Record<string, unknown>[] }) => ((o.events[1] as Record<string, unknown>)['type'] = 'rewind'), 'events[1].type'],
    ['an extra event field', (o: { events: Record<string, unknown>[] }) => ((o.events[0] as Record<string, unknown>)['x'] = 1), 'events[0]'],
    ['an event that is not an object', (o: { events: unknown[] }) => (o.events[2] = 'start'), 'events[2]'],
    ['a bad progress offset in an event', (o: { events: Record<string, unknown>[] }) => ((o.events[2] as Record<string, unknown>)['offset'] = { unit: 'ms' }), 'events[2].offset.value'],
    ['an interruption without a reason', (o: { events: Record<string, unknown>[] }) => delete (o.events[6] as Record<string, unknown>)['reason'], 'events[6].reason'],
    ['a config that is not JSON', (o: Record<string, unknown>) => (o['config'] = { when: new Date(0) }), 'config.when'],
  ] as const)('rejects %s', (_what, mutate, path) => {
    const input = fixture();
    (mutate as (o: unknown) => void)(input);
    expect(errorOf(input).path).toBe(path);
  });

  it('rejects an error event with a code outside the IAB range', () => {
    const input = fixture();
    input['status'] = 'failed';
    const clockTime = 1_893_456_008_900;
    input.events[6] = { type: 'error', mediaTime: 8_000, clockTime, code: 42, message: null };
    expect(errorOf(input).path).toBe('events[6].code');
    input.events[6] = { type: 'error', mediaTime: 8_000, clockTime, code: 405, message: 7 };
    expect(errorOf(input).path).toBe('events[6].message');
    input.events[6] = { type: 'error', mediaTime: 8_000, clockTime, code: 405, message: null };
    expect(PlaybackSession.fromJSON(input, { time }).failure?.code).toBe(405);
    for (const code of [99, 903, 999, 100.5]) {
      input.events[6] = { type: 'error', mediaTime: 8_000, clockTime, code, message: null };
      expect(errorOf(input).path, String(code)).toBe('events[6].code');
    }
    for (const code of [100, 902]) {
      input.events[6] = { type: 'error', mediaTime: 8_000, clockTime, code, message: null };
      expect(PlaybackSession.fromJSON(input, { time }).failure?.code).toBe(code);
    }
  });

  it('says which version it reads when given another one', () => {
    const input = { ...fixture(), version: 4 };
    const error = errorOf(input);
    expect(error.path).toBe('version');
    expect(error.message).toMatch(/unsupported session JSON version.*reads versions 1, 2 and 3.*got 4/);
    expect(errorOf({ ...fixture(), version: '1' }).path).toBe('version');
  });

  it('rejects a status that does not follow from the log', () => {
    const input = { ...fixture(), status: 'playing' };
    const error = errorOf(input);
    expect(error.path).toBe('status');
    expect(error.message).toContain('the event log leads to "interrupted"');
  });

  it('rejects a log no session could have produced', () => {
    const input = fixture();
    input.events.push({ type: 'resume', mediaTime: 8_000, clockTime: 1_893_456_009_000 });
    const error = errorOf(input);
    expect(error.path).toBe('events[7].type');
    expect(error.message).toContain('"resume" cannot follow status "interrupted"');
  });

  it('rejects a furthest position behind the position', () => {
    expect(errorOf({ ...fixture(), maxPosition: 100 }).path).toBe('maxPosition');
    expect(errorOf({ ...fixture(), maxPosition: null }).path).toBe('maxPosition');
  });

  it('rejects text that is not JSON and values that are not objects', () => {
    expect(errorOf('{"version":').message).toMatch(/not JSON text/);
    expect(errorOf(null).path).toBe('(root)');
    expect(errorOf([]).path).toBe('(root)');
  });

  it('normalizes -0 to 0 so a parsed session deep-equals its re-parse', () => {
    const input = fixture();
    (input.events[0] as Record<string, unknown>)['mediaTime'] = -0;
    const json: PlaybackSessionJson = PlaybackSession.fromJSON(input, { time }).toJSON();
    expect(Object.is(json.events[0]?.[1], 0)).toBe(true);
    const inputV2 = v2();
    (inputV2.events[0] as unknown[])[1] = -0;
    expect(Object.is(PlaybackSession.fromJSON(inputV2, { time }).toJSON().events[0]?.[1], 0)).toBe(true);
  });
});
