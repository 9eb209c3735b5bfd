import { ConfigResolver, type PlaybackMode } from '@vast/config';
import { PlayerFactory } from '@vast/factory';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { DEMO_PUBLISHERS } from '../demo-publishers.js';
import { formatPlaybackSummary } from '../format-playback-summary.js';
import { formatTimeline } from '../format-timeline.js';
import { firstAd, openClient, resolveSource } from '../load-ad.js';

/** Options of `vast play`. */
export interface PlayCommandOptions {
  /** `real`, `headless` or `auto`. @defaultValue the config's `playback.mode` */
  readonly mode?: PlaybackMode;
  /** The provider profile (the command line's default is `global`). */
  readonly provider: string;
  /** A publisher id. */
  readonly publisher?: string;
  /** The seed of a headless playback. @defaultValue the config's `playback.seed` */
  readonly seed?: number;
  /** Whether the interruption model applies (headless; the command line's default is on). */
  readonly interruptions: boolean;
  /** Send the beacons of a headless playback (real playback always sends). */
  readonly sendBeacons?: boolean;
  /** Let the client and the beacons reach loopback and private addresses. */
  readonly allowPrivateNetwork?: boolean;
  /** Print the session JSON on stdout instead of the timeline. */
  readonly json?: boolean;
}

/**
 * `play <file|url>`: resolves the ad and plays it with the player `PlayerFactory` of
 * `@vast/factory` makes for the mode (an explicit `--mode` wins over the config's; auto asks the
 * environment), then prints the timeline (media time, event, level, outcome, beacon) and a
 * summary, or the session JSON (which records the decision under `config.player.selection`).
 * Headless playback records its beacons unless `--send-beacons` (which also sets the config's
 * `playback.headlessMaySendBeacons`); real playback sends them, through the client's SSRF-guarded
 * pool. Error pixels of a failed chain are sent only when the beacons are.
 *
 * @param source - the URL or file
 * @param options - see {@link PlayCommandOptions}
 * @param io - where to write
 * @returns 0 when the ad played (to its end or to an interruption)
 * @throws {@link CliError} with the IAB code when there is no ad or the playback failed;
 *   ConfigError for an unknown provider
 */
export async function playCommand(source: string, options: PlayCommandOptions, io: CliIo): Promise<number> {
  const provider = options.provider;
  const sendBeacons = options.sendBeacons === true;
  const configOptions = {
    provider,
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    overrides: { playback: { ...(options.seed === undefined ? {} : { seed: options.seed }), ...(sendBeacons ? { headlessMaySendBeacons: true } : {}) } },
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(io.env === undefined ? {} : { env: io.env }),
  };
  const factory = new PlayerFactory({ resolver: new ConfigResolver({ publishers: DEMO_PUBLISHERS }) });
  let decision;
  try {
    decision = factory.select(configOptions);
  } catch (error) {
    await factory.close();
    throw error;
  }
  const sends = decision.mode === 'real' || sendBeacons;
  const client = openClient({ allowPrivateNetwork: options.allowPrivateNetwork === true, sendErrorPixels: sends });
  // Beacons go through the client's guarded pool: the SSRF guard covers them too.
  const transport = client.createBeaconTransport();
  try {
    const resolution = await resolveSource(client, source, io.cwd);
    const ad = firstAd(resolution, source);
    const player = factory.create(ad, {
      ...configOptions,
      // A headless player records unless it is given a sending transport.
      ...(sends ? { transport } : {}),
      interruptions: options.interruptions,
    });
    if (decision.mode === 'real' && options.json !== true) {
      writeLines(io.err, [`Playing in real time (${decision.detail}): this takes the ad's duration.`]);
    }
    const result = await player.play();
    if (options.json === true) {
      writeLines(io.out, [result.session.toJSONText()]);
    } else {
      writeLines(io.out, [
        `Playing ${source} (${decision.mode}: ${decision.detail})`,
        '',
        ...formatTimeline(result.session.events, result.outcomes, ad.wrappers.length),
        '',
        ...formatPlaybackSummary(result, provider),
      ]);
    }
    const failure = result.session.failure;
    // A failure drawn by the interruption model is a result of the simulation, not a fault of the ad.
    const simulated = result.interruptions.some((i) => i.outcome === 'failed');
    if (failure !== null && !simulated) throw new CliError(`${source}: playback failed: IAB ${failure.code}: ${failure.message ?? 'no message'}`);
    return 0;
  } finally {
    await factory.close();
    await transport.close();
    await client.close();
  }
}
