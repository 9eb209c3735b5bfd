import { SimulatedTimeProvider } from '@vast/time';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IllegalTransitionError,
  InvalidSessionJsonError,
  PLAYBACK_STATUSES,
  PlaybackSession,
  isTerminalStatus,
  nextStatus,
  playbackSessionJsonSchema,
  playbackSessionJsonV1Schema,
  type PlaybackEvent,
  type PlaybackSessionJsonV1,
  type ProgressOffsetJsonV1,
  type PlaybackStatus,
  type ProgressOffset,
} from '../src/index.js';

type Command =
  | { readonly name: 'load' | 'impression' | 'creativeView' | 'start' | 'pause' | 'resume' | 'mute' | 'unmute' | 'complete' | 'skip' | 'close' | 'stop' }
  | { readonly name: 'updatePosition'; readonly position: number }
  | { readonly name: 'interrupt'; readonly type: string; readonly reason: string }
  | { readonly name: 'fail'; readonly code: number; readonly message: string | undefined }
  | { readonly name: 'tick'; readonly ms: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc
    .constantFrom(
      'load', 'impression', 'creativeView', 'start', 'pause', 'resume', 'mute', 'unmute', 'complete', 'skip', 'close', 'stop',
    )
    .map((name) => ({ name })),
  fc.record({ name: fc.constant('updatePosition'), position: fc.integer({ min: 0, max: 40_000 }) }),
  fc.record({
    name: fc.constant('interrupt'),
    type: fc.constantFrom('channel_switch', 'app_close', 'network_loss'),
    reason: fc.string(),
  }),
  fc.record({ name: fc.constant('fail'), code: fc.integer({ min: 100, max: 902 }), message: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({ name: fc.constant('tick'), ms: fc.integer({ min: 0, max: 5_000 }) }),
);

const offsetArb: fc.Arbitrary<ProgressOffset> = fc.oneof(
  fc.record({ type: fc.constant('time' as const), seconds: fc.integer({ min: 0, max: 40_000 }).map((ms) => ms / 1000) }),
  fc.record({ type: fc.constant('percent' as const), percent: fc.double({ min: 0, max: 100, noNaN: true }) }),
);

const sessionArb = fc.record({
  duration: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: null }),
  offsets: fc.array(offsetArb, { maxLength: 4 }),
  config: fc.jsonValue(),
  creativeId: fc.option(fc.string(), { nil: null }),
  commands: fc.array(commandArb, { maxLength: 40 }),
});

function apply(session: PlaybackSession, time: SimulatedTimeProvider, command: Command): void {
  switch (command.name) {
    case 'tick':
      time.tick(command.ms);
      return;
    case 'updatePosition':
      session.updatePosition(command.position);
      return;
    case 'interrupt':
      session.interrupt({ type: command.type, reason: command.reason });
      return;
    case 'fail':
      session.fail(command.message === undefined ? { code: command.code } : { code: command.code, message: command.message });
      return;
    default:
      session[command.name]();
  }
}

function build(input: {
  readonly duration: number | null;
  readonly offsets: readonly ProgressOffset[];
  readonly config: unknown;
  readonly creativeId: string | null;
}) {
  const time = new SimulatedTimeProvider({ mode: 'manual', startTime: 1_700_000_000_000 });
  const session = new PlaybackSession({
    id: 'prop',
    adId: 'ad',
    creativeId: input.creativeId,
    duration: input.duration,
    progressOffsets: input.offsets,
    config: input.config,
    time,
  });
  return { time, session };
}

/** The session as a version 1 document (what earlier releases wrote). */
function toV1(session: PlaybackSession): PlaybackSessionJsonV1 {
  const events: readonly PlaybackEvent[] = session.events;
  const marks = events.filter((e) => ['progress', 'firstQuartile', 'midpoint', 'thirdQuartile'].includes(e.type));
  const furthest = marks.length === 0 ? null : Math.max(...marks.map((e) => e.mediaTime));
  return {
    version: 1,
    id: session.id,
    adId: session.adId,
    creativeId: session.creativeId,
    provider: session.provider,
    mode: session.mode,
    config: session.config,
    status: session.status,
    createdAt: session.createdAt,
    loadedAt: session.loadedAt,
    duration: session.duration,
    position: session.position,
    maxPosition: furthest === null && session.position === 0 ? null : Math.max(session.position, furthest ?? 0),
    progressOffsets: session.progressOffsets.map(offsetV1),
    events: events.map((e) => (e.type === 'progress' ? { ...e, offset: offsetV1(e.offset) } : e)),
  };
}

/** An offset as version 1 wrote it (time offsets in milliseconds). */
function offsetV1(offset: ProgressOffset): ProgressOffsetJsonV1 {
  return offset.type === 'time' ? { unit: 'ms', value: offset.seconds * 1000 } : { unit: 'percent', value: offset.percent };
}

/** The status the log leads to, by the transition table alone. */
function statusFromLog(session: PlaybackSession): PlaybackStatus {
  let status: PlaybackStatus = session.loadedAt === null ? 'created' : 'loading';
  for (const event of session.events) status = nextStatus(status, event.type);
  return status;
}

/** Where a check of the log (not of the structure) refuses a document. */
const LOG_CHECK_PATH = /^(status|maxPosition|position|loadedAt|events|events\[\d+\](\.(type|mediaTime|clockTime|offset)|\[[0-3]\]))$/;

describe('PlaybackSession properties', () => {
  it('any sequence of commands leaves the session in a legal state; refused commands change nothing', () => {
    fc.assert(
      fc.property(sessionArb, (input) => {
        const { time, session } = build(input);
        for (const command of input.commands) {
          const before = JSON.stringify(session);
          const wasTerminal = isTerminalStatus(session.status);
          try {
            apply(session, time, command);
            expect(wasTerminal && command.name !== 'tick').toBe(false);
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalTransitionError);
            expect(JSON.stringify(session)).toBe(before);
          }
          expect(PLAYBACK_STATUSES).toContain(session.status);
          expect(statusFromLog(session)).toBe(session.status);
          expect(session.position).toBeGreaterThanOrEqual(0);
          if (session.duration === null || session.duration === 0) {
            expect(session.events.some((e) => e.type === 'firstQuartile' || e.type === 'midpoint')).toBe(false);
          }
          const quartiles = session.events.filter((e) => ['firstQuartile', 'midpoint', 'thirdQuartile'].includes(e.type));
          expect(new Set(quartiles.map((e) => e.type)).size).toBe(quartiles.length);
          expect(quartiles.map((e) => e.type)).toEqual(
            ['firstQuartile', 'midpoint', 'thirdQuartile'].slice(0, quartiles.length),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('JSON round trip is lossless: deep equal, and byte-identical when written again', () => {
    fc.assert(
      fc.property(sessionArb, (input) => {
        const { time, session } = build(input);
        for (const command of input.commands) {
          try {
            apply(session, time, command);
          } catch {
            // refused commands are covered by the property above
          }
        }
        const text = JSON.stringify(session);
        const copy = PlaybackSession.fromJSON(JSON.parse(text), { time });
        expect(copy.toJSON()).toEqual(session.toJSON());
        expect(JSON.stringify(copy)).toBe(text);
        expect(copy.status).toBe(session.status);
        expect(copy.events).toEqual(session.events);
        expect(copy.timing).toEqual(session.timing);
        expect(copy.interruption).toEqual(session.interruption);
      }),
      { numRuns: 300 },
    );
  });

  it('a version 1 document of any session reads back to the same session as its version 2 document', () => {
    fc.assert(
      fc.property(sessionArb, (input) => {
        const { time, session } = build(input);
        for (const command of input.commands) {
          try {
            apply(session, time, command);
          } catch {
            // refused commands are covered by the first property
          }
        }
        const migrated = PlaybackSession.fromJSON(JSON.parse(JSON.stringify(toV1(session))), { time });
        expect(JSON.stringify(migrated)).toBe(JSON.stringify(session));
        expect(migrated.status).toBe(session.status);
        expect(migrated.events).toEqual(session.events);
        // The restored trackers agree on which marks are still to come.
        const further = (session.duration ?? 40_000) + 1;
        if (session.status === 'playing') expect(migrated.updatePosition(further)).toEqual(session.updatePosition(further));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['version 2', playbackSessionJsonSchema, (session: PlaybackSession): unknown => session],
    ['version 1', playbackSessionJsonV1Schema, toV1],
  ] as const)('%s: the fast decoder and the zod schema agree: fromJSON accepts a mutated document only if zod does', (_version, schema, write) => {
    const base = (() => {
      const time = new SimulatedTimeProvider({ mode: 'manual' });
      const session = new PlaybackSession({
        id: 'm',
        adId: 'a',
        duration: 10_000,
        progressOffsets: [{ type: 'time', seconds: 1 }],
        time,
      });
      session.impression();
      session.start();
      session.updatePosition(6_000);
      session.fail({ code: 405, message: 'x' });
      return JSON.parse(JSON.stringify(write(session))) as Record<string, unknown>;
    })();
    const paths: (readonly (string | number)[])[] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
      }
    };
    walk(base, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constantFrom(-1, 0, 100, 999, 1000, 'ms', 'percent', 'start', 'error')),
        (path, replacement) => {
          const doc = structuredClone(base);
          let parent = doc as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          const last = path[path.length - 1] as string | number;
          if (replacement === undefined) delete parent[last];
          else parent[last] = replacement;
          const zodOk = (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(doc).success;
          let error: unknown;
          try {
            PlaybackSession.fromJSON(doc, { time: new SimulatedTimeProvider() });
          } catch (e) {
            error = e;
          }
          if (error !== undefined) {
            expect(error).toBeInstanceOf(InvalidSessionJsonError);
            // Accepted by zod but refused: only the checks of the log may do that.
            if (zodOk) expect((error as InvalidSessionJsonError).path).toMatch(LOG_CHECK_PATH);
          } else {
            expect(zodOk).toBe(true);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
