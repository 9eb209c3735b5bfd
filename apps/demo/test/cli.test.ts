import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the bin entry as `pnpm demo` does (tsx, sources through the `@vast/source` condition). */
function runBin(...argv: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@vast/source', 'src/cli.ts', ...argv], {
    cwd: appDir,
    encoding: 'utf8',
  });
}

describe('the vast-demo bin', () => {
  it('writes help to stdout and sets exit code 0', () => {
    const run = runBin('help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: vast-demo');
  });

  it('writes the problem to stderr and sets exit code 2 for an unknown command', () => {
    const run = runBin('frobnicate');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('vast-demo: unknown command: frobnicate');
  });
});
