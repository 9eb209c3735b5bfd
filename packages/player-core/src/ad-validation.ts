import type { InlineAd, LinearCreative, MediaFile } from '@vast/parser';
import type { MediaFilePolicy } from './media-file-policy.js';

/**
 * The IAB code an expired ad fails with. VAST 4.1's `<Expires>` names no error code of its own,
 * so an ad played past it reports 900 (undefined error), with a message that says why.
 */
export const EXPIRED_AD_ERROR_CODE = 900;

/** What a player needs of an ad that can play. */
export interface PlayableCreative {
  /** The linear creative that plays. */
  readonly creative: LinearCreative;
  /** The media file chosen by the policy. */
  readonly mediaFile: MediaFile;
  /** The creative's duration in milliseconds (above 0). */
  readonly durationMs: number;
}

/** Why an ad cannot play: the IAB code and a sentence. */
export interface AdProblem {
  /** The IAB VAST error code: 201, 202, 403 or {@link EXPIRED_AD_ERROR_CODE}. */
  readonly code: number;
  /** What is wrong, for people. */
  readonly message: string;
}

/**
 * Whether an ad has passed its `<Expires>` (VAST 4.1+: seconds after it arrived).
 *
 * @param ad - the inline ad
 * @param now - the current time (epoch ms)
 * @param receivedAt - when the ad arrived (epoch ms), when known; without it `<Expires>` cannot
 *   be checked and the ad counts as fresh
 * @returns the problem ({@link EXPIRED_AD_ERROR_CODE}), or `undefined` while the ad is fresh
 * @internal
 */
export function expiryProblem(ad: InlineAd, now: number, receivedAt: number | undefined): AdProblem | undefined {
  if (ad.expires === undefined || receivedAt === undefined || now <= receivedAt + ad.expires * 1000) return undefined;
  return {
    code: EXPIRED_AD_ERROR_CODE,
    message: `the ad expired: <Expires> allows ${ad.expires} s after it arrived, ${((now - receivedAt) / 1000).toFixed(3)} s have passed`,
  };
}

/**
 * Checks that an ad can play on this device, in the order a player meets the problems: a linear
 * creative (else 201), a usable duration (else 202) and a media file the policy accepts (else 403).
 *
 * @param ad - the inline ad
 * @param policy - chooses the media file
 * @returns the creative, media file and duration, or the problem
 * @internal
 */
export function checkAd(ad: InlineAd, policy: MediaFilePolicy): PlayableCreative | AdProblem {
  const creative = ad.creatives.find((c): c is LinearCreative => c.type === 'linear');
  if (creative === undefined) return { code: 201, message: 'the ad has no linear creative to play' };
  const seconds = creative.duration;
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) {
    return { code: 202, message: `the linear creative has no usable duration (${seconds === undefined ? 'none' : seconds} s)` };
  }
  const mediaFile = policy.select(creative.mediaFiles);
  if (mediaFile === undefined) {
    const offered = creative.mediaFiles.map((f) => f.type ?? '?').join(', ') || 'none';
    return { code: 403, message: `no media file this device can play (offered: ${offered})` };
  }
  return { creative, mediaFile, durationMs: seconds * 1000 };
}
