/**
 * @packageDocumentation
 * IAB macros, beacon transports and exactly-once tracking of VAST events.
 */
export { IAB_MACROS, getMacroDefinition, isIabMacro } from './iab-macros.js';
export type { MacroCategory, MacroContextKind, MacroDefinition, MacroSupport } from './iab-macros.js';
export { encodeMacroValue } from './encode-macro-value.js';
export type { MacroScalar, MacroValue } from './encode-macro-value.js';
export { formatTimecode, formatTimestamp } from './format-timecode.js';
export { createSystemRandom } from './random-source.js';
export type { RandomSource } from './random-source.js';
export { mergeMacroContexts } from './macro-context.js';
export type { MacroContext } from './macro-context.js';
export type { MacroSlot, MacroTemplate } from './macro-template.js';
export type { MacroSyntaxName } from './macro-syntax-name.js';
export { MacroExpander } from './macro-expander.js';
export { EncodedMacroValues } from './encoded-macro-values.js';
export type { MacroExpanderOptions } from './macro-expander.js';
export type { ProgressOffset, TrackingLevel, TrackingSet, TrackingUrl } from './tracking-set.js';
export type { TrackableAd, TrackableCreative } from './trackable-ad.js';
export { macroValuesFromAd, trackingLevelFromAd, trackingSetFromAds } from './tracking-set-from-ads.js';
export type { Beacon, BeaconRequestContext } from './beacon.js';
export { checkBeaconUrl } from './beacon-outcome.js';
export type { BeaconDropReason, BeaconFailureReason, BeaconOutcome, BeaconOutcomeListener } from './beacon-outcome.js';
export type { BeaconTransport } from './beacon-transport.js';
export { HttpBeaconTransport } from './http-beacon-transport.js';
export type { HttpBeaconTransportOptions } from './http-beacon-transport.js';
export { RecordingBeaconTransport } from './recording-beacon-transport.js';
export { NullBeaconTransport } from './null-beacon-transport.js';
export { Tracker, onceKeyOf } from './tracker.js';
export { TrackerError, isTrackerError } from './tracker-error.js';
export type { TrackerErrorCode } from './tracker-error.js';
export type { PlaybackMark, ToggleState, TrackerSessionOptions, TrackerState } from './tracker.js';
export { progressOffsetsOf } from './progress-offsets-of.js';
