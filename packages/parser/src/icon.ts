import type { Resource } from './resource.js';

/** An `<IconClickFallbackImage>` (VAST 4.1+), shown when the icon click cannot be rendered. */
export interface IconClickFallbackImage {
  /** The image URL (its StaticResource), trimmed. */
  readonly url: string;
  /** Width in pixels. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** The `AltText` child. */
  readonly altText?: string;
}

/** An `<Icon>` of a linear creative (such as AdChoices), with all of its parts. */
export interface Icon {
  /** The `program` attribute, such as `AdChoices`. */
  readonly program?: string;
  /** Width in pixels. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** `left`, `right` or a pixel offset, as written. */
  readonly xPosition?: string;
  /** `top`, `bottom` or a pixel offset, as written. */
  readonly yPosition?: string;
  /** How long to show the icon, in seconds. */
  readonly duration?: number;
  /** When to show the icon, in seconds from the start of the creative. */
  readonly offset?: number;
  /** The API framework. */
  readonly apiFramework?: string;
  /** The pixel ratio the icon was made for. */
  readonly pxratio?: number;
  /** The `altText` attribute (VAST 4.1+). */
  readonly altText?: string;
  /** The `hoverText` attribute (VAST 4.2+). */
  readonly hoverText?: string;
  /** The icon's resources, in document order. */
  readonly resources: readonly Resource[];
  /** The `IconClickThrough` URL. */
  readonly clickThrough?: string;
  /** The `IconClickTracking` URLs. */
  readonly clickTrackings: readonly string[];
  /** The `IconClickFallbackImages`. */
  readonly clickFallbackImages: readonly IconClickFallbackImage[];
  /** The `IconViewTracking` URLs. */
  readonly viewTrackings: readonly string[];
}
