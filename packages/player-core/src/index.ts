/**
 * @packageDocumentation
 * BaseVastPlayer: the playback template shared by the realtime and headless players.
 */
export {};
