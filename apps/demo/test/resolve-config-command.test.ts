import { ConfigResolver } from '@vast/config';
import { describe, expect, it } from 'vitest';
import { DEMO_PUBLISHERS } from '../src/demo-publishers.js';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';

describe('resolve-config <provider>', () => {
  it('prints the resolved config as JSON, publisher overrides applied', async () => {
    const io = captureIo();
    expect(await runCli(['resolve-config', 'tiger', '--publisher', 'acme'], io)).toBe(0);
    const printed = JSON.parse(io.stdout()) as unknown;
    expect(printed).toEqual(new ConfigResolver({ publishers: DEMO_PUBLISHERS }).resolve('tiger', 'acme'));
    expect(printed).toMatchObject({
      playback: { interruptions: { viewerPause: { enabled: false } } },
      tracker: { timeoutMs: 1000 },
    });
  });

  it('adds nothing for a publisher the resolver does not know', async () => {
    const withUnknown = captureIo();
    const without = captureIo();
    expect(await runCli(['resolve-config', 'leto', '--publisher=nobody'], withUnknown)).toBe(0);
    expect(await runCli(['resolve-config', 'leto'], without)).toBe(0);
    expect(withUnknown.stdout()).toBe(without.stdout());
  });

  it('with --explain, names the level that set each field', async () => {
    const io = captureIo();
    expect(await runCli(['resolve-config', 'tiger', '--publisher', 'acme', '--explain'], io)).toBe(0);
    const lines = io.stdout().trim().split('\n');
    expect(lines.find((line) => line.startsWith('playback.interruptions.viewerPause.enabled '))).toMatch(/false +<- publisher "acme"$/u);
    expect(lines.find((line) => line.startsWith('tracker.timeoutMs '))).toMatch(/1000 +<- publisher "acme"$/u);
    expect(lines.length).toBeGreaterThan(20);
  });

  it('with --explain --json, gives every field with its level as JSON', async () => {
    const io = captureIo();
    expect(await runCli(['resolve-config', 'tiger', '--publisher', 'acme', '--explain', '--json'], io)).toBe(0);
    const explanation = JSON.parse(io.stdout()) as { fields: Record<string, { value: unknown; source: string }> };
    expect(explanation.fields['tracker.timeoutMs']).toMatchObject({ value: 1000, source: 'publisher "acme"' });
  });

  it('prints one line naming the config path and exits 1 for an unknown provider', async () => {
    const io = captureIo();
    expect(await runCli(['resolve-config', 'nosuch'], io)).toBe(1);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^vast: config error at provider \(provider "nosuch"\): unknown provider[^\n]*\n$/u);
  });
});
