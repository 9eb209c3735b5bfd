/**
 * @packageDocumentation
 * Playback config schemas, provider profiles and the four-level config resolver.
 */
export {};
