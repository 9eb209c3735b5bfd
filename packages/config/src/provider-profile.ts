import type { ConfigOverrides } from './resolved-config.js';

/**
 * The names of the built-in provider profiles. `global` is the base every other profile is laid
 * over; `custom` is empty, for users to fill (register a profile named `custom` to replace it).
 */
export const BuiltInProvider = {
  /** The base: interruption rules, macro syntax and static macros every provider starts from. */
  GLOBAL: 'global',
  /** The Tiger ad network profile. */
  TIGER: 'tiger',
  /** The Leto ad network profile. */
  LETO: 'leto',
  /** The Yandex ad network profile. */
  YANDEX: 'yandex',
  /** The Google ad network profile. */
  GOOGLE: 'google',
  /** Empty, for users to fill. */
  CUSTOM: 'custom',
} as const;

/** One of the values of {@link BuiltInProvider}. */
export type BuiltInProvider = (typeof BuiltInProvider)[keyof typeof BuiltInProvider];

/**
 * A provider profile: the overrides one ad network's tags get on top of the `global` profile. The
 * `global` profile itself is laid over the schema defaults and forms level 1.
 *
 * @example
 * ```ts
 * const acmeAds: ProviderProfile = {
 *   name: 'acme-ads',
 *   description: 'Acme Ads: %%MACRO%% syntax, more channel changes.',
 *   config: {
 *     playback: { interruptions: { channelChange: { probability: 0.06 } } },
 *     tracker: { macroSyntaxes: ['percent'] },
 *   },
 * };
 * resolver.registerProfile(acmeAds);
 * ```
 */
export interface ProviderProfile {
  /** The provider name used in `resolve(provider, ...)`: letters, digits, `.`, `_`, `-`. */
  readonly name: string;
  /** One line on what the profile is for. */
  readonly description?: string;
  /** The overrides; validated when the profile is registered. */
  readonly config: ConfigOverrides;
}
