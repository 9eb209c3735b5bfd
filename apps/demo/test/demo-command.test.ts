import { describe, expect, it } from 'vitest';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';

describe('the default run (no arguments)', () => {
  it('resolves the 3-wrapper chain from its own mock server, prints it, records the first beacons and exits 0', async () => {
    const io = captureIo();
    const code = await runCli([], io);
    const text = io.stdout();
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);

    const origin = /on (http:\/\/127\.0\.0\.1:\d+)\n/u.exec(text)?.[1];
    expect(origin).toBeDefined();

    // One row per hop: depth, status 200, bytes, time, then the URL of that document.
    const hops = text
      .split('\n')
      .map((line) => /^ {2}(\d)\s+(\d{3})\s+(\d+) B\s+[\d.]+ ms\s+(\S+)$/u.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ depth: match[1], status: match[2], bytes: Number(match[3]), url: match[4] }));
    expect(hops.map((h) => [h.depth, h.status, h.url])).toEqual([
      ['0', '200', `${origin}/vast/network.xml`],
      ['1', '200', `${origin}/vast/exchange.xml`],
      ['2', '200', `${origin}/vast/dsp.xml`],
      ['3', '200', `${origin}/vast/inline.xml`],
    ]);
    expect(hops.every((h) => h.bytes > 300)).toBe(true);

    // The merged ad counts the tracking of all four levels.
    expect(text).toContain('id:           demo-inline-ad');
    expect(text).toContain('duration:     15 s');
    expect(text).toContain('media files:  3');
    expect(text).toContain('impressions:  4');
    expect(text).toMatch(/start {10}4\n/u);
    expect(text).toMatch(/firstQuartile {2}2\n/u);
    expect(text).toMatch(/complete {7}3\n/u);

    // Impression and start on every level, all recorded, none sent; macros expanded.
    const beacons = text.split('\n').filter((line) => /^ {2}(impression|start) /u.test(line));
    expect(beacons).toHaveLength(8);
    expect(beacons.every((line) => line.includes('recorded (not sent)'))).toBe(true);
    expect(beacons.filter((line) => line.startsWith('  impression'))).toHaveLength(4);
    expect(text).toMatch(/impression +depth 3 inline +recorded \(not sent\) +https:\/\/advertiser\.example\/impression\?ts=\d{4}-/u);
    expect(text).toMatch(/impression +depth 0 wrapper +recorded \(not sent\) +https:\/\/network\.example\/impression\?cb=\d+/u);
    expect(text).not.toContain('[CACHEBUSTING]');

    // The mock server is closed when the run returns.
    await expect(fetch(`${origin}/vast/network.xml`)).rejects.toThrow();
  });
});
