import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** The `redis-server` executable. @defaultValue `redis-server` on the PATH */
  readonly binary?: string;
  /**
   * `append-only` writes every command to an append-only file synced on each write, so a killed
   * server loses nothing it acknowledged (for restart tests); `none` keeps data in memory only.
   * @defaultValue `'none'`
   */
  readonly persistence?: 'none' | 'append-only';
  /** How long to wait for the server to answer `PING` after a start. @defaultValue 10000 ms */
  readonly startTimeoutMs?: number;
  /** The clock for start-up waits. @defaultValue the wall clock */
  readonly time?: TimeProvider;
}

/** A real `redis-server` on a loopback port, started by {@link startRedisServer}. */
export interface RedisServer {
  /** Always `127.0.0.1`. */
  readonly host: string;
  /** The TCP port it listens on; the same after {@link RedisServer.restart}. */
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Its working folder (data files), removed by {@link RedisServer.stop}. */
  readonly dir: string;
  /** Whether the process is running (a paused one is). */
  readonly running: boolean;
  /** Whether {@link RedisServer.pause} holds it. */
  readonly paused: boolean;
  /**
   * Holds the process (SIGSTOP): connections stay open and commands get no answer, as with a hung
   * server, until {@link RedisServer.resume}. For tests of timeouts.
   */
  pause(): void;
  /** Lets a paused process go on (SIGCONT); it then answers what it was sent meanwhile. */
  resume(): void;
  /** Ends the process abruptly (SIGKILL), as a crash would; data survives only with persistence. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder after {@link RedisServer.kill}, or kills it first. */
  restart(): Promise<void>;
  /** Ends the process and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

const BRAND = Symbol.for('@vast/testkit.RedisServerStartError');

/** Thrown by {@link startRedisServer} when `redis-server` is missing or does not come up. */
export class RedisServerStartError extends Error {
  /** Stable code: `REDIS_SERVER_MISSING` or `REDIS_SERVER_START_FAILED`. */
  readonly code: 'REDIS_SERVER_MISSING' | 'REDIS_SERVER_START_FAILED';

  /** @param code - which failure; @param message - what happened */
  constructor(code: RedisServerStartError['code'], message: string) {
    super(message);
    this.name = 'RedisServerStartError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link RedisServerStartError}, also one from another copy of the package.
 *
 * @param value - anything caught
 * @returns true for an error carrying the testkit's brand
 */
export function isRedisServerStartError(value: unknown): value is RedisServerStartError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Whether a `redis-server` can be run here (tests that need one say plainly that they were
 * skipped when it cannot, rather than fail on a machine without it).
 *
 * @param binary - the executable to try
 */
export function isRedisServerAvailable(binary = 'redis-server'): boolean {
  const probe = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/**
 * Whether tests that need a `redis-server` should run: yes when one is installed, and yes under CI
 * (`CI` set), where a missing server must fail the tests rather than skip them. On a developer's
 * machine without one it says plainly that the tests were skipped, and returns false.
 *
 * @param what - the tests, for the message (e.g. a file name)
 * @param env - the environment to read `CI` from
 * @returns whether to run them (`describe.skipIf(!runsRedisTests('store.test.ts'))`)
 */
export function runsRedisTests(what: string, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (isRedisServerAvailable()) return true;
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== 'false') return true;
  console.warn(`SKIPPED: ${what} needs redis-server on the PATH (Debian: apt-get install -y redis-server); its tests did not run.`);
  return false;
}

/**
 * Starts a real `redis-server` on a free loopback port with its own temporary folder, and
 * resolves once it answers `PING`. For tests and benchmarks: no mock of Redis.
 *
 * @param options - executable, persistence, start-up timeout
 * @throws RedisServerStartError when the executable is missing or the server does not answer in time
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const binary = options.binary ?? 'redis-server';
  if (!isRedisServerAvailable(binary)) {
    throw new RedisServerStartError('REDIS_SERVER_MISSING', `${binary} was not found (Debian: apt-get install -y redis-server)`);
  }
  const time = options.time ?? new RealtimeTimeProvider();
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'vast-redis-'));
  const port = await freeLoopbackPort();
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
    '--appendonly', options.persistence === 'append-only' ? 'yes' : 'no', '--appendfsync', 'always',
    '--daemonize', 'no', '--logfile', '', '--loglevel', 'warning',
  ];
  let child: ChildProcess | undefined;
  let stopped = false;
  let paused = false;

  async function launch(): Promise<void> {
    const started = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = time.monotonic() + startTimeoutMs;
    while (time.monotonic() < deadline) {
      if (started.exitCode !== null) break;
      if (await answersPing(port)) return;
      await time.sleep(20);
    }
    await ended(started, 'SIGKILL');
    throw new RedisServerStartError('REDIS_SERVER_START_FAILED', `redis-server on port ${port} did not answer PING within ${startTimeoutMs} ms: ${stderr.trim()}`);
  }

  function resume(): void {
    if (!paused) return;
    paused = false;
    child?.kill('SIGCONT');
  }

  await launch();
  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    get paused() {
      return paused;
    },
    pause() {
      if (child === undefined || paused || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGSTOP');
      paused = true;
    },
    resume,
    async kill() {
      paused = false;
      if (child) await ended(child, 'SIGKILL');
    },
    async restart() {
      paused = false;
      if (child) await ended(child, 'SIGKILL');
      await launch();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // A stopped process would hold SIGTERM until it went on.
      resume();
      if (child) await ended(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signals the process and resolves once it has exited. */
function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A port the OS reports free on 127.0.0.1 (redis-server cannot be asked to pick one itself). */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether a Redis answers `+PONG` on the port (raw RESP, so the testkit needs no Redis client). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) finish(answer.startsWith('+PONG'));
    });
  });
}
