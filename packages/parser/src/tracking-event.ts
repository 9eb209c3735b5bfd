import type { Offset } from './offset.js';

/**
 * The tracking event names VAST 2.0 to 4.3 define. {@link TrackingEvent.event} holds one of these
 * or any other name a document uses (kept as written).
 */
export const TrackingEventName = [
  'creativeView',
  'start',
  'firstQuartile',
  'midpoint',
  'thirdQuartile',
  'complete',
  'mute',
  'unmute',
  'pause',
  'resume',
  'rewind',
  'skip',
  'playerExpand',
  'playerCollapse',
  'fullscreen',
  'exitFullscreen',
  'expand',
  'collapse',
  'acceptInvitation',
  'acceptInvitationLinear',
  'closeLinear',
  'close',
  'progress',
  'loaded',
  'notUsed',
  'otherAdInteraction',
  'adExpand',
  'adCollapse',
  'minimize',
  'overlayViewDuration',
  'interactiveStart',
  'verificationNotExecuted',
] as const;

/** A tracking event name that VAST defines (an element of {@link TrackingEventName}). */
export type TrackingEventName = (typeof TrackingEventName)[number];

/** One `<Tracking>` URL: the event that fires it, and for `progress` the offset. */
export interface TrackingEvent {
  /** The `event` attribute, as written (usually a {@link TrackingEventName}). */
  readonly event: string;
  /** The URL to request, trimmed. */
  readonly url: string;
  /** The `offset` attribute of a `progress` event (VAST 3.0+), when present and valid. */
  readonly offset?: Offset;
}
