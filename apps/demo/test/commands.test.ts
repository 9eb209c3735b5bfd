import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_STEPS } from '@vast/player-headless';
import { startBundledAdServer, type BundledAdServer } from '../src/bundled-ad-server.js';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';
import { exampleInline, tempDir, type TempDir } from './helpers.js';

let bundled: BundledAdServer;
let dir: TempDir;

beforeAll(async () => {
  bundled = await startBundledAdServer();
  dir = await tempDir();
});

afterAll(async () => {
  await bundled.server.close();
  await dir.remove();
});

const run = async (...argv: string[]) => {
  const io = { ...captureIo(), env: { VAST_PLAYBACK_MODE: 'headless' } };
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

describe('vast (no command): the default run', () => {
  it('resolves the bundled 2-wrapper chain, plays it headless with seed 1, sends its beacons to its own server and prints the timeline and what the server received', async () => {
    const { code, stdout, stderr } = await run();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Chain: 3 hop(s), 2 wrapper(s) then the inline ad');
    expect(stdout).toContain('Timeline (HeadlessPlayer, seed 1, simulated clock):');
    expect(stdout).toMatch(/15\.000 s +complete +wrapper 1 +sent 204 +http:\/\/127\.0\.0\.1:\d+\/track\/network\/complete/u);
    expect(stdout).toContain('Session headless-1: completed at 15.000 s');
    expect(stdout).toContain('Documents (3):');
    // Seven once-only events on three levels reached the mock server.
    expect(stdout).toContain('Beacons (21), by event and level:');
    expect(stdout).toMatch(/midpoint +1 +1 +1\n/u);
  });
});

describe('vast resolve (alias fetch)', () => {
  it('resolves the chain with --allow-private-network and prints the hops and the merged ad', async () => {
    const { code, stdout } = await run('resolve', bundled.tag, '--allow-private-network');
    expect(code).toBe(0);
    expect(stdout).toContain('Chain: 3 hop(s), 2 wrapper(s) then the inline ad');
    expect(stdout).toContain('impressions:  3');
  });

  it('as fetch with --json, gives the chain and the ad as JSON', async () => {
    const { code, stdout } = await run('fetch', bundled.tag, '--allow-private-network', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { error: unknown; ads: { wrappers: number; chain: unknown[] }[] };
    expect(json.error).toBeNull();
    expect(json.ads[0]).toMatchObject({ wrappers: 2 });
    expect(json.ads[0]?.chain).toHaveLength(3);
  });

  it('without --allow-private-network the SSRF guard refuses loopback: one line with IAB 301 and a hint, exit 1', async () => {
    const { code, stderr } = await run('resolve', bundled.tag);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^vast: http:\S+: no ad: IAB 301: .*--allow-private-network[^\n]*\n$/u);
  });

  it('fires the Error pixels of a failed chain, and keeps them back with --no-beacons', async () => {
    bundled.server.route('/broken-wrapper.xml', exampleWrapperTo(bundled.server.url('/missing.xml'), bundled.server.url('/track/broken')));
    bundled.server.reset();
    const fired = await run('resolve', bundled.server.url('/broken-wrapper.xml'), '--allow-private-network');
    expect(fired.code).toBe(1);
    expect(fired.stdout).toMatch(/IAB 30\d +depth 0 +sent 204 +http:\/\/127\.0\.0\.1:\d+\/track\/broken\/error\?code=30\d/u);
    expect(bundled.server.received().filter((r) => r.path === '/track/broken/error')).toHaveLength(1);

    bundled.server.reset();
    const kept = await run('resolve', bundled.server.url('/broken-wrapper.xml'), '--allow-private-network', '--no-beacons', '--json');
    expect(kept.code).toBe(1);
    const json = JSON.parse(kept.stdout) as { error: { code: string; errorCode: number }; errorPixels: { outcome: string }[]; failures: { adId: string }[] };
    expect(json.error.code).toBe('VAST_ERROR');
    expect(json.error.errorCode).toBeGreaterThanOrEqual(300);
    expect(json.errorPixels).toEqual([expect.objectContaining({ depth: 0, outcome: 'recorded' })]);
    expect(json.failures).toEqual([expect.objectContaining({ adId: 'w' })]);
    expect(bundled.server.received().filter((r) => r.path.startsWith('/track/'))).toHaveLength(0);
  });

  it('falls back to the next stand-alone ad of a file, listing the failed one and the parse warnings', async () => {
    const file = await dir.write(
      'two.xml',
      `<VAST version="4.2"><Ad id="gone"><Wrapper><AdSystem>x</AdSystem><VASTAdTagURI>${bundled.server.url('/missing.xml')}</VASTAdTagURI><Impression>https://x.example/i</Impression></Wrapper></Ad>` +
        '<Ad><InLine><AdSystem>x</AdSystem><Impression>https://x.example/i2</Impression><Creatives><Creative><Linear><MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="1" height="1">https://x.example/a.mp4</MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>',
    );
    const { code, stdout } = await run('resolve', file, '--allow-private-network', '--no-beacons');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Ads that failed:\n {2}gone at depth 1: IAB 301: /u);
    expect(stdout).toMatch(/Warnings:\n(?: {2}\[parse\] depth 0: .*\n)+/u);
  });

  it('a directory is no VAST file: one line with the reason, exit 1', async () => {
    const { code, stderr } = await run('resolve', dir.path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^vast: cannot read \S+: EISDIR\n$/u);
  });

  it('resolves a VAST file, following nothing for an inline ad', async () => {
    const file = await dir.write('inline.xml', exampleInline());
    const { code, stdout } = await run('resolve', file);
    expect(code).toBe(0);
    expect(stdout).toContain('Chain: 0 hop(s), 0 wrapper(s) then the inline ad');
  });
});

function exampleWrapperTo(next: string, trackingBase: string): string {
  return `<VAST version="4.2"><Ad id="w"><Wrapper><AdSystem>t</AdSystem><VASTAdTagURI><![CDATA[${next}]]></VASTAdTagURI><Error><![CDATA[${trackingBase}/error?code=[ERRORCODE]]]></Error><Impression><![CDATA[${trackingBase}/impression]]></Impression></Wrapper></Ad></VAST>`;
}

describe('vast play', () => {
  it('plays headless (recording its beacons) and prints the timeline and a summary; the server sees no beacon', async () => {
    bundled.server.reset();
    const { code, stdout } = await run('play', bundled.tag, '--allow-private-network', '--mode', 'headless', '--seed', '1', '--interruptions', 'off');
    expect(code).toBe(0);
    expect(stdout).toContain('(headless: headless as the option asked)');
    expect(stdout).toMatch(/0\.000 s +impression +inline +recorded \(not sent\)/u);
    expect(stdout).toContain('completed at 15.000 s');
    expect(stdout).toContain('Beacons: 21 (21 recorded)');
    expect(bundled.server.received().filter((r) => r.path.startsWith('/track/'))).toHaveLength(0);
  });

  it('with --send-beacons, a headless playback sends each beacon once to the server', async () => {
    bundled.server.reset();
    const { code, stdout } = await run('play', bundled.tag, '--allow-private-network', '--seed', '1', '--interruptions', 'off', '--send-beacons');
    expect(code).toBe(0);
    expect(stdout).toContain('(headless: VAST_PLAYBACK_MODE=headless: headless)');
    expect(stdout).toContain('Beacons: 21 (21 sent)');
    expect(bundled.server.received().filter((r) => r.path.startsWith('/track/'))).toHaveLength(21);
  });

  it('--json prints the session JSON: the same seed gives the same bytes, the mode decision recorded', async () => {
    const first = await run('play', bundled.tag, '--allow-private-network', '--mode', 'headless', '--seed', '7', '--provider', 'tiger', '--json');
    const second = await run('play', bundled.tag, '--allow-private-network', '--mode', 'headless', '--seed', '7', '--provider', 'tiger', '--json');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const session = JSON.parse(first.stdout) as { provider: string; mode: string; config: { player: Record<string, unknown> } };
    expect(session).toMatchObject({ provider: 'tiger', mode: 'headless' });
    expect(session.config.player).toMatchObject({ selection: { mode: 'headless', requested: 'headless', source: 'option' }, beacons: 'recorded', seed: 7 });
  });

  it('plays in real time with --mode real, sending the beacons (a 1-second ad)', async () => {
    const file = await dir.write('one-second.xml', exampleInline({ durationSeconds: 1 }).replaceAll('https://track.example/t', bundled.server.url('/track/real')));
    bundled.server.reset();
    const { code, stdout, stderr } = await run('play', file, '--mode', 'real', '--allow-private-network');
    expect(stderr).toContain('Playing in real time (real as the option asked)');
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\.000 s +complete +inline +sent 204/u);
    expect(bundled.server.received().filter((r) => r.path === '/track/real/complete')).toHaveLength(1);
  });

  it('reports a failed playback (no playable media file) with its IAB code, exit 1', async () => {
    const file = await dir.write('no-media.xml', exampleInline().replace(/<MediaFiles>.*<\/MediaFiles>/u, '<MediaFiles></MediaFiles>'));
    const { code, stderr } = await run('play', file, '--mode', 'headless');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^vast: \S+no-media\.xml: playback failed: IAB \d{3}: [^\n]*\n$/u);
  });

  it('lists the interruptions the model drew (tiger, seed 3: a channel change)', async () => {
    const { code, stdout } = await run('play', bundled.tag, '--allow-private-network', '--mode', 'headless', '--seed', '3', '--provider', 'tiger', '--publisher', 'acme');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Interruptions: \w+ at \d+\.\d{3} s \((stopped|resumed|failed)\)/u);
  });

  it('a document without an ad is one line with IAB 303, exit 1', async () => {
    const file = await dir.write('empty.xml', '<VAST version="4.2"></VAST>');
    const { code, stderr } = await run('play', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^vast: \S+empty\.xml: no ad to play: IAB 303: [^\n]*\n$/u);
  });

  it('auto mode on a desktop with a display plays in real time; an unknown VAST_PLAYBACK_MODE is one line, exit 1', async () => {
    const file = await dir.write('short-real.xml', exampleInline({ durationSeconds: 1 }).replaceAll('https://track.example/t', bundled.server.url('/track/auto')));
    const io = { ...captureIo(), env: { DISPLAY: ':0' } };
    expect(await runCli(['play', file, '--allow-private-network', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ mode: 'real', config: { player: { selection: { requested: 'auto', reason: 'interactive' } } } });
    const bad = { ...captureIo(), env: { VAST_PLAYBACK_MODE: 'sideways' } };
    expect(await runCli(['play', file], bad)).toBe(1);
    expect(bad.stderr()).toMatch(/^vast: INVALID_PLAYBACK_ENVIRONMENT: [^\n]*\n$/u);
  });

  it('an unknown provider is one line naming the config path, exit 1', async () => {
    const { code, stderr, stdout } = await run('play', bundled.tag, '--provider', 'nosuch');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^vast: config error at provider \(provider "nosuch"\): [^\n]*\n$/u);
  });
});

describe('vast simulate', () => {
  it('prints the funnel and the interruptions by type, plain progress lines when not a terminal; the same seed gives the same numbers', async () => {
    const file = await dir.write('thirty.xml', exampleInline({ durationSeconds: 30 }));
    const first = await run('simulate', file, '--sessions', '2000', '--seed', '5', '--provider', 'tiger', '--json');
    const second = await run('simulate', file, '--sessions', '2000', '--seed', '5', '--provider', 'tiger', '--json');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stderr).toContain('2000/2000 sessions (100%)\n');
    const forecast = JSON.parse(first.stdout) as { sessions: number; funnel: Record<string, number>; interruptions: Record<string, number> };
    expect(forecast.sessions).toBe(2000);
    const steps = FUNNEL_STEPS.map((step) => forecast.funnel[step] ?? -1);
    expect(steps[0]).toBe(2000);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThanOrEqual(steps[i - 1] ?? 0);
    expect(Object.values(forecast.interruptions).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const text = await run('simulate', file, '--sessions', '2000', '--seed', '5', '--provider', 'tiger', '--report', `${dir.path}/funnel.html`);
    expect(text.stdout).toContain('Funnel of 2000 sessions (seed 5):');
    expect(text.stdout).toMatch(new RegExp(`complete +${forecast.funnel['complete']} `, 'u'));
    expect(text.stdout).toContain('Interruptions by type:');
    const html = await readFile(`${dir.path}/funnel.html`, 'utf8');
    expect(html).toContain(`data-step="complete" data-count="${forecast.funnel['complete']}"`);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/u);
  });

  it('simulates with a publisher\'s overrides and the config\'s seed; a source without an ad is IAB 303', async () => {
    const file = await dir.write('pub.xml', exampleInline({ durationSeconds: 20 }));
    const { code, stdout } = await run('simulate', file, '--sessions', '300', '--provider', 'tiger', '--publisher', 'acme', '--json');
    expect(code).toBe(0);
    const forecast = JSON.parse(stdout) as { seed: number; interruptions: Record<string, number> };
    expect(forecast.seed).toBe(0);
    // acme turns viewer pauses off.
    expect(forecast.interruptions['viewerPause'] ?? 0).toBe(0);
    const none = await run('simulate', await dir.write('none.xml', '<VAST version="4.2"></VAST>'), '--sessions', '3');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no ad to play: IAB 303/u);
  });

  it('with interruptions off every session completes; an unwritable report is one line, exit 1', async () => {
    const file = await dir.write('short.xml', exampleInline({ durationSeconds: 10 }));
    const off = await run('simulate', file, '--sessions', '50', '--interruptions', 'off');
    expect(off.stdout).toMatch(/complete +50 +100\.0%/u);
    expect(off.stdout).toContain('Interruptions by type: none');
    const bad = await run('simulate', file, '--sessions', '5', '--report', `${dir.path}/no/such/dir/r.html`);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/vast: cannot write \S+r\.html: ENOENT\n$/u);
  });

  it.each([['-5'], ['0'], ['1.5'], ['many']])('refuses --sessions %s with a usage error, exit 2', async (value) => {
    const { code, stderr } = await run('simulate', 'x.xml', '--sessions', value);
    expect(code).toBe(2);
    expect(stderr).toContain('--sessions must be a whole number of at least 1.');
  });
});
