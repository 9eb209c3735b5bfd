import { PlaybackSession } from '@vast/session';
import { runsRedisTests, startRedisServer, type RedisServer } from '@vast/testkit';
import { SimulatedTimeProvider } from '@vast/time';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisSessionStore, isSessionStoreError } from '../src/index.js';

const time = new SimulatedTimeProvider({ mode: 'manual' });
const make = (id: string) => new PlaybackSession({ id, adId: `ad-${id}`, duration: 1_000, time });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The code of a typed store error, or what was thrown instead. */
async function failure(operation: Promise<unknown>): Promise<unknown> {
  const outcome = await operation.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  return isSessionStoreError(outcome) ? outcome.code : outcome;
}

describe.skipIf(!runsRedisTests('session-redis/outages.test.ts'))('RedisSessionStore when Redis is away, slow, or the caller gives up', () => {
  let server: RedisServer;
  let admin: Redis;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url, { retryStrategy: () => 50 });
    admin.on('error', () => undefined);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    if (!server.running) await server.restart();
  });
  afterAll(async () => {
    admin?.disconnect();
    await server?.stop();
  });

  /**
   * Holds every client's commands on the server for 1.5 s, as a stalled Redis would (CLIENT
   * UNPAUSE would wait for the pause too); the test ends once the server answers again.
   */
  async function stall(): Promise<void> {
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');
    cleanups.push(async () => void (await admin.ping()));
  }

  it('fails every operation with a typed error while Redis is down, and works again once it is back', async () => {
    const store = new RedisSessionStore({ url: server.url, time, prefix: 'down:', operationTimeoutMs: 500 });
    cleanups.push(() => store.close());
    const session = make('a');
    await store.put(session);
    await server.kill();
    const outcomes = [
      await failure(store.get('a')),
      await failure(store.put(session)),
      await failure(store.delete('a')),
      await failure(store.listByStatus('created')),
      await failure(store.update('a', () => undefined)),
    ];
    for (const outcome of outcomes) expect(['SESSION_STORE_UNAVAILABLE', 'SESSION_STORE_TIMEOUT']).toContain(outcome);

    await server.restart(); // without persistence: an empty Redis, and no script loaded
    let back: unknown = 'not yet';
    for (let i = 0; i < 100 && back !== undefined; i++) {
      back = await store.get('a').catch((error: unknown) => error);
      if (back !== undefined) await pause(100);
    }
    expect(back).toBeUndefined();
    const fresh = make('b');
    await store.put(fresh);
    expect((await store.listByStatus('created')).map((s) => s.id)).toEqual(['b']);
  });

  it('bounds an operation by its timeout even on a client that would queue it forever', async () => {
    // The caller's client keeps commands in its offline queue with no limit and no command timeout.
    const client = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
    client.on('error', () => undefined);
    cleanups.push(() => client.disconnect());
    const store = new RedisSessionStore({ client, time, prefix: 'queue:', operationTimeoutMs: 300 });
    await store.put(make('a'));
    await server.kill();
    expect(await failure(store.get('a'))).toBe('SESSION_STORE_TIMEOUT');
    expect(await failure(store.put(make('b')))).toBe('SESSION_STORE_TIMEOUT');
  });

  it('rejects with SESSION_STORE_TIMEOUT when Redis does not answer in time', async () => {
    const client = new Redis(server.url);
    cleanups.push(() => client.disconnect());
    const store = new RedisSessionStore({ client, time, prefix: 'slow:', operationTimeoutMs: 200 });
    await store.put(make('a'));
    await stall();
    const error: unknown = await store.get('a').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SESSION_STORE_TIMEOUT', name: 'SessionStoreError' });
    expect((error as Error).message).toContain('200 ms');
  });

  it("maps the client's own command timeout to SESSION_STORE_TIMEOUT", async () => {
    const store = new RedisSessionStore({ url: server.url, redisOptions: { commandTimeout: 500 }, time, prefix: 'cmd:', operationTimeoutMs: 10_000 });
    cleanups.push(() => store.close());
    expect(await store.get('a')).toBeUndefined(); // connected
    await stall();
    const error: unknown = await store.listByStatus('created').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SESSION_STORE_TIMEOUT' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('rejects with the reason of an aborted signal and does nothing', async () => {
    const store = new RedisSessionStore({ url: server.url, time, prefix: 'abort:' });
    cleanups.push(() => store.close());
    const reason = new Error('request cancelled');
    const signal = AbortSignal.abort(reason);
    await expect(store.put(make('a'), { signal })).rejects.toBe(reason);
    expect(await admin.exists('abort:id:a')).toBe(0);
    await store.put(make('a'));
    await expect(store.get('a', { signal })).rejects.toBe(reason);
    await expect(store.delete('a', { signal })).rejects.toBe(reason);
    await expect(store.listByStatus('created', { signal })).rejects.toBe(reason);
    await expect(store.update('a', () => undefined, { signal })).rejects.toBe(reason);
    expect(await admin.exists('abort:id:a')).toBe(1);
    await store.close();
    await expect(store.get('a', { signal })).rejects.toBe(reason);
  });

  it('stops waiting as soon as the signal aborts, well before its timeout', async () => {
    const store = new RedisSessionStore({ url: server.url, time, prefix: 'abort2:', operationTimeoutMs: 25_000 });
    cleanups.push(() => store.close());
    await store.put(make('a'));
    await stall();
    const controller = new AbortController();
    const reason = new Error('viewer left');
    const pending = store.get('a', { signal: controller.signal });
    await pause(20);
    controller.abort(reason);
    // Were the signal ignored, the read would succeed once the pause ends.
    await expect(pending).rejects.toBe(reason);
  });

  it('closes a store whose Redis is down without waiting for it', async () => {
    const store = new RedisSessionStore({ url: server.url, time, prefix: 'close:' });
    await store.put(make('a'));
    await server.kill();
    await store.close();
    expect(await failure(store.get('a'))).toBe('SESSION_STORE_UNAVAILABLE');
  });
});
