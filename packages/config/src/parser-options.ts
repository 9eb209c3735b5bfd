import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze.js';

/**
 * How `@vast/parser` reads a VAST document. Every field has a default.
 */
export const ParserOptionsSchema = z.strictObject({
  /**
   * Reject documents that break the VAST schema (missing required elements, bad values) instead
   * of keeping what can be used.
   * @defaultValue false
   */
  strict: z.boolean().default(false),
  /**
   * The largest document accepted, in bytes (1 to 64 MiB).
   * @defaultValue 1048576 (1 MiB)
   */
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  /**
   * The deepest XML element nesting accepted.
   * @defaultValue 64
   */
  maxDepth: z.number().int().min(1).max(1024).default(64),
  /**
   * The most `<Ad>` elements read from one document (the rest are ignored).
   * @defaultValue 32
   */
  maxAds: z.number().int().min(1).max(1000).default(32),
});

/** Validated parser options (defaults filled in). */
export type ParserOptions = DeepReadonly<z.output<typeof ParserOptionsSchema>>;

/** Parser options as a user writes them (fields with defaults may be left out). */
export type ParserOptionsInput = z.input<typeof ParserOptionsSchema>;
