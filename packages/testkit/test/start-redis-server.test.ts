import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isRedisServerAvailable, isRedisServerStartError, runsRedisTests, startRedisServer, type RedisServer } from '../src/index.js';

/** Sends one inline command with raw RESP and returns the first reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      const lines = reply.split('\r\n');
      // a bulk string ($n) spans two lines; everything else one
      if (lines.length > (reply.startsWith('$') && !reply.startsWith('$-1') ? 2 : 1)) {
        socket.destroy();
        resolve(reply.startsWith('$') && !reply.startsWith('$-1') ? lines[1]! : lines[0]!);
      }
    });
  });
}

describe.skipIf(!runsRedisTests('start-redis-server.test.ts'))('startRedisServer', () => {
  let server: RedisServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('starts a real server on a loopback port that answers commands', async () => {
    server = await startRedisServer();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(server.running).toBe(true);
    expect(await command(server.port, 'SET greeting hello')).toBe('+OK');
    expect(await command(server.port, 'GET greeting')).toBe('hello');
  });

  it('keeps acknowledged writes across a kill and restart with append-only persistence', async () => {
    server = await startRedisServer({ persistence: 'append-only' });
    await command(server.port, 'SET kept yes');
    await server.kill();
    expect(server.running).toBe(false);
    await server.restart();
    expect(server.running).toBe(true);
    expect(await command(server.port, 'GET kept')).toBe('yes');
  });

  it('loses in-memory data on a kill without persistence', async () => {
    server = await startRedisServer();
    await command(server.port, 'SET lost yes');
    await server.restart();
    expect(await command(server.port, 'GET lost')).toBe('$-1');
  });

  it('pause holds the server (a command gets no answer) until resume, which answers it', async () => {
    server = await startRedisServer();
    await command(server.port, 'SET held yes');
    server.pause();
    expect(server.paused).toBe(true);
    expect(server.running).toBe(true);
    const reply = command(server.port, 'GET held');
    const unanswered = Symbol('unanswered');
    expect(await Promise.race([reply, new Promise((resolve) => setTimeout(resolve, 300, unanswered))])).toBe(unanswered);
    server.resume();
    expect(server.paused).toBe(false);
    expect(await reply).toBe('yes');
  });

  it('stops a paused server', async () => {
    server = await startRedisServer();
    server.pause();
    await server.stop();
    expect(server.running).toBe(false);
    expect(server.paused).toBe(false);
  });

  it('removes its folder on stop, and a second stop is harmless', async () => {
    server = await startRedisServer();
    const { dir } = server;
    await server.stop();
    expect(existsSync(dir)).toBe(false);
    expect(server.running).toBe(false);
    await server.stop();
  });
});

describe('startRedisServer without the executable', () => {
  it('rejects with REDIS_SERVER_MISSING', async () => {
    const error: unknown = await startRedisServer({ binary: '/nonexistent/redis-server' }).catch((caught: unknown) => caught);
    expect(isRedisServerStartError(error) && error.code).toBe('REDIS_SERVER_MISSING');
    // The guard reads the brand, so a copy from another install of the package is recognised too.
    expect(isRedisServerStartError({ [Symbol.for('@vast/testkit.RedisServerStartError')]: true })).toBe(true);
    expect(isRedisServerStartError(new Error('REDIS_SERVER_MISSING'))).toBe(false);
  });

  it('rejects with REDIS_SERVER_START_FAILED when the server exits instead of answering', async () => {
    // A stand-in that knows --version but exits at once when started.
    const dir = mkdtempSync(join(tmpdir(), 'vast-fake-redis-'));
    const binary = join(dir, 'redis-server');
    writeFileSync(binary, '#!/bin/sh\n[ "$1" = "--version" ] && exit 0\necho "bad config" >&2\nexit 1\n', { mode: 0o755 });
    try {
      const failure = startRedisServer({ binary, startTimeoutMs: 2_000 });
      await expect(failure).rejects.toMatchObject({ code: 'REDIS_SERVER_START_FAILED' });
      await expect(failure).rejects.toThrow(/bad config/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runsRedisTests', () => {
  it('runs the tests where redis-server is installed, and under CI even where it is not (they then fail, not skip)', () => {
    expect(runsRedisTests('x', { CI: 'true' })).toBe(true);
    expect(runsRedisTests('x', {})).toBe(isRedisServerAvailable());
  });
});
