import { describe, expect, it } from 'vitest';
import { PACKAGE_NAMES } from '../src/packages.js';
import { USAGE_EXIT_CODE, runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';

describe('runCli: help and command-line mistakes', () => {
  it.each([['help'], ['--help'], ['-h'], ['fetch', '--help']])('%s prints the usage and the toolkit packages, exit 0', async (...argv) => {
    const io = captureIo();
    expect(await runCli(argv, io)).toBe(0);
    expect(io.stdout()).toContain('Usage: vast-demo [command] [options]');
    expect(io.stdout()).toContain('resolve-config <provider>');
    for (const name of PACKAGE_NAMES) expect(io.stdout()).toContain(`  ${name} `);
    expect(io.stderr()).toBe('');
  });

  it.each([
    [['bogus'], 'unknown command: bogus'],
    [['parse'], 'parse needs a file'],
    [['fetch'], 'fetch needs an ad tag URL'],
    [['resolve-config'], 'resolve-config needs a provider'],
    [['resolve-config', 'tiger', '--publisher'], 'option --publisher needs a value'],
    [['fetch', 'http://x.example', '--allow-privat'], 'unknown option --allow-privat'],
  ])('%j prints the problem and the usage on stderr, exit 2', async (argv, message) => {
    const io = captureIo();
    expect(await runCli(argv, io)).toBe(USAGE_EXIT_CODE);
    expect(io.stderr()).toContain(`vast-demo: ${message}\n`);
    expect(io.stderr()).toContain('Usage: vast-demo');
    expect(io.stdout()).toBe('');
  });
});
