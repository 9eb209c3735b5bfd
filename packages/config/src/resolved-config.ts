import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze.js';
import { ParserOptionsSchema } from './parser-options.js';
import { PlaybackSessionConfigSchema } from './playback-session-config.js';
import { TrackerOptionsSchema } from './tracker-options.js';

/**
 * The whole config of one ad playback: playback session, tracker and parser options. This is
 * what {@link ConfigResolver.resolve} returns (deep-frozen).
 */
export const ResolvedConfigSchema = z.strictObject({
  /** The playback session config. */
  playback: PlaybackSessionConfigSchema.default(() => PlaybackSessionConfigSchema.parse({})),
  /** The tracker options. */
  tracker: TrackerOptionsSchema.default(() => TrackerOptionsSchema.parse({})),
  /** The parser options. */
  parser: ParserOptionsSchema.default(() => ParserOptionsSchema.parse({})),
});

/** A resolved config; see {@link ResolvedConfigSchema}. */
export type ResolvedConfig = DeepReadonly<z.output<typeof ResolvedConfigSchema>>;

/**
 * A value where every object field is optional, all the way down; arrays (and tuples) stay whole
 * because a lower level replaces them. Read-only values (such as `as const` objects) are accepted.
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? Readonly<T>
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * Overrides for one config level (a provider profile, a publisher, or a request): any part of a
 * {@link ResolvedConfig}, written as input (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const overrides: ConfigOverrides = {
 *   playback: { interruptions: { viewerExit: { probability: 0.1 }, deviceSleep: { enabled: false } } },
 *   tracker: { staticMacros: { APPNAME: 'my-app' } },
 * };
 * ```
 */
export type ConfigOverrides = DeepPartial<z.input<typeof ResolvedConfigSchema>>;
