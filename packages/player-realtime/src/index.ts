/**
 * @packageDocumentation
 * VastPlayer: real-time playback on the wall clock or on reported progress, with one shared
 * scheduler for every player of a process.
 */
export { VastPlayer } from './vast-player.js';
export type { ProgressSource, VastPlayerOptions } from './vast-player.js';
export { PlaybackScheduler } from './playback-scheduler.js';
export type { PlaybackSchedulerOptions, ScheduledTask } from './playback-scheduler.js';
