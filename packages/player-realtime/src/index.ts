/**
 * @packageDocumentation
 * VastPlayer: real-time VAST playback on the wall clock.
 */
export {};
