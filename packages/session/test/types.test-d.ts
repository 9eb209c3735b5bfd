import { expectTypeOf, test } from 'vitest';
import type {
  ErrorPlaybackEvent,
  InterruptionPlaybackEvent,
  PlaybackEvent,
  PlaybackEventJson,
  PlaybackEventOf,
  PlaybackStatus,
  ReplayVisitor,
} from '../src/index.js';

test('PlaybackEventOf picks one member of the union', () => {
  expectTypeOf<PlaybackEventOf<'error'>>().toEqualTypeOf<ErrorPlaybackEvent>();
  expectTypeOf<PlaybackEventOf<'interruption'>>().toEqualTypeOf<InterruptionPlaybackEvent>();
  expectTypeOf<PlaybackEventOf<'pause'>>().toEqualTypeOf<{
    readonly type: 'pause';
    readonly mediaTime: number;
    readonly clockTime: number;
  }>();
});

test('switching on type narrows an event', () => {
  const describe = (event: PlaybackEvent): string => {
    switch (event.type) {
      case 'error':
        expectTypeOf(event.code).toEqualTypeOf<number>();
        return String(event.code);
      case 'progress':
        expectTypeOf(event.offset.type).toEqualTypeOf<'time' | 'percent'>();
        return event.offset.type;
      default:
        return event.type;
    }
  };
  expectTypeOf(describe).returns.toEqualTypeOf<string>();
});

test('a replay visitor handler gets the event of its type', () => {
  expectTypeOf<NonNullable<ReplayVisitor['error']>>().parameter(0).toEqualTypeOf<ErrorPlaybackEvent>();
  expectTypeOf<NonNullable<ReplayVisitor['onEvent']>>().parameter(0).toEqualTypeOf<PlaybackEvent>();
});

test('statuses are plain strings users can pass', () => {
  expectTypeOf<'playing'>().toExtend<PlaybackStatus>();
  expectTypeOf<'buffering'>().not.toExtend<PlaybackStatus>();
});

test('a version 2 event tuple narrows on its type element', () => {
  const detail = (event: PlaybackEventJson) => (event[0] === 'error' ? event[3] : event[0] === 'interruption' ? event[4] : null);
  expectTypeOf(detail).returns.toEqualTypeOf<number | string | null>();
});
