import { readFileSync } from 'node:fs';
import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import {
  InvalidSessionJsonError,
  PlaybackSession,
  SESSION_JSON_VERSION,
  playbackSessionJsonSchema,
  type PlaybackSessionJson,
} from '../src/index.js';

const fixtureText = readFileSync(new URL('./fixtures/session-v1.json', import.meta.url), 'utf8');
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

describe('session JSON', () => {
  it('reads the version 1 fixture and writes it back byte for byte', () => {
    const session = PlaybackSession.fromJSON(JSON.parse(fixtureText), { time });
    expect(SESSION_JSON_VERSION).toBe(1);
    expect(session.status).toBe('interrupted');
    expect(session.interruption).toEqual({
      type: 'channel_switch',
      reason: 'viewer changed channel',
      mediaTime: 8_000,
      clockTime: 1_893_456_008_900,
    });
    expect(session.muted).toBe(true);
    expect(`${JSON.stringify(session, null, 2)}\n`).toBe(fixtureText);
    expect(playbackSessionJsonSchema.safeParse(JSON.parse(fixtureText)).success).toBe(true);
  });

  it('accepts JSON text as well as a parsed value', () => {
    expect(PlaybackSession.fromJSON(fixtureText, { time }).toJSON()).toEqual(JSON.parse(fixtureText));
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
    expect(`${JSON.stringify(session, null, 2)}\n`).toBe(fixtureText);
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
    input.events[6] = { type: 'error', mediaTime: 8_000, clockTime: 1, code: 42, message: null };
    expect(errorOf(input).path).toBe('events[6].code');
    input.events[6] = { type: 'error', mediaTime: 8_000, clockTime: 1, code: 405, message: 7 };
    expect(errorOf(input).path).toBe('events[6].message');
    input.events[6] = { type: 'error', mediaTime: 8_000, clockTime: 1, code: 405, message: null };
    expect(PlaybackSession.fromJSON(input, { time }).failure?.code).toBe(405);
  });

  it('says which version it reads when given another one', () => {
    const input = { ...fixture(), version: 2 };
    const error = errorOf(input);
    expect(error.path).toBe('version');
    expect(error.message).toMatch(/unsupported session JSON version.*reads version 1.*got 2/);
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
    expect(Object.is(json.events[0]?.mediaTime, 0)).toBe(true);
  });
});
