import { FetchError, VastClient, type VastResolution } from '@vast/client';
import { RecordingBeaconTransport } from '@vast/tracker';
import { writeLines, type CliIo } from '../cli-io.js';
import { formatResolution } from '../format-resolution.js';
import type { ParsedArgs } from '../parse-args.js';
import { UsageError } from '../parse-args.js';

/**
 * `fetch <url> [--allow-private]`: resolves a real ad tag with `VastClient` and prints the chain
 * and the merged ad. Fires no beacon: Error pixels of a failed chain are only recorded and listed.
 * `--allow-private` lets the client reach loopback and private addresses (an ad server on your
 * own machine or network), which its SSRF guard refuses by default.
 *
 * @param args - the parsed command line (`positionals[0]` is the URL)
 * @param io - where to write
 * @returns 0 when an ad resolved, 1 otherwise
 * @throws UsageError when the URL is missing
 */
export async function fetchCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const url = args.positionals[0];
  if (url === undefined) throw new UsageError('fetch needs an ad tag URL');
  const client = new VastClient({
    allowPrivateNetwork: args.flags.has('allow-private'),
    errorPixelTransport: new RecordingBeaconTransport(),
  });
  let result: VastResolution;
  try {
    result = await client.get(url);
  } finally {
    await client.close();
  }
  const lines = [`Resolved ${url} in ${result.durationMs.toFixed(1)} ms`, '', ...formatResolution(result)];
  if (result.ads.length > 0) {
    writeLines(io.out, lines);
    return 0;
  }
  if (result.failures.some((f) => f.error.cause instanceof FetchError && f.error.cause.kind === 'blocked')) {
    lines.push('', 'Hint: the SSRF guard refused an internal address; pass --allow-private if you trust this ad server.');
  }
  writeLines(io.err, lines);
  return 1;
}
