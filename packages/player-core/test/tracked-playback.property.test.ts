import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlaybackSession, isSessionError, type ProgressOffset } from '@vast/session';
import { SimulatedTimeProvider } from '@vast/time';
import { RecordingBeaconTransport, Tracker, progressOffsetsOf, type TrackingSet, type TrackingUrl } from '@vast/tracker';
import { TrackedPlayback } from '../src/index.js';

type Command = { readonly kind: 'advance'; readonly to: number } | { readonly kind: 'repeat' } | { readonly kind: 'pause' } | { readonly kind: 'resume' };

const offset = fc.oneof(
  fc.integer({ min: 0, max: 70_000 }).map((ms): ProgressOffset => ({ type: 'time', seconds: ms / 1000 })),
  fc.integer({ min: 0, max: 100 }).map((percent): ProgressOffset => ({ type: 'percent', percent })),
);

const command = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 70_000 }).map((to): Command => ({ kind: 'advance', to })) },
  { weight: 1, arbitrary: fc.constant<Command>({ kind: 'repeat' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ kind: 'pause' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ kind: 'resume' }) },
);

const key = (o: ProgressOffset): string => (o.type === 'time' ? `${o.seconds}s` : `${o.percent}%`);

/** Two levels: the inline ad tracks every mark, the wrapper every other offset and the midpoint. */
function trackingFor(offsets: readonly ProgressOffset[]): TrackingSet {
  const progress = (level: string, list: readonly ProgressOffset[]): TrackingUrl[] =>
    list.map((o, i) => ({ event: 'progress', url: `https://${level}.example/p/${i}/${key(o)}`, offset: o }));
  return {
    levels: [
      {
        impressions: [],
        errors: [],
        events: [
          ...['firstQuartile', 'midpoint', 'thirdQuartile'].map((event) => ({ event, url: `https://inline.example/${event}` })),
          ...progress('inline', offsets),
        ],
      },
      {
        impressions: [],
        errors: [],
        events: [{ event: 'midpoint', url: 'https://wrapper.example/midpoint' }, ...progress('wrapper', offsets.filter((_, i) => i % 2 === 0))],
      },
    ],
  };
}

describe('TrackedPlayback: one engine decides, the beacons follow', () => {
  it('for any playhead sequence (pauses, seeks both ways, repeated reports) the beacons fired are exactly the marks the session logged, in its order, once each', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
        fc.array(offset, { maxLength: 6 }),
        fc.array(command, { maxLength: 40 }),
        fc.boolean(),
        (duration, offsets, commands, completeAtEnd) => {
          const time = new SimulatedTimeProvider({ mode: 'manual' });
          const tracking = trackingFor(offsets);
          const session = new PlaybackSession({ id: 'p', adId: 'a', duration, progressOffsets: progressOffsetsOf(tracking), time });
          const transport = new RecordingBeaconTransport();
          const playback = new TrackedPlayback({ session, tracker: new Tracker({ tracking, transport, time }) });
          playback.load();
          playback.start();
          let last = 0;
          for (const c of commands) {
            time.tick(100);
            try {
              if (c.kind === 'advance') playback.advance((last = c.to));
              else if (c.kind === 'repeat') playback.advance(last);
              else if (c.kind === 'pause') playback.pause();
              else playback.resume();
            } catch (error) {
              // A command the state does not allow (advance while paused...) changes nothing.
              if (!(isSessionError(error) && error.code === 'ILLEGAL_TRANSITION')) throw error;
            }
          }
          if (completeAtEnd && session.status === 'playing') playback.complete();

          // What the log says should have fired, level by level for each mark in log order.
          const expected: string[] = [];
          for (const event of session.events) {
            for (const level of tracking.levels) {
              for (const entry of level.events) {
                const matches =
                  event.type === 'progress'
                    ? entry.event === 'progress' && entry.offset !== undefined && key(entry.offset) === key(event.offset)
                    : entry.event === event.type;
                if (matches) expected.push(entry.url);
              }
            }
          }
          const fired = transport.beacons().map((b) => b.url);
          expect(fired).toEqual(expected);
          expect(new Set(fired).size).toBe(fired.length);
          const marks = session.events.filter((e) => e.type !== 'start' && e.type !== 'pause' && e.type !== 'resume' && e.type !== 'complete');
          expect(new Set(marks.map((e) => (e.type === 'progress' ? key(e.offset) : e.type))).size).toBe(marks.length);
          // Media order: the marks are logged in the order of where they lie in the creative.
          const share = { firstQuartile: 0.25, midpoint: 0.5, thirdQuartile: 0.75 } as Record<string, number>;
          const at = (e: (typeof marks)[number]): number =>
            e.type === 'progress'
              ? e.offset.type === 'time'
                ? e.offset.seconds * 1000
                : ((duration ?? 0) * e.offset.percent) / 100
              : (duration ?? 0) * (share[e.type] ?? 0);
          for (let i = 1; i < marks.length; i++) expect(at(marks[i] as (typeof marks)[number])).toBeGreaterThanOrEqual(at(marks[i - 1] as (typeof marks)[number]));
        },
      ),
      { numRuns: 400 },
    );
  });
});
