import { ConfigResolver, InterruptionType, type ConfigOverrides, type InterruptionRuleInput, type ResolvedConfig } from '@vast/config';
import { parseVast, type InlineAd, type WrapperAd } from '@vast/parser';
import { inlineVast, wrapperVast, type InlineVastOptions } from '@vast/testkit';

/** Where the fixtures' tracking URLs point (never called: the default transport records). */
const TRACK = 'https://track.example/inline';
const WRAPPER_TRACK = 'https://track.example/wrapper';

const resolver = new ConfigResolver();

/** The one ad of a VAST document, parsed. */
function onlyAd(xml: string): InlineAd | WrapperAd {
  const [ad] = parseVast(xml).ads;
  if (ad === undefined) throw new Error('the fixture has no ad');
  return ad;
}

/** A parsed inline ad of the testkit builder (30 s, one MP4 unless told otherwise). */
export function inlineAd(options: Partial<InlineVastOptions> = {}): InlineAd {
  const ad = onlyAd(inlineVast({ trackingBase: TRACK, ...options }));
  if (ad.type !== 'inline') throw new Error('expected an inline ad');
  return ad;
}

/** A parsed wrapper ad of the testkit builder. */
export function wrapperAd(trackingBase = WRAPPER_TRACK): WrapperAd {
  const ad = onlyAd(wrapperVast({ adTagUri: 'https://ads.example/inline.xml', trackingBase }));
  if (ad.type !== 'wrapper') throw new Error('expected a wrapper ad');
  return ad;
}

/** Every interruption rule of the global profile switched off. */
const ALL_OFF = Object.fromEntries(Object.values(InterruptionType).map((type) => [type, { enabled: false }]));

/**
 * A config of the global profile whose only interruption rules are `rules` (the others off), with
 * further playback overrides.
 */
export function configWith(
  rules: Partial<Record<InterruptionType, InterruptionRuleInput>> = {},
  playback: NonNullable<ConfigOverrides['playback']> = {},
): ResolvedConfig {
  return resolver.resolve('global', undefined, {
    playback: { ...playback, interruptions: { ...ALL_OFF, ...Object.fromEntries(Object.entries(rules).map(([t, r]) => [t, { enabled: true, ...r }])) } },
  });
}

/** A config of a built-in profile with playback overrides. */
export function profileConfig(provider: string, overrides: ConfigOverrides = {}): ResolvedConfig {
  return resolver.resolve(provider, undefined, overrides);
}
