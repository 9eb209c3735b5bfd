/**
 * @packageDocumentation
 * Playback session state machine, event log, lossless JSON round trip and replay.
 */
export {};
