import { PlaybackSession } from '@vast/session';
import { runsRedisTests, startRedisServer, type RedisServer } from '@vast/testkit';
import { SimulatedTimeProvider } from '@vast/time';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisSessionStore, SessionConflictError, isSessionStoreError } from '../src/index.js';

const time = new SimulatedTimeProvider({ mode: 'manual' });
const make = (id: string) => new PlaybackSession({ id, adId: `ad-${id}`, duration: 1_000, time });
/** Appends one event whatever the session's state: mute, or unmute when muted. */
const toggleMute = (session: PlaybackSession): void => void (session.muted ? session.unmute() : session.mute());

describe.skipIf(!runsRedisTests('session-redis/concurrency.test.ts'))('RedisSessionStore between two instances', () => {
  let server: RedisServer;
  const stores: RedisSessionStore[] = [];
  let prefixes = 0;
  /** Two stores on one prefix, each with its own connection, as two instances of a fleet. */
  const pair = (): [RedisSessionStore, RedisSessionStore] => {
    const prefix = `c${++prefixes}:`;
    const a = new RedisSessionStore({ url: server.url, time, prefix });
    const b = new RedisSessionStore({ url: server.url, time, prefix });
    stores.push(a, b);
    return [a, b];
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('rejects a put over a version saved by the other instance, with a typed conflict, and writes nothing', async () => {
    const [one, two] = pair();
    const original = make('s');
    original.start();
    await one.put(original);
    const mine = await one.get('s');
    const theirs = await two.get('s');
    if (!mine || !theirs) throw new Error('not stored');
    theirs.pause();
    await two.put(theirs);
    mine.mute();
    const error: unknown = await one.put(mine).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionConflictError);
    expect(isSessionStoreError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'SESSION_CONFLICT',
      sessionId: 's',
      expectedVersion: one.versionOf(mine),
      actualVersion: two.versionOf(theirs),
    });
    expect((await one.get('s'))?.status).toBe('paused');
    expect((await one.get('s'))?.muted).toBe(false);
  });

  it('lets the same instance put the same object again and again (it knows the version it wrote)', async () => {
    const [one] = pair();
    const session = make('s');
    await one.put(session);
    const first = one.versionOf(session);
    session.start();
    await one.put(session);
    session.mute();
    await one.put(session);
    expect(one.versionOf(session)).toBeGreaterThan(first ?? Infinity);
    expect((await one.get('s'))?.events.map((e) => e.type)).toEqual(['start', 'mute']);
  });

  it('puts an object it has not seen unchecked (last writer wins), as SessionStore.put says', async () => {
    const [one, two] = pair();
    await one.put(make('s'));
    const replacement = make('s');
    replacement.start();
    await two.put(replacement);
    expect((await one.get('s'))?.status).toBe('playing');
  });

  it('reports a conflict when the session was deleted since it was read', async () => {
    const [one, two] = pair();
    await one.put(make('s'));
    const read = await one.get('s');
    if (!read) throw new Error('not stored');
    await two.delete('s');
    await expect(one.put(read)).rejects.toMatchObject({ code: 'SESSION_CONFLICT', actualVersion: 0 });
    expect(await one.get('s')).toBeUndefined();
  });

  it('never reuses a version: a session deleted and saved again does not match an old read', async () => {
    const [one, two] = pair();
    await one.put(make('s'));
    const old = await one.get('s');
    if (!old) throw new Error('not stored');
    await two.delete('s');
    await two.put(make('s'));
    await expect(one.put(old)).rejects.toMatchObject({ code: 'SESSION_CONFLICT' });
  });

  it('honours an explicit expectedVersion, 0 meaning create only if absent', async () => {
    const [one, two] = pair();
    await one.put(make('s'), { expectedVersion: 0 });
    await expect(two.put(make('s'), { expectedVersion: 0 })).rejects.toMatchObject({ code: 'SESSION_CONFLICT', expectedVersion: 0 });
    const read = await two.get('s');
    if (!read) throw new Error('not stored');
    const version = two.versionOf(read) ?? -1;
    read.start();
    await one.put(read, { expectedVersion: version });
    expect((await two.get('s'))?.status).toBe('playing');
    await expect(one.put(read, { expectedVersion: -2 })).rejects.toThrow(RangeError);
    await expect(one.put(read, { expectedVersion: 1.5 })).rejects.toThrow(RangeError);
  });

  it('update: two instances incrementing one session 2 x 50 times concurrently lose no update', async () => {
    const [one, two] = pair();
    const session = make('hot');
    session.start();
    await one.put(session);
    const updates = Array.from({ length: 50 }, () => [
      one.update('hot', toggleMute, { maxAttempts: 1_000 }),
      two.update('hot', toggleMute, { maxAttempts: 1_000 }),
    ]).flat();
    const results = await Promise.all(updates);
    expect(results.every((result) => result instanceof PlaybackSession)).toBe(true);
    const final = await one.get('hot');
    const toggles = final?.events.filter((e) => e.type === 'mute' || e.type === 'unmute') ?? [];
    expect(toggles).toHaveLength(100);
    // Each update saw the one before it: mute and unmute strictly alternate.
    expect(toggles.every((e, i) => e.type === (i % 2 === 0 ? 'mute' : 'unmute'))).toBe(true);
  });

  it('update gives up after maxAttempts with the conflict', async () => {
    const [one, two] = pair();
    await one.put(make('s'));
    let calls = 0;
    const error: unknown = await one
      .update('s', async (session) => {
        calls++;
        // Another instance saves in between, every time.
        const other = await two.get('s');
        if (other) await two.put(other);
        session.start();
      }, { maxAttempts: 3 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionConflictError);
    expect(calls).toBe(3);
    expect((await one.get('s'))?.status).toBe('created');
  });

  it('update returns undefined for a missing session, passes on what the change throws, and checks maxAttempts', async () => {
    const [one] = pair();
    let called = false;
    expect(await one.update('missing', () => void (called = true))).toBeUndefined();
    expect(called).toBe(false);
    const done = make('done');
    done.start();
    done.complete();
    await one.put(done);
    await expect(one.update('done', (s) => void s.pause())).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await expect(one.update('done', () => undefined, { maxAttempts: 0 })).rejects.toThrow(RangeError);
    const saved = await one.update('done', () => undefined, { signal: new AbortController().signal });
    expect(saved?.status).toBe('completed');
  });
});
