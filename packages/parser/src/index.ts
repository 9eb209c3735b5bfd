/**
 * @packageDocumentation
 * VAST 2.0 to 4.3 XML parser into a typed, immutable model with IAB error codes.
 */
export { VastError, isVastError } from './VastError.js';
export type { VastErrorOptions } from './VastError.js';
export { VastErrorCode } from './VastErrorCode.js';
export { isVastErrorCode } from './is-vast-error-code.js';
export { ParserError, isParserError } from './parser-error.js';
export type { ParserErrorCode } from './parser-error.js';
export { TrackingEventName } from './TrackingEvent.js';
export type { TrackingEvent } from './TrackingEvent.js';
export type { Offset } from './Offset.js';
export type { UrlWithId } from './UrlWithId.js';
export type { Resource } from './Resource.js';
export type {
  AdParameters,
  ClosedCaptionFile,
  InteractiveCreativeFile,
  MediaFile,
  Mezzanine,
} from './MediaFile.js';
export type { Icon, IconClickFallbackImage } from './Icon.js';
export type { XmlElement } from './XmlElement.js';
export type { Extension } from './Extension.js';
export type { ExecutableResource, JavaScriptResource, Verification } from './Verification.js';
export type {
  Companion,
  CompanionCreative,
  Creative,
  CreativeBase,
  LinearCreative,
  NonLinear,
  NonLinearCreative,
  UniversalAdId,
  VideoClicks,
} from './Creative.js';
export type {
  AdSystem,
  Advertiser,
  Category,
  InlineAd,
  Pricing,
  Survey,
  VastAd,
  VastAdBase,
  ViewableImpression,
  WrapperAd,
} from './VastAd.js';
export type { VastWarning } from './VastWarning.js';
export type { VastDocument } from './VastDocument.js';
export type { ParseVastOptions } from './ParseVastOptions.js';
export { parseVast } from './parseVast.js';
