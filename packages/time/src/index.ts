/**
 * @packageDocumentation
 * Injected clocks: realtime, simulated and auto-detected time providers.
 */
export type { TimeProvider, TimeProviderKind } from './time-provider.js';
