import { createRequire } from 'node:module';

/** One workspace package as the demo lists it. */
export interface PackageInfo {
  /** The npm name, e.g. `@vast/parser`. */
  readonly name: string;
  /** The package's own one-line description from its manifest. */
  readonly description: string;
}

/** The packages of the toolkit, lowest layer first (the order of ARCHITECTURE.md). */
export const PACKAGE_NAMES = [
  '@vast/error-codes',
  '@vast/time',
  '@vast/config',
  '@vast/parser',
  '@vast/session',
  '@vast/tracker',
  '@vast/client',
  '@vast/testkit',
  '@vast/session-redis',
  '@vast/beacon-queue',
  '@vast/player-core',
  '@vast/player-realtime',
  '@vast/player-headless',
  '@vast/factory',
] as const;

/**
 * Reads each package's manifest through its `./package.json` export, so the list shows what is
 * really installed rather than a copy kept here.
 */
export function listPackages(): PackageInfo[] {
  const require = createRequire(import.meta.url);
  return PACKAGE_NAMES.map((name) => {
    const manifest = require(`${name}/package.json`) as { description?: string };
    return { name, description: String(manifest.description) };
  });
}
