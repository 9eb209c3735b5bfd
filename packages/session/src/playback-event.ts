
/**
 * The kinds of events a {@link PlaybackSession} logs (the VAST tracking events of a linear ad),
 * as an object users can also pass as strings.
 */
export const PlaybackEventType = {
  Impression: 'impression',
  CreativeView: 'creativeView',
  Start: 'start',
  FirstQuartile: 'firstQuartile',
  Midpoint: 'midpoint',
  ThirdQuartile: 'thirdQuartile',
  Complete: 'complete',
  Progress: 'progress',
  Pause: 'pause',
  Resume: 'resume',
  Mute: 'mute',
  Unmute: 'unmute',
  Skip: 'skip',
  Stop: 'stop',
  Interruption: 'interruption',
  Error: 'error',
  Close: 'close',
} as const;

/** One of the {@link PlaybackEventType} values. */
export type PlaybackEventType = (typeof PlaybackEventType)[keyof typeof PlaybackEventType];

/** Every event type, in the order of {@link PlaybackEventType}. */
export const PLAYBACK_EVENT_TYPES: readonly PlaybackEventType[] = Object.freeze(Object.values(PlaybackEventType));

/** The event types that carry nothing beyond the type and the two times. */
export type BasicPlaybackEventType = Exclude<PlaybackEventType, 'progress' | 'interruption' | 'error'>;

/** The three quartile events. */
export type QuartileEventType = 'firstQuartile' | 'midpoint' | 'thirdQuartile';

/**
 * Where a VAST `progress` tracking event fires: a time from the start of the creative
 * (`offset="00:00:05"`, `{ type: 'time', seconds: 5 }`) or a share of its duration
 * (`offset="10%"`, `{ type: 'percent', percent: 10 }`). Structurally the parser's `Offset` (and the
 * tracker's `ProgressOffset`), declared here so a session needs no parser: a parsed tracking event's
 * offset goes into a session unchanged, and the tracker fires the beacons of the offsets the session
 * logs.
 */
export type ProgressOffset =
  | {
      /** A time from the start of the creative. */
      readonly type: 'time';
      /** Seconds from the start. */
      readonly seconds: number;
    }
  | {
      /** A share of the creative's duration. */
      readonly type: 'percent';
      /** Percent of the duration, 0 to 100. */
      readonly percent: number;
    };

/** What every logged event records. */
export interface PlaybackEventRecord<T extends PlaybackEventType> {
  /** The event type (the discriminant). */
  readonly type: T;
  /** The media position when the event happened, in milliseconds. */
  readonly mediaTime: number;
  /** The clock time when the event happened (epoch ms, from the session's `TimeProvider`). */
  readonly clockTime: number;
}

/** An event with nothing beyond its type and times (impression, start, pause, ...). */
export type BasicPlaybackEvent = { [K in BasicPlaybackEventType]: PlaybackEventRecord<K> }[BasicPlaybackEventType];

/** A `progress` event: a progress offset of the creative was reached. */
export interface ProgressPlaybackEvent extends PlaybackEventRecord<'progress'> {
  /** The offset that was reached, as the creative declared it. */
  readonly offset: ProgressOffset;
}

/** An `interruption` event: the playback was cut off from outside. */
export interface InterruptionPlaybackEvent extends PlaybackEventRecord<'interruption'> {
  /** The kind of interruption (a provider profile's interruption type, e.g. `channel_switch`). */
  readonly interruptionType: string;
  /** Why, in words (for logs and audits). */
  readonly reason: string;
}

/** An `error` event: the playback failed with an IAB error code. */
export interface ErrorPlaybackEvent extends PlaybackEventRecord<'error'> {
  /** The IAB VAST error code (100 to 902). */
  readonly code: number;
  /** A description, or `null`. */
  readonly message: string | null;
}

/** Any logged event; switch on `type`. */
export type PlaybackEvent = BasicPlaybackEvent | ProgressPlaybackEvent | InterruptionPlaybackEvent | ErrorPlaybackEvent;

/** The event of one type. */
export type PlaybackEventOf<T extends PlaybackEventType> = Extract<PlaybackEvent, { readonly type: T }>;
