import type { PlaybackMode } from '@vast/config';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { choosePlaybackMode, createCliPlayer } from '../create-cli-player.js';
import { formatPlaybackSummary } from '../format-playback-summary.js';
import { formatTimeline } from '../format-timeline.js';
import { firstAd, openClient, resolveSource } from '../load-ad.js';
import { resolvePlaybackConfig } from '../playback-config.js';

/** Options of `vast play`. */
export interface PlayCommandOptions {
  /** `real`, `headless` or `auto`. @defaultValue the config's `playback.mode` */
  readonly mode?: PlaybackMode;
  /** The provider profile. @defaultValue `'global'` */
  readonly provider?: string;
  /** A publisher id. */
  readonly publisher?: string;
  /** The seed of a headless playback. @defaultValue the config's `playback.seed` */
  readonly seed?: number;
  /** Whether the interruption model applies (headless). @defaultValue `true` */
  readonly interruptions?: boolean;
  /** Send the beacons of a headless playback (real playback always sends). */
  readonly sendBeacons?: boolean;
  /** Let the client and the beacons reach loopback and private addresses. */
  readonly allowPrivateNetwork?: boolean;
  /** Print the session JSON on stdout instead of the timeline. */
  readonly json?: boolean;
}

/**
 * `play <file|url>`: resolves the ad and plays it with the player the mode asks for, then prints
 * the timeline (media time, event, level, outcome, beacon) and a summary, or the session JSON.
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
  const provider = options.provider ?? 'global';
  const sendBeacons = options.sendBeacons === true;
  const config = resolvePlaybackConfig(provider, options.publisher, {
    playback: { ...(options.seed === undefined ? {} : { seed: options.seed }), ...(sendBeacons ? { headlessMaySendBeacons: true } : {}) },
  });
  const decision = choosePlaybackMode(config, options.mode, io.env);
  const sends = decision.mode === 'real' || sendBeacons;
  const client = openClient({ allowPrivateNetwork: options.allowPrivateNetwork === true, sendErrorPixels: sends });
  const transport = client.createBeaconTransport();
  try {
    const resolution = await resolveSource(client, source, io.cwd);
    const ad = firstAd(resolution, source);
    const player = createCliPlayer({
      ad,
      config,
      decision,
      provider,
      sendingTransport: () => transport,
      headlessSends: sendBeacons,
      seed: options.seed,
      interruptions: options.interruptions,
    });
    if (decision.mode === 'real' && options.json !== true) {
      writeLines(io.err, [`Playing in real time (${decision.reason}): this takes the ad's duration.`]);
    }
    const result = await player.play();
    if (options.json === true) {
      writeLines(io.out, [result.session.toJSONText()]);
    } else {
      writeLines(io.out, [
        `Playing ${source} (${decision.mode}: ${decision.reason})`,
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
    await transport.close();
    await client.close();
  }
}
