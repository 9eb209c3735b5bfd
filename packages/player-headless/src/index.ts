/**
 * @packageDocumentation
 * HeadlessPlayer: simulated VAST playback with a seeded interruption model.
 */
export {};
