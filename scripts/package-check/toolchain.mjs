// The TypeScript compilers and Node binaries every consumer is checked with, installed once per run
// into one temporary folder and shared by every package.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The oldest TypeScript the packages support (each README's "Requirements" line) and the current one. */
export const TYPESCRIPT_VERSIONS = ['5.6.3', '6.0.3'];
/** The engines floor and the current LTS line. */
export const NODE_VERSIONS = ['20.19.0', '24'];

const quiet = { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' };

/**
 * Installs each TypeScript version under `dir` and resolves each Node version to its binary (from
 * the registry's `node` package, through the npx cache), so that consumers run them directly.
 *
 * @param {string} dir - a temporary folder
 * @returns {{ tsc: Map<string, string>, node: Map<string, string> }} version to the tsc script / the node binary
 */
export function prepareToolchain(dir) {
  const tsc = new Map();
  for (const version of TYPESCRIPT_VERSIONS) {
    const prefix = join(dir, `typescript-${version}`);
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `typescript@${version}`], quiet);
    tsc.set(version, join(prefix, 'node_modules', 'typescript', 'bin', 'tsc'));
  }
  const node = new Map();
  for (const version of NODE_VERSIONS) {
    const path = execFileSync('npx', ['-y', '-p', `node@${version}`, '--', 'node', '-p', 'process.execPath'], quiet).trim();
    node.set(version, path);
  }
  return { tsc, node };
}
