import type { Extension } from './extension.js';
import type { Icon } from './icon.js';
import type {
  AdParameters,
  ClosedCaptionFile,
  InteractiveCreativeFile,
  MediaFile,
  Mezzanine,
} from './media-file.js';
import type { Offset } from './offset.js';
import type { Resource } from './resource.js';
import type { TrackingEvent } from './tracking-event.js';
import type { UrlWithId } from './url-with-id.js';

/** A `<UniversalAdId>` (VAST 4.0+; several allowed from 4.1). */
export interface UniversalAdId {
  /** The registry, such as `ad-id.org`. */
  readonly idRegistry: string;
  /** The identifier (the element text, or the VAST 4.0 `idValue` attribute). */
  readonly value: string;
}

/** What every kind of creative has. */
export interface CreativeBase {
  /** The `id` attribute. */
  readonly id?: string;
  /** The `adId` attribute (`AdID` in VAST 2). */
  readonly adId?: string;
  /** The `sequence` attribute. */
  readonly sequence?: number;
  /** The `apiFramework` attribute. */
  readonly apiFramework?: string;
  /** The UniversalAdId elements. */
  readonly universalAdIds: readonly UniversalAdId[];
  /** The CreativeExtensions. */
  readonly creativeExtensions: readonly Extension[];
}

/** `<VideoClicks>` of a linear creative. */
export interface VideoClicks {
  /** The landing page. */
  readonly clickThrough?: UrlWithId;
  /** The ClickTracking URLs. */
  readonly clickTrackings: readonly UrlWithId[];
  /** The CustomClick URLs. */
  readonly customClicks: readonly UrlWithId[];
}

/** A creative with a `<Linear>` element: the video or audio ad itself. */
export interface LinearCreative extends CreativeBase {
  /** Discriminant. */
  readonly type: 'linear';
  /** `<Duration>` in seconds (required in an InLine, absent in a Wrapper). */
  readonly duration?: number;
  /** The `skipoffset` attribute: when the ad becomes skippable. */
  readonly skipOffset?: Offset;
  /** The media files, in document order. */
  readonly mediaFiles: readonly MediaFile[];
  /** The Mezzanine files (VAST 4.0+). */
  readonly mezzanines: readonly Mezzanine[];
  /** The InteractiveCreativeFile elements (VAST 4.0+). */
  readonly interactiveCreativeFiles: readonly InteractiveCreativeFile[];
  /** The ClosedCaptionFile elements (VAST 4.1+). */
  readonly closedCaptionFiles: readonly ClosedCaptionFile[];
  /** `<AdParameters>`, when present. */
  readonly adParameters?: AdParameters;
  /** `<VideoClicks>`. */
  readonly videoClicks: VideoClicks;
  /** `<TrackingEvents>`, in document order. */
  readonly trackingEvents: readonly TrackingEvent[];
  /** The Icons. */
  readonly icons: readonly Icon[];
}

/** A `<NonLinear>` element (an overlay). */
export interface NonLinear {
  /** The `id` attribute. */
  readonly id?: string;
  /** Width in pixels. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** Width when expanded. */
  readonly expandedWidth?: number;
  /** Height when expanded. */
  readonly expandedHeight?: number;
  /** Whether it may be scaled. */
  readonly scalable?: boolean;
  /** Whether the aspect ratio must be kept. */
  readonly maintainAspectRatio?: boolean;
  /** `minSuggestedDuration` in seconds. */
  readonly minSuggestedDuration?: number;
  /** The API framework. */
  readonly apiFramework?: string;
  /** Its resources, in document order. */
  readonly resources: readonly Resource[];
  /** `<AdParameters>`, when present. */
  readonly adParameters?: AdParameters;
  /** `NonLinearClickThrough`. */
  readonly clickThrough?: string;
  /** `NonLinearClickTracking` URLs. */
  readonly clickTrackings: readonly UrlWithId[];
}

/** A creative with `<NonLinearAds>`: overlays shown over the content. */
export interface NonLinearCreative extends CreativeBase {
  /** Discriminant. */
  readonly type: 'nonlinear';
  /** The NonLinear elements. */
  readonly nonLinears: readonly NonLinear[];
  /** The shared `<TrackingEvents>`. */
  readonly trackingEvents: readonly TrackingEvent[];
}

/** A `<Companion>` (a display ad shown beside the video). */
export interface Companion {
  /** The `id` attribute. */
  readonly id?: string;
  /** Width in pixels. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** Width of the creative asset. */
  readonly assetWidth?: number;
  /** Height of the creative asset. */
  readonly assetHeight?: number;
  /** Width when expanded. */
  readonly expandedWidth?: number;
  /** Height when expanded. */
  readonly expandedHeight?: number;
  /** The API framework. */
  readonly apiFramework?: string;
  /** The `adSlotID` attribute. */
  readonly adSlotId?: string;
  /** The pixel ratio. */
  readonly pxratio?: number;
  /** `renderingMode` (VAST 4.1+: `default`, `end-card`, `concurrent`). */
  readonly renderingMode?: string;
  /** Its resources, in document order. */
  readonly resources: readonly Resource[];
  /** `<AdParameters>`, when present. */
  readonly adParameters?: AdParameters;
  /** `<AltText>`. */
  readonly altText?: string;
  /** `CompanionClickThrough`. */
  readonly clickThrough?: string;
  /** `CompanionClickTracking` URLs. */
  readonly clickTrackings: readonly UrlWithId[];
  /** Its `<TrackingEvents>` (usually `creativeView`). */
  readonly trackingEvents: readonly TrackingEvent[];
}

/** A creative with `<CompanionAds>`. */
export interface CompanionCreative extends CreativeBase {
  /** Discriminant. */
  readonly type: 'companion';
  /** The `required` attribute (`all`, `any` or `none`), as written. */
  readonly required?: string;
  /** The Companion elements. */
  readonly companions: readonly Companion[];
}

/** One `<Creative>`, by kind: switch on `type`. */
export type Creative = LinearCreative | NonLinearCreative | CompanionCreative;
