import { ConfigResolver, type ConfigOverrides, type ResolvedConfig } from '@vast/config';
import { DEMO_PUBLISHERS } from './demo-publishers.js';

/**
 * The config a command plays with: a provider profile, the demo's publisher overrides (see
 * `DEMO_PUBLISHERS`), and the command line's own overrides.
 *
 * @param provider - a provider profile name (`global`, `tiger`, ...)
 * @param publisher - a publisher id, or `undefined`
 * @param overrides - what the command line asks (seed, mode, headlessMaySendBeacons)
 * @returns the resolved config
 * @throws ConfigError (naming the config path) for an unknown provider or a bad value
 */
export function resolvePlaybackConfig(provider: string, publisher: string | undefined, overrides?: ConfigOverrides): ResolvedConfig {
  return new ConfigResolver({ publishers: DEMO_PUBLISHERS }).resolve(provider, publisher, overrides);
}
