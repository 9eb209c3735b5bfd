import type { MediaFile } from '@vast/parser';

/**
 * Chooses the media file a device plays from a linear creative's `<MediaFile>` list. Pass your
 * own to a player (`mediaFilePolicy`), or extend {@link CtvMediaFilePolicy}.
 */
export interface MediaFilePolicy {
  /**
   * Picks the file to play.
   *
   * @param files - the creative's media files, in document order
   * @returns the file to play, or `undefined` when none is playable (the ad then fails with 403)
   */
  select(files: readonly MediaFile[]): MediaFile | undefined;
}

/** Options of {@link CtvMediaFilePolicy}. */
export interface CtvMediaFilePolicyOptions {
  /**
   * The MIME types the device plays, most preferred first (compared without case or parameters).
   * @defaultValue `['video/mp4', 'application/x-mpegurl', 'application/vnd.apple.mpegurl']` (MP4, then HLS)
   */
  readonly types?: readonly string[];
  /**
   * The deliveries the device accepts; a file without `delivery` is accepted.
   * @defaultValue `['progressive', 'streaming']`
   */
  readonly deliveries?: readonly string[];
  /**
   * The largest picture the device shows, in pixels; larger files are not playable. A file that
   * does not state its size is playable, ranked below every sized one.
   * @defaultValue `1920` x `1080`
   */
  readonly maxWidth?: number;
  /** @defaultValue `1080` (see {@link CtvMediaFilePolicyOptions.maxWidth}) */
  readonly maxHeight?: number;
  /**
   * The highest bitrate the connection sustains, in kbit/s; faster files are not playable.
   * @defaultValue no limit
   */
  readonly maxBitrateKbps?: number;
}

const DEFAULT_TYPES = ['video/mp4', 'application/x-mpegurl', 'application/vnd.apple.mpegurl'];
// Executable ad units a CTV device cannot run, whatever the caller's type list says.
const EXECUTABLE_TYPES = new Set(['application/javascript', 'text/javascript', 'application/x-shockwave-flash']);

/** A MIME type without parameters or case: `Video/MP4; codecs=...` is `video/mp4`. */
function bareType(type: string | undefined): string {
  return (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The connected-TV default: plays MP4 or HLS, progressive or streaming, up to 1080p, and never a
 * VPAID unit (an `apiFramework` of VPAID, or a JavaScript or Flash file). Among the playable files
 * it takes the most preferred type, then the largest picture within the limit, then the highest
 * bitrate within the limit, then document order. Override {@link CtvMediaFilePolicy.isPlayable}
 * or {@link CtvMediaFilePolicy.compare} to change one part.
 *
 * @example
 * ```ts
 * const policy = new CtvMediaFilePolicy({ maxWidth: 1280, maxHeight: 720, maxBitrateKbps: 3_000 });
 * const file = policy.select(linear.mediaFiles); // the best 720p MP4 up to 3 Mbit/s
 * ```
 */
export class CtvMediaFilePolicy implements MediaFilePolicy {
  /** The accepted MIME types, most preferred first (lower case, no parameters). */
  readonly types: readonly string[];
  /** The accepted deliveries. */
  readonly deliveries: readonly string[];
  /** The largest width shown. */
  readonly maxWidth: number;
  /** The largest height shown. */
  readonly maxHeight: number;
  /** The highest bitrate in kbit/s, or `Infinity`. */
  readonly maxBitrateKbps: number;

  /**
   * @param options - types, deliveries and limits; every one has a default
   */
  constructor(options: CtvMediaFilePolicyOptions = {}) {
    this.types = Object.freeze((options.types ?? DEFAULT_TYPES).map(bareType));
    this.deliveries = Object.freeze((options.deliveries ?? ['progressive', 'streaming']).map((d) => d.toLowerCase()));
    this.maxWidth = options.maxWidth ?? 1920;
    this.maxHeight = options.maxHeight ?? 1080;
    this.maxBitrateKbps = options.maxBitrateKbps ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Picks the best playable file (see the class description).
   *
   * @param files - the creative's media files
   * @returns the chosen file, or `undefined` when none is playable
   */
  select(files: readonly MediaFile[]): MediaFile | undefined {
    let best: MediaFile | undefined;
    for (const file of files) {
      if (!this.isPlayable(file)) continue;
      // Strictly better only: on a tie the earlier file (document order) stays.
      if (best === undefined || this.compare(file, best) < 0) best = file;
    }
    return best;
  }

  /**
   * Whether the device can play a file: an accepted type and delivery, not VPAID, a URL, and
   * within the size and bitrate limits.
   *
   * @param file - a media file
   * @returns `true` when it is playable
   */
  isPlayable(file: MediaFile): boolean {
    const type = bareType(file.type);
    if (file.url === '' || EXECUTABLE_TYPES.has(type) || /vpaid/i.test(file.apiFramework ?? '')) return false;
    if (!this.types.includes(type)) return false;
    if (file.delivery !== undefined && !this.deliveries.includes(file.delivery.toLowerCase())) return false;
    if ((file.width ?? 0) > this.maxWidth || (file.height ?? 0) > this.maxHeight) return false;
    return (file.bitrate ?? file.minBitrate ?? 0) <= this.maxBitrateKbps;
  }

  /**
   * Orders two playable files: negative when `a` is better.
   *
   * @param a - a playable file
   * @param b - another playable file
   * @returns negative, zero or positive, as for `Array.prototype.sort`
   */
  compare(a: MediaFile, b: MediaFile): number {
    const byType = this.types.indexOf(bareType(a.type)) - this.types.indexOf(bareType(b.type));
    if (byType !== 0) return byType;
    const area = (f: MediaFile): number => (f.width ?? 0) * (f.height ?? 0);
    const byArea = area(b) - area(a);
    if (byArea !== 0) return byArea;
    return (b.bitrate ?? b.maxBitrate ?? 0) - (a.bitrate ?? a.maxBitrate ?? 0);
  }
}
