import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineVast } from '@vast/testkit';

/** A temporary folder for files a test writes (VAST files, session JSON, reports). */
export interface TempDir {
  /** The folder. */
  readonly path: string;
  /** Writes a file there and returns its absolute path. */
  write(name: string, text: string): Promise<string>;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/** @returns a fresh temporary folder */
export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'vast-cli-'));
  return {
    path,
    async write(name, text) {
      const file = join(path, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/**
 * An inline ad whose tracking goes to `.example` hosts (never resolved): safe to play in tests
 * that only record beacons.
 */
export const exampleInline = (options: { durationSeconds?: number; progressOffsets?: string[] } = {}): string =>
  inlineVast({ trackingBase: 'https://track.example/t', adId: 'file-ad', ...options });
