/**
 * @packageDocumentation
 * IAB macros, beacon transports and exactly-once tracking of VAST events.
 */
export {};
