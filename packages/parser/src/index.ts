/**
 * @packageDocumentation
 * VAST 2.0 to 4.3 XML parser into a typed, immutable model with IAB error codes.
 */
export { VastError, isVastError } from './vast-error.js';
export type { VastErrorOptions } from './vast-error.js';
// The IAB code registry lives in @vast/error-codes; re-exported so parser users keep one import.
export { VastErrorCode, isVastErrorCode } from '@vast/error-codes';
export { ParserError, isParserError } from './parser-error.js';
export type { ParserErrorCode } from './parser-error.js';
export { TrackingEventName } from './tracking-event.js';
export type { TrackingEvent } from './tracking-event.js';
export type { Offset } from './offset.js';
export type { UrlWithId } from './url-with-id.js';
export type { Resource } from './resource.js';
export type {
  AdParameters,
  ClosedCaptionFile,
  InteractiveCreativeFile,
  MediaFile,
  Mezzanine,
} from './media-file.js';
export type { Icon, IconClickFallbackImage } from './icon.js';
export type { XmlElement } from './xml-element.js';
export type { Extension } from './extension.js';
export type { ExecutableResource, JavaScriptResource, Verification } from './verification.js';
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
} from './creative.js';
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
} from './vast-ad.js';
export type { VastWarning } from './vast-warning.js';
export type { VastDocument } from './vast-document.js';
export type { ParseVastOptions } from './parse-vast-options.js';
export { parseVast } from './parse-vast.js';
