import { listPackages } from './packages.js';

/** Where the demo writes; `process.stdout` in the CLI, a buffer in tests. */
export interface DemoOutput {
  write(text: string): unknown;
}

/**
 * Runs the demo CLI with the given arguments and returns its exit code.
 * Until the players land, the default run lists the toolkit's packages and what each does.
 */
export function runDemo(_args: readonly string[], out: DemoOutput): number {
  const packages = listPackages();
  const width = Math.max(...packages.map((p) => p.name.length));
  out.write('@vast: VAST playback and tracking for CTV middleware.\n\n');
  for (const pkg of packages) {
    out.write(`  ${pkg.name.padEnd(width)}  ${pkg.description}\n`);
  }
  return 0;
}
