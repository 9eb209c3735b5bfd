import { isFetchError, type VastResolution } from '@vast/client';
import type { VastError } from '@vast/parser';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { formatResolution } from '../format-resolution.js';
import { openClient, resolveSource } from '../load-ad.js';

/** Options of `vast resolve`. */
export interface ResolveCommandOptions {
  /** Print the resolution as JSON. */
  readonly json?: boolean;
  /** `false` (`--no-beacons`): record the Error pixels of a failed chain instead of firing them. */
  readonly beacons?: boolean;
  /** Let the client reach loopback and private addresses. */
  readonly allowPrivateNetwork?: boolean;
}

/**
 * The resolution as plain JSON: errors as `{ code, message }`, without the parsed document.
 *
 * @param source - the URL or file resolved
 * @param result - what the client returned
 * @returns a JSON-ready object
 */
function resolutionJson(source: string, result: VastResolution): unknown {
  const error = (e: VastError) => ({ code: e.code, errorCode: e.errorCode, message: e.message });
  return {
    source,
    durationMs: result.durationMs,
    error: result.error === undefined ? null : error(result.error),
    ads: result.ads.map((ad) => ({ chain: ad.chain, wrappers: ad.wrappers.length, ad: ad.ad })),
    failures: result.failures.map((f) => ({ adId: f.adId ?? null, depth: f.depth, error: error(f.error) })),
    errorPixels: result.errorPixels.map((p) => ({ code: p.code, depth: p.depth, url: p.url, outcome: p.outcome.kind })),
    warnings: result.warnings,
  };
}

/**
 * `resolve <url|file>` (alias `fetch`): resolves an ad tag (or a VAST file, following its
 * wrappers) with `VastClient` and prints the chain and the merged ad. A failed chain fires its
 * Error pixels, as a real player's client does; `--no-beacons` records them instead. Loopback and
 * private addresses are refused unless `--allow-private-network`.
 *
 * @param source - the URL or file
 * @param options - `json`, `beacons`, `allowPrivateNetwork`
 * @param io - where to write
 * @returns 0 when an ad resolved
 * @throws {@link CliError} with the IAB code when none did, or when the file cannot be read
 */
export async function resolveCommand(source: string, options: ResolveCommandOptions, io: CliIo): Promise<number> {
  const client = openClient({ allowPrivateNetwork: options.allowPrivateNetwork === true, sendErrorPixels: options.beacons !== false });
  let result: VastResolution;
  try {
    result = await resolveSource(client, source, io.cwd);
    await result.pendingErrorPixels;
  } finally {
    await client.close();
  }
  if (options.json === true) {
    writeLines(io.out, [JSON.stringify(resolutionJson(source, result), null, 2)]);
  } else {
    const lines = [`Resolved ${source} in ${result.durationMs.toFixed(1)} ms`, '', ...formatResolution(result)];
    // The report goes to stdout even when no ad came out; stderr gets the one error line.
    writeLines(io.out, lines);
  }
  const error = result.error;
  if (result.ads.length > 0) return 0;
  const blocked = result.failures.some((f) => isFetchError(f.error.cause) && f.error.cause.code === 'FETCH_BLOCKED');
  const hint = blocked ? ' (the SSRF guard refused an internal address: pass --allow-private-network if you trust this ad server)' : '';
  throw new CliError(`${source}: no ad: IAB ${error?.errorCode ?? 303}: ${error?.message.split('\n', 1)[0] ?? 'no ad'}${hint}`);
}
