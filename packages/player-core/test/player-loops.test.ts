import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, type TimeProvider } from '@vast/time';
import { RecordingBeaconTransport } from '@vast/tracker';
import { BaseVastPlayer, type BaseVastPlayerOptions } from '../src/index.js';
import { chainAd, resolve } from './step-player.js';

/** A player whose loop waits on the clock with the end signal, as a clock-driven player does. */
class SleepingPlayer extends BaseVastPlayer {
  woke: unknown;
  constructor(options: Omit<BaseVastPlayerOptions, 'config'>, readonly loop: (player: SleepingPlayer) => Promise<void>) {
    super({ ...options, config: resolve() }, { mode: 'real', transport: new RecordingBeaconTransport(), sessionId: 'sleepy' });
  }
  protected defaultTimeProvider(): TimeProvider {
    return new SimulatedTimeProvider({ mode: 'manual' });
  }
  protected runProgress(): Promise<void> {
    return this.loop(this);
  }
  get signal(): AbortSignal {
    return this.endSignal;
  }
  paused(): Promise<void> {
    return this.waitWhilePaused();
  }
  clock(): TimeProvider {
    return this.time;
  }
}

describe('BaseVastPlayer: the loop', () => {
  it('a loop waiting on the end signal is released by a control, and the signal stays aborted', async () => {
    const player = new SleepingPlayer({ ad: chainAd() }, async (self) => {
      await self.paused(); // not paused: returns at once
      self.woke = await self.clock().sleep(3_600_000, self.signal).catch((reason: unknown) => reason);
    });
    const done = player.play();
    await Promise.resolve();
    player.stop();
    const result = await done;
    expect(result.status).toBe('stopped');
    expect(player.woke).toBeInstanceOf(Error);
    expect(player.signal.aborted).toBe(true);
  });

  it('a loop that throws fails the session with 900 and says why; Error pixels fire', async () => {
    const broken = new SleepingPlayer({ ad: chainAd() }, () => Promise.reject(new Error('the device vanished')));
    const result = await broken.play();
    expect(result.session.failure).toMatchObject({ code: 900, message: 'the player failed: the device vanished' });
    expect(result.outcomes.filter((o) => o.beacon.event === 'error')).toHaveLength(2);
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a loop may throw anything
    const odd = await new SleepingPlayer({ ad: chainAd() }, () => Promise.reject('a string')).play();
    expect(odd.session.failure?.message).toBe('the player failed: a string');
  });

  it('a signal asked for after the end is already aborted', async () => {
    const player = new SleepingPlayer({ ad: chainAd() }, async (self) => {
      self.stop();
      await Promise.resolve();
    });
    await player.play();
    expect(player.signal.aborted).toBe(true);
  });
});
