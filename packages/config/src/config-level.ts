/**
 * The four levels a resolved config is built from, highest first; a lower level overrides a
 * higher one: `global` (schema defaults plus the `global` profile), `provider` (the provider's
 * profile), `publisher` (overrides registered for a publisher id), `request` (overrides passed to
 * one `resolve` call).
 */
export const ConfigLevel = {
  /** Schema defaults plus the `global` profile. */
  GLOBAL: 'global',
  /** The provider profile. */
  PROVIDER: 'provider',
  /** Overrides registered for one publisher id. */
  PUBLISHER: 'publisher',
  /** Overrides passed to one resolve call. */
  REQUEST: 'request',
} as const;

/** One of the values of {@link ConfigLevel}. */
export type ConfigLevel = (typeof ConfigLevel)[keyof typeof ConfigLevel];
