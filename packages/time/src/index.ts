/**
 * @packageDocumentation
 * Injected clocks: realtime, simulated and auto-detected time providers.
 */
export {};
