/** A `<MediaFile>` of {@link inlineVast}. */
export interface MediaFileSpec {
  /** The MIME type. @defaultValue `'video/mp4'` */
  readonly type?: string;
  /** The URL. @defaultValue `https://cdn.example/ad-<width>x<height>.mp4` */
  readonly url?: string;
  /** @defaultValue `1280` */
  readonly width?: number;
  /** @defaultValue `720` */
  readonly height?: number;
  /** kbit/s. @defaultValue `2000` */
  readonly bitrate?: number;
  /** @defaultValue `'progressive'` */
  readonly delivery?: string;
  /** E.g. `'VPAID'`. @defaultValue none */
  readonly apiFramework?: string;
}

/** Options of {@link inlineVast}. */
export interface InlineVastOptions {
  /** Where every tracking URL of the ad points: `<base>/impression`, `<base>/start`... */
  readonly trackingBase: string;
  /** The `<Ad id>`. @defaultValue `'inline-ad'` */
  readonly adId?: string;
  /** The `<Creative id>`. @defaultValue `'creative-1'` */
  readonly creativeId?: string;
  /** The VAST version. @defaultValue `'4.2'` */
  readonly version?: string;
  /** `<Duration>` in seconds; `null` leaves the element out. @defaultValue `30` */
  readonly durationSeconds?: number | null;
  /** `progress` tracking offsets as written (`'00:00:05'`, `'10%'`). @defaultValue none */
  readonly progressOffsets?: readonly string[];
  /** The media files. @defaultValue one 1280x720 MP4 */
  readonly mediaFiles?: readonly MediaFileSpec[];
  /** The `skipoffset` as written (`'00:00:05'`, `'25%'`). @defaultValue none (not skippable) */
  readonly skipOffset?: string;
  /** `<Expires>` in seconds (VAST 4.1+). @defaultValue none */
  readonly expiresSeconds?: number;
  /** The `<Ad sequence>` (a pod position). @defaultValue none */
  readonly sequence?: number;
  /** `false` gives a NonLinear creative instead of the Linear one. @defaultValue `true` */
  readonly linear?: boolean;
}

/** Options of {@link wrapperVast}. */
export interface WrapperVastOptions {
  /** The `<VASTAdTagURI>`: where the next document is. */
  readonly adTagUri: string;
  /** Where every tracking URL of the wrapper points: `<base>/impression`, `<base>/start`... */
  readonly trackingBase: string;
  /** The `<Ad id>`. @defaultValue `'wrapper-ad'` */
  readonly adId?: string;
  /** The VAST version. @defaultValue `'4.2'` */
  readonly version?: string;
  /** `progress` tracking offsets as written. @defaultValue none */
  readonly progressOffsets?: readonly string[];
}

/** The events every document of these builders tracks, each at `<base>/<event>?ph=[ADPLAYHEAD]`. */
export const TRACKED_EVENTS: readonly string[] = Object.freeze([
  'creativeView',
  'start',
  'firstQuartile',
  'midpoint',
  'thirdQuartile',
  'complete',
  'pause',
  'resume',
  'mute',
  'unmute',
  'skip',
  'closeLinear',
]);

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function trackingEvents(base: string, progressOffsets: readonly string[]): string {
  const events = TRACKED_EVENTS.map((event) => `<Tracking event="${event}"><![CDATA[${base}/${event}?ph=[ADPLAYHEAD]]]></Tracking>`);
  for (const offset of progressOffsets) {
    events.push(
      `<Tracking event="progress" offset="${escapeAttribute(offset)}"><![CDATA[${base}/progress?offset=${encodeURIComponent(offset)}&ph=[ADPLAYHEAD]]]></Tracking>`,
    );
  }
  return `<TrackingEvents>${events.join('')}</TrackingEvents>`;
}

function seconds(total: number): string {
  const ms = Math.round(total * 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * A VAST document with one inline ad whose every tracking URL points at `trackingBase`, for tests
 * that check which beacons a player fires: impressions at `<base>/impression?cb=[CACHEBUSTING]`,
 * errors at `<base>/error?code=[ERRORCODE]`, events at `<base>/<event>?ph=[ADPLAYHEAD]`.
 *
 * @param options - the tracking base and what to vary
 * @returns the XML text
 * @example
 * ```ts
 * const server = await startMockAdServer({
 *   routes: { '/inline.xml': inlineVast({ trackingBase: 'http://127.0.0.1:8080/t/inline', durationSeconds: 15 }) },
 * });
 * ```
 */
export function inlineVast(options: InlineVastOptions): string {
  const base = options.trackingBase;
  const duration = options.durationSeconds === undefined ? 30 : options.durationSeconds;
  const files = (options.mediaFiles ?? [{}]).map((file) => {
    const width = file.width ?? 1280;
    const height = file.height ?? 720;
    const attributes = [
      `delivery="${file.delivery ?? 'progressive'}"`,
      `type="${file.type ?? 'video/mp4'}"`,
      `width="${width}"`,
      `height="${height}"`,
      `bitrate="${file.bitrate ?? 2000}"`,
      ...(file.apiFramework === undefined ? [] : [`apiFramework="${file.apiFramework}"`]),
    ];
    return `<MediaFile ${attributes.join(' ')}><![CDATA[${file.url ?? `https://cdn.example/ad-${width}x${height}.mp4`}]]></MediaFile>`;
  });
  const tracking = trackingEvents(base, options.progressOffsets ?? []);
  const skip = options.skipOffset === undefined ? '' : ` skipoffset="${escapeAttribute(options.skipOffset)}"`;
  const creative =
    options.linear === false
      ? `<NonLinearAds>${tracking}<NonLinear width="300" height="50"><StaticResource creativeType="image/png"><![CDATA[https://cdn.example/overlay.png]]></StaticResource></NonLinear></NonLinearAds>`
      : `<Linear${skip}>${duration === null ? '' : `<Duration>${seconds(duration)}</Duration>`}${tracking}<MediaFiles>${files.join('')}</MediaFiles></Linear>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><VAST version="${options.version ?? '4.2'}">` +
    `<Ad id="${escapeAttribute(options.adId ?? 'inline-ad')}"${options.sequence === undefined ? '' : ` sequence="${options.sequence}"`}>` +
    `<InLine><AdSystem>testkit</AdSystem><AdTitle>Test ad</AdTitle>` +
    `<Impression><![CDATA[${base}/impression?cb=[CACHEBUSTING]]]></Impression>` +
    `<Error><![CDATA[${base}/error?code=[ERRORCODE]]]></Error>` +
    (options.expiresSeconds === undefined ? '' : `<Expires>${options.expiresSeconds}</Expires>`) +
    `<Creatives><Creative id="${escapeAttribute(options.creativeId ?? 'creative-1')}">${creative}</Creative></Creatives>` +
    `</InLine></Ad></VAST>`
  );
}

/**
 * A VAST document with one wrapper pointing at `adTagUri`, whose impression, error and event URLs
 * point at `trackingBase` the same way as {@link inlineVast}'s.
 *
 * @param options - the next document's URL and the tracking base
 * @returns the XML text
 */
export function wrapperVast(options: WrapperVastOptions): string {
  const base = options.trackingBase;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><VAST version="${options.version ?? '4.2'}">` +
    `<Ad id="${escapeAttribute(options.adId ?? 'wrapper-ad')}"><Wrapper><AdSystem>testkit</AdSystem>` +
    `<VASTAdTagURI><![CDATA[${options.adTagUri}]]></VASTAdTagURI>` +
    `<Impression><![CDATA[${base}/impression?cb=[CACHEBUSTING]]]></Impression>` +
    `<Error><![CDATA[${base}/error?code=[ERRORCODE]]]></Error>` +
    `<Creatives><Creative><Linear>${trackingEvents(base, options.progressOffsets ?? [])}</Linear></Creative></Creatives>` +
    `</Wrapper></Ad></VAST>`
  );
}
