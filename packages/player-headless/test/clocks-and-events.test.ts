import { SimulatedTimeProvider, type TimeProvider } from '@vast/time';
import type { PlayerEvent } from '@vast/player-core';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

const withPause = configWith({
  viewerPause: { probability: 1, when: { kind: 'uniform' }, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 4_000 } } },
});

/** A clock the player cannot tick itself (like a real-time one): it sleeps on it instead. */
function sleepOnlyClock(): TimeProvider {
  const inner = new SimulatedTimeProvider();
  return { kind: 'simulated', now: () => inner.now(), monotonic: () => inner.monotonic(), sleep: (ms, signal) => inner.sleep(ms, signal) };
}

describe('HeadlessPlayer clocks and events', () => {
  it('plays the same session on a clock it can only sleep on as on one it ticks', async () => {
    const ticked = new HeadlessPlayer({ ad: inlineAd(), config: withPause, seed: 6 });
    const slept = new HeadlessPlayer({ ad: inlineAd(), config: withPause, seed: 6, time: sleepOnlyClock() });
    await ticked.play();
    await slept.play();
    expect(slept.getSessionJson()).toBe(ticked.getSessionJson());
    expect(slept.status).toBe('completed');
  });

  it('ends at the deadline on a sleep-only clock too', async () => {
    const config = configWith(
      { viewerPause: { probability: 1, when: { kind: 'early' }, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 90_000 } } } },
      { maxSessionDurationMs: 50_000 },
    );
    const { status, session } = await new HeadlessPlayer({ ad: inlineAd(), config, time: sleepOnlyClock() }).play();
    expect(status).toBe('stopped');
    expect(session.events.at(-1)?.clockTime).toBe(session.createdAt + 50_000);
  });

  it('without a session limit (maxSessionDurationMs: 0) a paused ad waits for resume however long', async () => {
    const time = new SimulatedTimeProvider();
    const player = new HeadlessPlayer({ ad: inlineAd(), config: configWith({}, { maxSessionDurationMs: 0 }), time });
    player.on('playback', ({ event }) => {
      if (event.type === 'midpoint') {
        player.pause();
        void time.sleep(3_600_000).then(() => player.resume());
      }
    });
    const { status, session } = await player.play();
    expect(status).toBe('completed');
    expect(session.events.at(-1)?.clockTime).toBe(session.createdAt + 30_000 + 3_600_000);
  });

  it('reports timeupdate every tickIntervalMs while someone listens, without changing the log', async () => {
    const config = configWith({}, { tickIntervalMs: 1_000 });
    const player = new HeadlessPlayer({ ad: inlineAd(), config, seed: 1 });
    const positions: number[] = [];
    player.on('timeupdate', ({ position }) => positions.push(position));
    await player.play();
    expect(positions).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * 1_000));
    const quiet = new HeadlessPlayer({ ad: inlineAd(), config, seed: 1 });
    await quiet.play();
    expect(player.getSessionJson()).toBe(quiet.getSessionJson());
  });

  it('gives every event to an async iterator started before play(), ending with ended', async () => {
    const player = new HeadlessPlayer({ ad: inlineAd(), config: withPause, seed: 2 });
    // The iterator subscribes at its first next(): start it before play() logs the impression.
    const events = player[Symbol.asyncIterator]();
    const first = events.next();
    const done = player.play();
    const seen: PlayerEvent[] = [];
    for (let next = await first; next.done !== true; next = await events.next()) seen.push(next.value);
    const result = await done;
    expect(seen.at(-1)).toEqual({ type: 'ended', result });
    expect(seen.filter((e) => e.type === 'playback').map((e) => e.event.type)).toEqual(result.session.events.map((e) => e.type));
    expect(seen.filter((e) => e.type === 'beacon')).toHaveLength(result.outcomes.length);
    expect(seen.filter((e) => e.type === 'interruption')).toHaveLength(1);
  });
});
