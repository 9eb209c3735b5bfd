import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledAdServer, type BundledAdServer } from '../src/bundled-ad-server.js';
import { exampleInline, tempDir, type TempDir } from './helpers.js';
import { runCliProcess, startCli } from './spawn-cli.js';

// The CLI as a user runs it: a separate node process through tsx, as `pnpm demo` does. Each
// command once, with the exit code, stdout and stderr a user sees; bad input never shows a stack.

let bundled: BundledAdServer;
let dir: TempDir;
let closedPort: number;

beforeAll(async () => {
  bundled = await startBundledAdServer();
  dir = await tempDir();
  // A loopback port with nothing listening: take a free one, then close it.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  await bundled.server.close();
  await dir.remove();
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /u);

describe('the vast bin, spawned', () => {
  it('with no arguments runs the self-contained demo and exits 0', async () => {
    const run = await runCliProcess([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Session headless-1: completed at 15.000 s');
    expect(run.stdout).toContain('Beacons (21), by event and level:');
  });

  it('parse: a relative file from the working directory, exit 0; invalid XML and a missing file, one line and exit 1', async () => {
    const good = await dir.write('good.xml', exampleInline());
    await dir.write('bad.xml', '<VAST version="4.2"><Ad><InLine></Ad></VAST>');
    const ok = await runCliProcess(['parse', 'good.xml'], { cwd: dir.path });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('good.xml: VAST 4.2, 1 ad(s)');
    expect(good).toContain(dir.path);
    const bad = await runCliProcess(['parse', 'bad.xml'], { cwd: dir.path });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vast: bad\.xml: not valid VAST: IAB 100: [^\n]*\n$/u);
    const missing = await runCliProcess(['parse', 'missing.xml'], { cwd: dir.path });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('vast: cannot read missing.xml: no such file\n');
  });

  it('resolve: a chain on loopback with --allow-private-network, exit 0; a URL that does not answer, IAB 301 and exit 1', async () => {
    const ok = await runCliProcess(['resolve', bundled.tag, '--allow-private-network']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Chain: 3 hop(s), 2 wrapper(s) then the inline ad');
    const url = `http://127.0.0.1:${closedPort}/vast.xml`;
    const dead = await runCliProcess(['fetch', url, '--allow-private-network', '--no-beacons']);
    expect(dead.code).toBe(1);
    expect(dead.stderr).toMatch(new RegExp(`^vast: ${url.replaceAll('.', '\\.')}: no ad: IAB 301: [^\\n]*ECONNREFUSED[^\\n]*\\n$`, 'u'));
    noStack(dead.stderr);
  });

  it('resolve-config: JSON of a provider, exit 0; an unknown provider, the config path and exit 1', async () => {
    const ok = await runCliProcess(['resolve-config', 'tiger', '--publisher', 'acme']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ tracker: { timeoutMs: 1000 } });
    const bad = await runCliProcess(['resolve-config', 'nosuch']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vast: config error at provider \(provider "nosuch"\): unknown provider[^\n]*\n$/u);
  });

  it('play: auto mode follows VAST_PLAYBACK_MODE, --json gives the session; an unknown provider exits 1', async () => {
    const ok = await runCliProcess(['play', bundled.tag, '--allow-private-network', '--seed', '3', '--json'], { env: { VAST_PLAYBACK_MODE: 'headless' } });
    expect(ok.code).toBe(0);
    const session = JSON.parse(ok.stdout) as { mode: string; config: { player: { selection: unknown } } };
    expect(session.mode).toBe('headless');
    expect(session.config.player.selection).toMatchObject({ requested: 'auto', source: 'config', reason: 'override', variable: 'VAST_PLAYBACK_MODE' });
    const bad = await runCliProcess(['play', bundled.tag, '--provider', 'nosuch']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vast: config error at provider [^\n]*\n$/u);
  });

  it('simulate: plain progress lines when not a terminal, the funnel, the report; a negative --sessions is a usage error', async () => {
    const file = await dir.write('sim.xml', exampleInline({ durationSeconds: 30 }));
    const ok = await runCliProcess(['simulate', file, '--sessions', '1000', '--seed', '2', '--report', 'funnel.html'], { cwd: dir.path });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('1000/1000 sessions (100%)\n');
    expect(ok.stdout).toMatch(/impression +1000 +100\.0%/u);
    expect(await readFile(`${dir.path}/funnel.html`, 'utf8')).toContain('<svg id="funnel-chart"');
    const negative = await runCliProcess(['simulate', file, '--sessions', '-5']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain("error: option '--sessions <n>' argument '-5' is invalid. --sessions must be a whole number of at least 1.");
    expect(negative.stdout).toBe('');
  });

  it('replay: a recorded session re-driven on a recording transport, exit 0; invalid session JSON exits 1', async () => {
    const played = await runCliProcess(['play', bundled.tag, '--allow-private-network', '--mode', 'headless', '--interruptions', 'off', '--json']);
    const session = await dir.write('session.json', played.stdout);
    const ok = await runCliProcess(['replay', session, '--ad', bundled.tag, '--allow-private-network']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('7 events, completed; 0 already delivered, 7 replayed');
    const broken = await dir.write('broken.json', '{"version": 3}');
    const bad = await runCliProcess(['replay', broken, '--ad', bundled.tag]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vast: INVALID_SESSION_JSON: [^\n]*\n$/u);
  });

  it('serve: prints its URLs, serves them, and exits 0 on Ctrl-C (SIGINT)', async () => {
    const child = startCli(['serve']);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await expect.poll(() => stdout, { timeout: 20_000 }).toContain('Press Ctrl-C to stop.');
      const tag = /Ad tag: (\S+)/u.exec(stdout)?.[1] ?? '';
      expect((await fetch(tag)).status).toBe(200);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout).toContain('SIGINT: stopping after 1 request(s).');
    } finally {
      // A failed assertion must not leave the server running.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('an unknown command is one line and exit 2', async () => {
    const run = await runCliProcess(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("vast: unknown command 'frobnicate' (see vast --help)\n");
  });
});
