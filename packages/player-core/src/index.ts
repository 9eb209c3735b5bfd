/**
 * @packageDocumentation
 * BaseVastPlayer: the playback template shared by the realtime and headless players, with the
 * media file policy, the session-and-tracker binding, typed player events and the pod player.
 */
export { BaseVastPlayer } from './base-vast-player.js';
export type { BaseVastPlayerOptions, PlayerSettings } from './base-vast-player.js';
export { PlayerError, isPlayerError } from './player-error.js';
export type { PlayerErrorCode } from './player-error.js';
export { CtvMediaFilePolicy } from './media-file-policy.js';
export type { CtvMediaFilePolicyOptions, MediaFilePolicy } from './media-file-policy.js';
export { EXPIRED_AD_ERROR_CODE } from './ad-validation.js';
export type { AdProblem, PlayableCreative } from './ad-validation.js';
export { creativeIdOf } from './creative-id.js';
export { isPreparedAd, prepareAd } from './playable-ad.js';
export type { PlayableAd, PreparedAd, ResolvedAdLike } from './playable-ad.js';
export type { PlaybackResult } from './playback-result.js';
export type { PlayerEvent, PlayerEventOf, PlayerEventType, PlayerListener } from './player-events.js';
export type { PlayerInterruption } from './player-interruption.js';
export { TrackedPlayback } from './tracked-playback.js';
export type { TrackedPlaybackOptions } from './tracked-playback.js';
export { PodPlayer } from './pod-player.js';
export type { PodPlayerOptions, PodResult, PodSlot, PodSlotResult } from './pod-player.js';
