/**
 * @packageDocumentation
 * Playback session state machine, event log, lossless JSON round trip and replay.
 */
export { PlaybackStatus, PLAYBACK_STATUSES, TERMINAL_STATUSES, isTerminalStatus, isPlaybackStatus } from './playback-status.js';
export { PlaybackEventType, PLAYBACK_EVENT_TYPES } from './playback-event.js';
export type {
  BasicPlaybackEvent,
  BasicPlaybackEventType,
  ErrorPlaybackEvent,
  InterruptionPlaybackEvent,
  PlaybackEvent,
  PlaybackEventOf,
  PlaybackEventRecord,
  ProgressOffset,
  ProgressPlaybackEvent,
  QuartileEventType,
} from './playback-event.js';
export { PLAYBACK_COMMAND_RULES, PLAYBACK_TRANSITIONS, canTransition, nextStatus } from './playback-transitions.js';
export type { PlaybackCommand, PlaybackCommandRule } from './playback-transitions.js';
export { SessionError, isSessionError } from './session-error.js';
export type { SessionErrorCode } from './session-error.js';
export { IllegalTransitionError } from './illegal-transition-error.js';
export { InvalidSessionJsonError } from './invalid-session-json-error.js';
export type { SessionJsonIssue } from './invalid-session-json-error.js';
export type { JsonValue } from './json-value.js';
export { QuartileTracker } from './quartile-tracker.js';
export type { QuartileCrossing, QuartileTrackerOptions, QuartileUnavailableReason } from './quartile-tracker.js';
export { PlaybackSession } from './playback-session.js';
export { ConfigSnapshotCache } from './config-snapshot-cache.js';
export type { ConfigSnapshotCacheOptions } from './config-snapshot-cache.js';
export type {
  InterruptionDetails,
  PlaybackSessionOptions,
  PlaybackSessionRestoreOptions,
  PlaybackTimingSummary,
} from './playback-session.js';
export { SESSION_JSON_VERSION, playbackSessionJsonSchema } from './session-json.js';
export type { ClockTimeJson, PlaybackEventJson, PlaybackSessionJson, ProgressOffsetJson } from './session-json.js';
export type { SessionMode } from './session-mode.js';
export { playbackSessionJsonV1Schema } from './session-json-v1.js';
export type { PlaybackEventJsonV1, PlaybackSessionJsonV1, ProgressOffsetJsonV1 } from './session-json-v1.js';
export { replay } from './replay.js';
export type { ReplayContext, ReplayHandler, ReplayOptions, ReplayResult, ReplayVisitor } from './replay.js';
export type { SessionStore, SessionStoreOperationOptions } from './session-store.js';
export { InMemorySessionStore } from './in-memory-session-store.js';
export type { InMemorySessionStoreOptions } from './in-memory-session-store.js';
