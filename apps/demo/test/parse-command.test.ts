import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe('parse <file>', () => {
  it('summarises each ad of a valid document: inline ads in detail, wrappers with their next URL', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('two-ads.xml')], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('two-ads.xml: VAST 4.1, 2 ad(s), 0 warning(s)');
    expect(text).toContain('Ad 1 of 2: inline, sequence 1');
    expect(text).toContain('duration:     30 s');
    expect(text).toContain('media files:  2');
    expect(text).toContain('impressions:  2');
    expect(text).toMatch(/complete {2}2\n/u);
    expect(text).toContain('Ad 2 of 2: wrapper, sequence 2');
    expect(text).toContain('next:         https://fixture.example/next.xml');
    expect(io.stderr()).toBe('');
  });

  it('lists the warnings of lenient parsing with their IAB code and element path', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('missing-duration.xml')], io)).toBe(0);
    expect(io.stdout()).toContain('VAST 3.0, 1 ad(s), 1 warning(s)');
    expect(io.stdout()).toContain('duration:     unknown');
    expect(io.stdout()).toContain('tracking:     none');
    expect(io.stdout()).toMatch(/IAB 101 at VAST\/Ad\[0\]\/InLine\/Creatives\/Creative\[0\]\/Linear: .*Duration/u);
  });

  it('parses a document without a version leniently, and an ad without an id', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('no-version.xml')], io)).toBe(0);
    expect(io.stdout()).toContain('VAST (no version), 1 ad(s), 2 warning(s)');
    expect(io.stdout()).toContain('id:           (none)');
    expect(io.stdout()).toContain('IAB 101 at VAST: ');
  });

  it('says when a document has no ads', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('no-ads.xml')], io)).toBe(0);
    expect(io.stdout()).toContain('0 ad(s)');
    expect(io.stdout()).toContain('no ads (a no-ad response');
  });

  it('prints the VastError code and message of a broken document and exits 1', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('broken.xml')], io)).toBe(1);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^vast: .*broken\.xml: not valid VAST: IAB 100: .*well-formed[^\n]*\n$/u);
  });

  it('prints the whole model as JSON with --json', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('two-ads.xml'), '--json'], io)).toBe(0);
    const model = JSON.parse(io.stdout()) as { version: string; ads: { type: string }[] };
    expect(model.version).toBe('4.1');
    expect(model.ads.map((ad) => ad.type)).toEqual(['inline', 'wrapper']);
  });

  it('reads a relative file from the directory the user typed the command in', async () => {
    const io = { ...captureIo(), cwd: fileURLToPath(new URL('fixtures/', import.meta.url)) };
    expect(await runCli(['parse', 'two-ads.xml'], io)).toBe(0);
    expect(io.stdout()).toContain('two-ads.xml: VAST 4.1, 2 ad(s)');
  });

  it('exits 1 with the reason when the file cannot be read', async () => {
    const io = captureIo();
    expect(await runCli(['parse', fixture('does-not-exist.xml')], io)).toBe(1);
    expect(io.stderr()).toMatch(/^vast: cannot read .*does-not-exist\.xml: no such file\n$/u);
  });
});
