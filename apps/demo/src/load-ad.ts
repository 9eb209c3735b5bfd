import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { VastClient, type ResolvedAd, type VastResolution } from '@vast/client';
import { RecordingBeaconTransport } from '@vast/tracker';
import { CliError } from './cli-error.js';

/** Options of {@link openClient}. */
export interface OpenClientOptions {
  /**
   * Let the client (and the beacon transports it makes) reach loopback and private addresses,
   * which its SSRF guard refuses by default.
   * @defaultValue `false`
   */
  readonly allowPrivateNetwork?: boolean;
  /**
   * Fire the Error pixels of a failed chain (`true`), or only record them (`false`).
   * @defaultValue `false`
   */
  readonly sendErrorPixels?: boolean;
}

/**
 * A `VastClient` for the CLI: the SSRF guard on unless asked otherwise; Error pixels sent through
 * the client's own guarded transport, or recorded. Close it after use.
 *
 * @param options - private network and Error pixels
 * @returns the client
 */
export function openClient(options: OpenClientOptions = {}): VastClient {
  return new VastClient({
    allowPrivateNetwork: options.allowPrivateNetwork === true,
    ...(options.sendErrorPixels === true ? {} : { errorPixelTransport: new RecordingBeaconTransport() }),
  });
}

/**
 * Whether a command-line argument names a URL rather than a file.
 *
 * @param source - the argument
 * @returns `true` for `http://...` and `https://...`
 */
function isUrl(source: string): boolean {
  return /^https?:\/\//iu.test(source);
}

/**
 * Resolves an ad from a URL (fetched with the client, the wrapper chain followed) or from a VAST
 * file (parsed, its wrappers followed over the network).
 *
 * @param client - the client
 * @param source - a URL or a file path
 * @param cwd - the directory a relative path is read from
 * @returns the resolution, whether or not an ad came out of it
 * @throws {@link CliError} when the file cannot be read
 */
export async function resolveSource(client: VastClient, source: string, cwd?: string): Promise<VastResolution> {
  if (isUrl(source)) return client.get(source);
  return client.resolve(await readSource(source, cwd));
}

/**
 * Reads a file named on the command line.
 *
 * @param file - the path, relative to `cwd`
 * @param cwd - the directory of relative paths
 * @returns the bytes
 * @throws {@link CliError} saying why it cannot be read (e.g. `ENOENT`)
 */
export async function readSource(file: string, cwd?: string): Promise<Uint8Array> {
  try {
    return await readFile(cwd === undefined ? file : resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
}

/**
 * The first ad of a resolution, which the players play.
 *
 * @param resolution - what the client resolved
 * @param source - the URL or file, for the message
 * @returns the ad
 * @throws {@link CliError} with the IAB code when no ad came out
 */
export function firstAd(resolution: VastResolution, source: string): ResolvedAd {
  const ad = resolution.ads[0];
  if (ad !== undefined) return ad;
  const error = resolution.error;
  throw new CliError(`${source}: no ad to play: ${error === undefined ? 'IAB 303: no ad' : `IAB ${error.errorCode}: ${error.message.split('\n', 1)[0] ?? ''}`}`);
}

/**
 * Resolves the ad a command plays, with a client of its own that is closed before returning.
 *
 * @param source - a URL or a file path
 * @param options - the client's options and the directory of relative paths
 * @returns the resolved ad and the resolution
 * @throws {@link CliError} for an unreadable file or no ad (with the IAB code)
 */
export async function loadAd(
  source: string,
  options: OpenClientOptions & { readonly cwd?: string | undefined },
): Promise<{ readonly ad: ResolvedAd; readonly resolution: VastResolution }> {
  const client = openClient(options);
  try {
    const resolution = await resolveSource(client, source, options.cwd);
    return { ad: firstAd(resolution, source), resolution };
  } finally {
    await client.close();
  }
}
