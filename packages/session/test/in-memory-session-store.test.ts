import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { InMemorySessionStore, PlaybackSession, type SessionStore } from '../src/index.js';

const time = new SimulatedTimeProvider({ mode: 'manual' });
const make = (id: string) => new PlaybackSession({ id, adId: `ad-${id}`, duration: 1_000, time });

describe('InMemorySessionStore', () => {
  it('gets back an equal session that is a separate object', async () => {
    const store: SessionStore = new InMemorySessionStore({ time });
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
    const store = new InMemorySessionStore({ time });
    const session = make('a');
    await store.put(session);
    session.start();
    expect((await store.get('a'))?.status).toBe('created');
    await store.put(session);
    expect((await store.get('a'))?.status).toBe('playing');
    expect(store.size).toBe(1);
  });

  it('lists by status in the order first put, and deletes', async () => {
    const store = new InMemorySessionStore({ time });
    const [a, b, c] = [make('a'), make('b'), make('c')];
    a.start();
    c.start();
    for (const s of [a, b, c]) await store.put(s);
    expect((await store.listByStatus('playing')).map((s) => s.id)).toEqual(['a', 'c']);
    expect((await store.listByStatus('created')).map((s) => s.id)).toEqual(['b']);
    expect(await store.listByStatus('completed')).toEqual([]);
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect((await store.listByStatus('playing')).map((s) => s.id)).toEqual(['c']);
  });

  it('rejects with the reason of an aborted signal and does nothing', async () => {
    const store = new InMemorySessionStore({ time });
    const reason = new Error('request cancelled');
    const signal = AbortSignal.abort(reason);
    await expect(store.put(make('a'), { signal })).rejects.toBe(reason);
    expect(store.size).toBe(0);
    await store.put(make('a'));
    await expect(store.get('a', { signal })).rejects.toBe(reason);
    await expect(store.delete('a', { signal })).rejects.toBe(reason);
    await expect(store.listByStatus('created', { signal })).rejects.toBe(reason);
    expect(store.size).toBe(1);
  });
});
