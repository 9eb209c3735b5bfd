import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { forecastFunnel } from '@vast/player-headless';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { formatForecast } from '../format-forecast.js';
import { funnelReportHtml } from '../funnel-report.js';
import { loadAd } from '../load-ad.js';
import { resolvePlaybackConfig } from '../playback-config.js';
import { createProgressReporter } from '../progress-reporter.js';

/** Options of `vast simulate`. */
export interface SimulateCommandOptions {
  /** How many sessions to play (a positive integer). */
  readonly sessions: number;
  /** The provider profile whose interruption model applies (the command line's default is `global`). */
  readonly provider: string;
  /** A publisher id. */
  readonly publisher?: string;
  /** The seed of the run. @defaultValue the config's `playback.seed` */
  readonly seed?: number;
  /** Whether the interruption model applies (the command line's default is on). */
  readonly interruptions: boolean;
  /** Where to write the HTML report. */
  readonly report?: string;
  /** Let the client reach loopback and private addresses. */
  readonly allowPrivateNetwork?: boolean;
  /** Print the forecast as JSON. */
  readonly json?: boolean;
}

/**
 * `simulate <file|url> --sessions N`: resolves the ad (Error pixels recorded, not fired: a
 * simulation sends nothing), then runs `forecastFunnel` of `@vast/player-headless` under the
 * provider's interruption model, with a progress bar on a terminal (plain lines otherwise) on
 * stderr. Prints the funnel and the interruptions by type (or the forecast as JSON), and with
 * `--report` writes one self-contained HTML page. The same seed gives the same numbers.
 *
 * @param source - the URL or file
 * @param options - see {@link SimulateCommandOptions}
 * @param io - where to write
 * @returns 0
 * @throws {@link CliError} for no ad or an unwritable report; ConfigError for an unknown provider
 */
export async function simulateCommand(source: string, options: SimulateCommandOptions, io: CliIo): Promise<number> {
  const provider = options.provider;
  const config = resolvePlaybackConfig(provider, options.publisher);
  const { ad } = await loadAd(source, { allowPrivateNetwork: options.allowPrivateNetwork === true, cwd: io.cwd });
  const progress = createProgressReporter(io.err, 'sessions');
  let forecast;
  try {
    forecast = await forecastFunnel({
      ad,
      config,
      provider,
      sessions: options.sessions,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      interruptions: options.interruptions,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
  }
  if (options.report !== undefined) {
    const path = io.cwd === undefined ? options.report : resolve(io.cwd, options.report);
    try {
      await writeFile(path, funnelReportHtml(forecast, { source, provider, publisher: options.publisher }));
    } catch (error) {
      throw new CliError(`cannot write ${options.report}: ${(error as NodeJS.ErrnoException).code ?? 'EIO'}`);
    }
  }
  if (options.json === true) {
    writeLines(io.out, [JSON.stringify({ source, provider, ...forecast }, null, 2)]);
  } else {
    writeLines(io.out, [...formatForecast(forecast), ...(options.report === undefined ? [] : ['', `Report: ${options.report}`])]);
  }
  return 0;
}
