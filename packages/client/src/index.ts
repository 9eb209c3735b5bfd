/**
 * @packageDocumentation
 * VastClient: fetches and resolves VAST wrapper chains safely on a server.
 */
export { VastClient } from './vast-client.js';
export type { VastClientOptions, VastRequestOptions } from './vast-client-options.js';
export type {
  AdFailure,
  ChainHop,
  ErrorPixel,
  ResolutionWarning,
  ResolvedAd,
  VastResolution,
} from './vast-resolution.js';
export type { VastClientEventMap, VastClientEventName, VastClientListener } from './vast-client-events.js';
export { mergeWrapperTracking } from './merge-wrapper-tracking.js';
export { VastClientConfigError, isVastClientConfigError } from './client-config-error.js';
export { FetchError, isFetchError } from './fetch-error.js';
export type { FetchErrorCode, FetchErrorKind } from './fetch-error.js';
export { SsrfBlockedError, isSsrfBlockedError } from './ssrf-blocked-error.js';
export { SsrfGuard } from './ssrf-guard.js';
export type { SsrfGuardOptions, SsrfVerdict } from './ssrf-guard.js';
export { classifyAddress } from './classify-address.js';
export type { AddressClass } from './classify-address.js';
export type { DnsLookup } from './guarded-connector.js';
export { createGuardedDispatcher } from './guarded-dispatcher.js';
export type { GuardedDispatcherOptions } from './guarded-dispatcher.js';
