import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { PlaybackSession } from '../src/index.js';

/** A tiny headless player loop: what player-headless does, reduced to the session calls. */
async function play(time: SimulatedTimeProvider, id: string, seed: number, signal?: AbortSignal): Promise<PlaybackSession> {
  const random = createSeededRandom(seed);
  const session = new PlaybackSession({
    id,
    adId: `ad-${seed}`,
    duration: 30_000,
    progressOffsets: [{ type: 'percent', percent: 10 }],
    config: { seed },
    time,
  });
  session.load();
  await time.sleep(random.int(100, 900), signal);
  session.impression();
  session.creativeView();
  session.start();
  const interruptAt = random.next() < 0.5 ? random.int(1, 29) * 1_000 : null;
  for (let position = 250; position <= 30_000; position += 250) {
    await time.sleep(250, signal);
    if (interruptAt !== null && position >= interruptAt) {
      session.interrupt({ type: 'channel_switch', reason: 'simulated' });
      return session;
    }
    session.updatePosition(position);
  }
  session.complete();
  return session;
}

describe('a session on a simulated clock', () => {
  it('plays a 30-second ad at once, with clock times 30 virtual seconds apart', async () => {
    const time = new SimulatedTimeProvider({ startTime: 0 });
    const session = await play(time, 'one', 5); // seed 5 draws no interruption
    expect(session.status).toBe('completed');
    expect(session.events.map((e) => e.type)).toEqual([
      'impression', 'creativeView', 'start', 'progress', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete',
    ]);
    const start = session.events.find((e) => e.type === 'start');
    expect((session.events.at(-1)?.clockTime ?? 0) - (start?.clockTime ?? 0)).toBe(30_000);
    expect(session.timing.playingMs).toBe(30_000);
  });

  it('records where a seeded interruption cut the ad off', async () => {
    const session = await play(new SimulatedTimeProvider({ startTime: 0 }), 'two', 2); // seed 2: at 9 s
    expect(session.status).toBe('interrupted');
    expect(session.interruption).toMatchObject({ type: 'channel_switch', mediaTime: 8_750 });
    expect(session.events.map((e) => e.type)).toEqual([
      'impression', 'creativeView', 'start', 'progress', 'firstQuartile', 'interruption',
    ]);
  });

  it('gives byte-identical JSON for the same seed, and different JSON for another', async () => {
    const run = async (seed: number) => JSON.stringify(await play(new SimulatedTimeProvider(), 'same-id', seed));
    const first = await run(7);
    expect(await run(7)).toBe(first);
    expect(await run(8)).not.toBe(first);
  });

  it('runs concurrent sessions on one clock deterministically', async () => {
    const run = async () => {
      const time = new SimulatedTimeProvider();
      const sessions = await Promise.all([1, 2, 3, 4].map((seed) => play(time, `s${seed}`, seed)));
      return JSON.stringify(sessions);
    };
    expect(await run()).toBe(await run());
  });

  it('stops waiting when aborted, leaving the session where it was', async () => {
    const time = new SimulatedTimeProvider();
    const controller = new AbortController();
    const playing = play(time, 'abort', 3, controller.signal);
    controller.abort(new Error('viewer left'));
    await expect(playing).rejects.toThrow('viewer left');
    expect(time.pendingCount).toBe(0);
  });
});
