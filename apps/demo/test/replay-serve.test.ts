import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledAdServer, type BundledAdServer } from '../src/bundled-ad-server.js';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';
import { tempDir, type TempDir } from './helpers.js';

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

const run = async (argv: string[], untilStopped?: () => Promise<string>) => {
  const io = { ...captureIo(), env: { VAST_PLAYBACK_MODE: 'headless' }, ...(untilStopped === undefined ? {} : { untilStopped }) };
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

const beacons = () => bundled.server.received().filter((r) => r.path.startsWith('/track/'));

/** Plays the bundled ad headless and saves the session JSON. */
async function recordSession(name: string, ...extra: string[]): Promise<string> {
  const played = await run(['play', bundled.tag, '--allow-private-network', '--seed', '1', '--interruptions', 'off', '--json', ...extra]);
  expect(played.code).toBe(0);
  return dir.write(name, played.stdout);
}

describe('vast replay', () => {
  it('records the beacons of a recorded session by default, and sends nothing', async () => {
    const session = await recordSession('dry.json');
    bundled.server.reset();
    const { code, stdout } = await run(['replay', session, '--ad', bundled.tag, '--allow-private-network']);
    expect(code).toBe(0);
    expect(stdout).toContain('Session headless-1: 7 events, completed; 0 already delivered, 7 replayed');
    expect(stdout).toMatch(/complete +level 2 +recorded \(not sent\) +http:\/\/127\.0\.0\.1:\d+\/track\/network\/complete/u);
    // The document fetches of --ad only.
    expect(beacons()).toHaveLength(0);
  });

  it('with --send-beacons sends each beacon once; a second replay fires nothing (the state file)', async () => {
    const session = await recordSession('send.json');
    bundled.server.reset();
    const first = await run(['replay', session, '--ad', bundled.tag, '--allow-private-network', '--send-beacons', '--json']);
    expect(first.code).toBe(0);
    const json = JSON.parse(first.stdout) as { beacons: { outcome: string }[]; skipped: number };
    expect(json.skipped).toBe(0);
    expect(json.beacons).toHaveLength(21);
    expect(json.beacons.every((b) => b.outcome === 'sent')).toBe(true);
    expect(beacons()).toHaveLength(21);

    const second = await run(['replay', session, '--ad', bundled.tag, '--allow-private-network', '--send-beacons']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('7 already delivered, 0 replayed');
    expect(second.stdout).toContain('No beacon to fire');
    expect(beacons()).toHaveLength(21);
  });

  it('a session that sent its beacons when it played fires nothing again', async () => {
    const session = await recordSession('sent-at-play.json', '--send-beacons');
    bundled.server.reset();
    const { code, stdout } = await run(['replay', session, '--ad', bundled.tag, '--allow-private-network', '--send-beacons']);
    expect(code).toBe(0);
    expect(stdout).toContain('No beacon to fire');
    expect(beacons()).toHaveLength(0);
  });

  it('refuses what is not a session: bad JSON, a JSON that does not validate, a state of another session, a missing file', async () => {
    const notJson = await dir.write('not.json', '{ nope');
    const notSession = await dir.write('other.json', JSON.stringify({ version: 3, id: 5 }));
    const session = await recordSession('with-bad-state.json');
    const badState = await dir.write('bad-state.json', JSON.stringify({ sessionId: 'someone-else', delivered: 0, tracker: { fired: [] } }));
    const cases: [string[], RegExp][] = [
      [['replay', notJson, '--ad', bundled.tag], /^vast: \S+not\.json: not JSON: /u],
      [['replay', notSession, '--ad', bundled.tag], /^vast: INVALID_SESSION_JSON: /u],
      [['replay', session, '--ad', bundled.tag, '--state', badState], /^vast: \S+bad-state\.json: not the replay state of session headless-1\n$/u],
      [['replay', `${dir.path}/missing.json`, '--ad', bundled.tag], /^vast: cannot read \S+missing\.json: no such file\n$/u],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr.split('\n')).toHaveLength(2);
    }
  });

  it('needs --ad (usage error, exit 2)', async () => {
    const { code, stderr } = await run(['replay', 'x.json']);
    expect(code).toBe(2);
    expect(stderr).toContain("required option '--ad <url|file>' not specified");
  });
});

describe('vast serve', () => {
  it('serves the bundled chain, prints its URLs, and stops cleanly when asked', async () => {
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let printed = '';
    const io = {
      out: { write: (text: string) => (printed += text) },
      err: { write: () => undefined },
      untilStopped: () => stopped,
    };
    const running = runCli(['serve'], io);
    await expect.poll(() => printed).toContain('Press Ctrl-C to stop.');
    const tag = /Ad tag: (\S+)/u.exec(printed)?.[1] ?? '';
    const response = await fetch(tag);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<VASTAdTagURI>');
    stop('SIGINT');
    expect(await running).toBe(0);
    expect(printed).toContain('SIGINT: stopping after 1 request(s).');
  });
});

describe('help and mistakes', () => {
  it('--help lists the commands and the toolkit packages; each command has its own --help', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    for (const command of ['parse', 'resolve|fetch', 'resolve-config', 'play', 'simulate', 'replay', 'serve']) expect(main.stdout).toContain(`  ${command} `);
    expect(main.stdout).toContain('@vast/player-headless');
    const play = await run(['play', '--help']);
    expect(play.stdout).toContain('--interruptions <on|off>');
  });

  it.each([
    [['frob'], "vast: unknown command 'frob' (see vast --help)"],
    [['play', 'x.xml', '--mode', 'sideways'], "argument 'sideways' is invalid. Allowed choices are real, headless, auto."],
    [['play', 'x.xml', '--interruptions', 'maybe'], 'expected on or off.'],
    [['play', 'x.xml', '--seed', '-1'], '--seed must be a whole number from 0 to 4294967295.'],
    [['parse'], "missing required argument 'file'"],
  ])('%j: one line on stderr, exit 2', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
