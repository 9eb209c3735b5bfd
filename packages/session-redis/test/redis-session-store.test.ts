import { InMemorySessionStore, PlaybackSession, isSessionError, type SessionStore } from '@vast/session';
import { runsRedisTests, startRedisServer, type RedisServer } from '@vast/testkit';
import { SimulatedTimeProvider } from '@vast/time';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisSessionStore } from '../src/index.js';

const time = new SimulatedTimeProvider({ mode: 'manual' });
const make = (id: string) => new PlaybackSession({ id, adId: `ad-${id}`, duration: 1_000, time });

describe.skipIf(!runsRedisTests('session-redis/redis-session-store.test.ts'))('RedisSessionStore', () => {
  let server: RedisServer;
  let admin: Redis;
  const stores: RedisSessionStore[] = [];
  let prefixes = 0;
  /** A store on its own prefix, so that tests do not see each other's sessions. */
  const open = (options: Partial<ConstructorParameters<typeof RedisSessionStore>[0]> = {}) => {
    const store = new RedisSessionStore({ url: server.url, time, prefix: `t${++prefixes}:`, ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    admin?.disconnect();
    await server?.stop();
  });

  it('gets back an equal session that is a separate object', async () => {
    const store: SessionStore = open();
    const session = make('a');
    session.start();
    await store.put(session);
    const back = await store.get('a');
    expect(back).toBeInstanceOf(PlaybackSession);
    expect(back).not.toBe(session);
    expect(back?.toJSON()).toEqual(session.toJSON());
    expect(await store.get('missing')).toBeUndefined();
  });

  it('keeps a snapshot: changes after put are not stored until put again', async () => {
    const store = open();
    const session = make('a');
    await store.put(session);
    session.start();
    expect((await store.get('a'))?.status).toBe('created');
    await store.put(session);
    expect((await store.get('a'))?.status).toBe('playing');
  });

  it('writes under its prefix: the session hash, the status index and the version counter', async () => {
    const store = open({ prefix: 'app:sessions:' });
    await store.put(make('s-1'));
    expect((await admin.keys('app:sessions:*')).sort()).toEqual(['app:sessions:id:s-1', 'app:sessions:status:created', 'app:sessions:version']);
    const hash = await admin.hgetall('app:sessions:id:s-1');
    expect(hash.json).toBe(make('s-1').toJSONText());
    expect(hash.st).toBe('created');
    expect(await open({ prefix: 'other:' }).get('s-1')).toBeUndefined();
  });

  it('uses vast:session: as the default prefix', async () => {
    const store = open({ prefix: undefined });
    await store.put(make('default-prefix'));
    expect(await admin.exists('vast:session:id:default-prefix')).toBe(1);
    expect(await store.delete('default-prefix')).toBe(true);
  });

  it('gives live sessions the live TTL and finished ones the shorter finished TTL', async () => {
    const store = open({ prefix: 'ttl:' });
    const session = make('a');
    session.start();
    await store.put(session);
    const live = await admin.ttl('ttl:id:a');
    expect(live).toBeGreaterThan(3_600);
    expect(live).toBeLessThanOrEqual(86_400);
    session.complete();
    await store.put(session);
    const finished = await admin.ttl('ttl:id:a');
    expect(finished).toBeGreaterThan(0);
    expect(finished).toBeLessThanOrEqual(3_600);
    // The index lives at least as long as the longest TTL, and no counter or index is left forever.
    expect(await admin.ttl('ttl:status:completed')).toBeGreaterThan(3_600);

    const custom = open({ prefix: 'ttl2:', liveTtlMs: 120_000, finishedTtlMs: 30_000 });
    const other = make('b');
    await custom.put(other);
    expect(await admin.pttl('ttl2:id:b')).toBeGreaterThan(30_000);
    expect(await admin.pttl('ttl2:id:b')).toBeLessThanOrEqual(120_000);
    other.fail({ code: 405 });
    await custom.put(other);
    expect(await admin.pttl('ttl2:id:b')).toBeLessThanOrEqual(30_000);
  });

  it('lists by status in first-put order and keeps the index in step with status changes and deletes', async () => {
    const store = open({ prefix: 'idx:' });
    const [a, b, c] = [make('a'), make('b'), make('c')];
    for (const s of [a, b, c]) await store.put(s);
    expect((await store.listByStatus('created')).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    c.start();
    await store.put(c);
    a.start();
    await store.put(a);
    // First-put order, not the order of the status change.
    expect((await store.listByStatus('playing')).map((s) => s.id)).toEqual(['a', 'c']);
    expect((await store.listByStatus('created')).map((s) => s.id)).toEqual(['b']);
    expect(await admin.zrange('idx:status:created', '0', '-1')).toEqual(['b']);
    expect(await store.listByStatus('completed')).toEqual([]);
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await admin.zrange('idx:status:playing', '0', '-1')).toEqual(['c']);
    expect((await store.listByStatus('playing')).map((s) => s.id)).toEqual(['c']);
    expect(await store.get('a')).toBeUndefined();
  });

  it('lists and deletes like InMemorySessionStore for the same sequence of calls', async () => {
    async function scenario(store: SessionStore): Promise<unknown[]> {
      const sessions = ['p', 'q', 'r', 's'].map(make);
      const seen: unknown[] = [];
      for (const s of sessions) await store.put(s);
      sessions[2]?.start();
      sessions[0]?.start();
      sessions[0]?.stop();
      for (const s of sessions) await store.put(s);
      seen.push(await store.delete('q'), await store.delete('missing'));
      for (const status of ['created', 'playing', 'stopped'] as const) seen.push((await store.listByStatus(status)).map((s) => s.toJSON()));
      return seen;
    }
    expect(await scenario(open())).toEqual(await scenario(new InMemorySessionStore({ time })));
  });

  it('drops an expired session from the index when the index is read', async () => {
    const store = open({ prefix: 'exp:', liveTtlMs: 50 });
    await store.put(make('gone'));
    await open({ prefix: 'exp:' }).put(make('stays'));
    for (let i = 0; i < 200 && (await admin.exists('exp:id:gone')) === 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await admin.exists('exp:id:gone')).toBe(0);
    // Redis expired the session; its index entry is still there until a read finds it gone.
    expect(await admin.zrange('exp:status:created', '0', '-1')).toEqual(['gone', 'stays']);
    expect((await store.listByStatus('created')).map((s) => s.id)).toEqual(['stays']);
    expect(await admin.zrange('exp:status:created', '0', '-1')).toEqual(['stays']);
  });

  it('drops an index entry whose session expired and came back with another status', async () => {
    const store = open({ prefix: 'back:' });
    const session = make('x');
    await store.put(session);
    await admin.del('back:id:x'); // as if it expired
    session.start();
    await open({ prefix: 'back:' }).put(session);
    expect(await admin.zrange('back:status:created', '0', '-1')).toEqual(['x']);
    expect(await store.listByStatus('created')).toEqual([]);
    expect(await admin.zrange('back:status:created', '0', '-1')).toEqual([]);
    expect((await store.listByStatus('playing')).map((s) => s.id)).toEqual(['x']);
  });

  it('throws InvalidSessionJsonError for corrupted JSON in Redis, and keeps working', async () => {
    const store = open({ prefix: 'bad:' });
    await store.put(make('a'));
    await store.put(make('b'));
    await admin.hset('bad:id:a', 'json', '{"version":3,"id":"a",');
    const error: unknown = await store.get('a').catch((e: unknown) => e);
    expect(isSessionError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_SESSION_JSON', name: 'InvalidSessionJsonError' });
    await expect(store.listByStatus('created')).rejects.toMatchObject({ code: 'INVALID_SESSION_JSON' });
    expect((await store.get('b'))?.id).toBe('b');
    // Valid JSON of another session under this id is refused too.
    await admin.hset('bad:id:a', 'json', make('zzz').toJSONText());
    await expect(store.get('a')).rejects.toMatchObject({ code: 'INVALID_SESSION_JSON', path: 'id' });
    expect(await store.delete('a')).toBe(true);
  });

  it('rejects with SESSION_STORE_REDIS_ERROR when a key holds something else', async () => {
    const store = open({ prefix: 'wrong:' });
    await admin.set('wrong:id:a', 'not a hash');
    await expect(store.get('a')).rejects.toMatchObject({ code: 'SESSION_STORE_REDIS_ERROR', name: 'SessionStoreError' });
    await expect(store.put(make('a'))).rejects.toMatchObject({ code: 'SESSION_STORE_REDIS_ERROR' });
  });

  it('uses a client it was given and leaves it open on close', async () => {
    const client = new Redis(server.url);
    try {
      const store = new RedisSessionStore({ client, time, prefix: 'given:' });
      await store.put(make('a'));
      await store.close();
      await store.close();
      await expect(store.get('a')).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
      expect(await client.hget('given:id:a', 'st')).toBe('created');
    } finally {
      client.disconnect();
    }
  });

  it('connects from redisOptions alone, and closes the connection it opened', async () => {
    const store = new RedisSessionStore({ redisOptions: { host: server.host, port: server.port }, time, prefix: 'opts:' });
    await store.put(make('a'));
    expect((await store.get('a'))?.id).toBe('a');
    await store.close();
    await expect(store.put(make('b'))).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
  });

  it('refuses options it cannot use', () => {
    expect(() => new RedisSessionStore({ time })).toThrow(TypeError);
    expect(() => new RedisSessionStore({ time, url: server.url, client: admin })).toThrow(TypeError);
    expect(() => new RedisSessionStore({ time, client: admin, liveTtlMs: 0 })).toThrow(/liveTtlMs/);
    expect(() => new RedisSessionStore({ time, client: admin, finishedTtlMs: 1.5 })).toThrow(RangeError);
    expect(() => new RedisSessionStore({ time, client: admin, operationTimeoutMs: Number.NaN })).toThrow(/operationTimeoutMs/);
  });

  it('refuses a status that does not exist', async () => {
    const store = open();
    await expect(store.listByStatus('paused-ish' as 'paused')).rejects.toThrow(TypeError);
  });
});
