import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, PlaybackSession, replay, type PlaybackEvent, type ReplayContext } from '../src/index.js';

const START = Date.UTC(2030, 0, 1);

function recorded(): PlaybackSession {
  const time = new SimulatedTimeProvider({ mode: 'manual', startTime: START });
  const session = new PlaybackSession({ id: 'r', adId: 'a', duration: 8_000, time });
  session.load();
  time.tick(200);
  session.impression();
  session.start();
  time.tick(2_000);
  session.updatePosition(2_000);
  session.pause();
  time.tick(1_000);
  session.resume();
  time.tick(6_000);
  session.complete();
  return session;
}

describe('replay', () => {
  it('visits every event in order with the statuses around it, type handler first, then onEvent', async () => {
    const session = recorded();
    const calls: string[] = [];
    const contexts: ReplayContext[] = [];
    const result = await replay(session.events, {
      impression: (event) => void calls.push(`impression@${event.clockTime - START}`),
      firstQuartile: (event) => void calls.push(`firstQuartile@${event.mediaTime}`),
      onEvent: (event, context) => {
        calls.push(`* ${event.type}`);
        contexts.push(context);
      },
    });
    expect(result).toEqual({ events: 8, status: 'completed' });
    expect(calls).toEqual([
      'impression@200',
      '* impression',
      '* start',
      'firstQuartile@2000',
      '* firstQuartile',
      '* pause',
      '* resume',
      '* midpoint',
      '* thirdQuartile',
      '* complete',
    ]);
    expect(contexts[1]).toEqual({ index: 1, statusBefore: 'created', statusAfter: 'playing' });
    expect(contexts[3]).toEqual({ index: 3, statusBefore: 'playing', statusAfter: 'paused' });
    expect(contexts[7]).toEqual({ index: 7, statusBefore: 'playing', statusAfter: 'completed' });
  });

  it('waits for async handlers one at a time', async () => {
    const session = recorded();
    const time = new SimulatedTimeProvider();
    const order: string[] = [];
    await replay(session.events.slice(0, 3), {
      onEvent: async (event) => {
        order.push(`begin ${event.type}`);
        await time.sleep(10);
        order.push(`end ${event.type}`);
      },
    });
    expect(order).toEqual(['begin impression', 'end impression', 'begin start', 'end start', 'begin firstQuartile', 'end firstQuartile']);
  });

  it('stops at the first event no session could have produced (an audit)', async () => {
    const events: PlaybackEvent[] = [
      { type: 'start', mediaTime: 0, clockTime: 1 },
      { type: 'complete', mediaTime: 10, clockTime: 2 },
      { type: 'pause', mediaTime: 10, clockTime: 3 },
    ];
    const seen: string[] = [];
    const error = await replay(events, { onEvent: (event) => void seen.push(event.type) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toMatchObject({ from: 'completed', to: 'paused' });
    expect(seen).toEqual(['start', 'complete']);
  });

  it('paces the replay on the given clock by the recorded gaps', async () => {
    const session = recorded();
    const time = new SimulatedTimeProvider({ startTime: 0 });
    const at: number[] = [];
    await replay(session.events, { onEvent: () => void at.push(time.now()) }, { time });
    const recordedOffsets = session.events.map((e) => e.clockTime - (session.events[0]?.clockTime ?? 0));
    expect(at).toEqual(recordedOffsets);
    expect(at.at(-1)).toBe(9_000);
  });

  it('stops when the signal aborts, before the next event or during a paced wait', async () => {
    const session = recorded();
    const reason = new Error('operator cancelled');
    const seen: string[] = [];
    await expect(replay(session.events, { onEvent: () => void seen.push('x') }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(seen).toEqual([]);

    const controller = new AbortController();
    const stopped = replay(
      session.events,
      {
        onEvent: (event) => {
          seen.push(event.type);
          if (event.type === 'start') controller.abort(reason);
        },
      },
      { signal: controller.signal },
    );
    await expect(stopped).rejects.toBe(reason);
    expect(seen).toEqual(['impression', 'start']);

    const manual = new SimulatedTimeProvider({ mode: 'manual' });
    const waiting = new AbortController();
    const paced = replay(session.events, {}, { time: manual, signal: waiting.signal });
    await new Promise((resolve) => setImmediate(resolve));
    expect(manual.pendingCount).toBe(1);
    waiting.abort(reason);
    await expect(paced).rejects.toBe(reason);
    expect(manual.pendingCount).toBe(0);
  });

  it('replays an empty log to created', async () => {
    expect(await replay([], {})).toEqual({ events: 0, status: 'created' });
  });
});
