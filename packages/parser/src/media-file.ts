/** A `<MediaFile>` of a linear creative, with all of its attributes. */
export interface MediaFile {
  /** The media URL, trimmed. */
  readonly url: string;
  /** The `id` attribute. */
  readonly id?: string;
  /** `progressive` or `streaming` (the `delivery` attribute, as written). */
  readonly delivery?: string;
  /** The MIME type, such as `video/mp4`. */
  readonly type?: string;
  /** Width in pixels. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** The RFC 6381 codec string. */
  readonly codec?: string;
  /** Average bitrate in kbit/s. */
  readonly bitrate?: number;
  /** Minimum bitrate in kbit/s (streaming). */
  readonly minBitrate?: number;
  /** Maximum bitrate in kbit/s (streaming). */
  readonly maxBitrate?: number;
  /** Whether the media may be scaled. */
  readonly scalable?: boolean;
  /** Whether the aspect ratio must be kept when scaled. */
  readonly maintainAspectRatio?: boolean;
  /** The API framework (VPAID in VAST 2 to 4.0). */
  readonly apiFramework?: string;
  /** File size in bytes (VAST 4.1+). */
  readonly fileSize?: number;
  /** The `mediaType` attribute (VAST 4.1+, such as `2D` or `3D`). */
  readonly mediaType?: string;
}

/** A `<Mezzanine>` file (VAST 4.0+): the raw high quality file for ad-stitching servers. */
export interface Mezzanine {
  /** The file URL, trimmed. */
  readonly url: string;
  /** The `id` attribute. */
  readonly id?: string;
  /** `progressive` or `streaming`. */
  readonly delivery?: string;
  /** The MIME type. */
  readonly type?: string;
  /** Width in pixels. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** The RFC 6381 codec string. */
  readonly codec?: string;
  /** File size in bytes. */
  readonly fileSize?: number;
  /** The `mediaType` attribute. */
  readonly mediaType?: string;
}

/** An `<InteractiveCreativeFile>` (VAST 4.0+), such as a SIMID unit. */
export interface InteractiveCreativeFile {
  /** The file URL, trimmed. */
  readonly url: string;
  /** The MIME type. */
  readonly type?: string;
  /** The API framework, such as `SIMID`. */
  readonly apiFramework?: string;
  /** Whether the unit may change the ad's duration. */
  readonly variableDuration?: boolean;
}

/** A `<ClosedCaptionFile>` (VAST 4.1+). */
export interface ClosedCaptionFile {
  /** The file URL, trimmed. */
  readonly url: string;
  /** The MIME type, such as `text/vtt`. */
  readonly type?: string;
  /** The language, such as `en`. */
  readonly language?: string;
}

/** `<AdParameters>`: data for an interactive unit, kept as written. */
export interface AdParameters {
  /** The content as written (CDATA unwrapped, or the text with its entities decoded), trimmed. */
  readonly value: string;
  /** The `xmlEncoded` attribute: whether the value is XML-encoded. */
  readonly xmlEncoded: boolean;
}
