import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockedPlayer, codeOf, configWith, testAd } from './helpers.js';

const START = ['impression', 'creativeView', 'start'];

function reported(options: Parameters<typeof clockedPlayer>[0] = {}): ReturnType<typeof clockedPlayer> {
  return clockedPlayer({ progress: 'reported', ...options });
}

describe('VastPlayer driven by reported progress', () => {
  it('fires each mark once, in media order, whatever the order and repetition of the reports', async () => {
    const { player, transport, events } = reported({ ad: testAd({ progressOffsets: ['00:00:00.500', '50%'] }) });
    const done = player.play();
    expect(player.progressSource).toBe('reported');
    player.reportProgress(0.2);
    expect(events()).toEqual(START);
    player.reportProgress(0.6);
    player.reportProgress(0.6);
    player.reportProgress(0.3); // behind the furthest report: nothing
    expect(events()).toEqual([...START, 'progress']);
    player.reportProgress(3.1); // segment prefetch: a jump over three marks
    expect(events()).toEqual([...START, 'progress', 'firstQuartile', 'midpoint', 'progress', 'thirdQuartile']);
    player.reportProgress(1.0);
    player.reportProgress(3.1);
    player.reportProgress(4);
    const result = await done;
    expect(result.status).toBe('completed');
    expect(events()).toEqual([...START, 'progress', 'firstQuartile', 'midpoint', 'progress', 'thirdQuartile', 'complete']);
    // The progress beacons are the offsets' own URLs, each once.
    expect(transport.beacons().filter((b) => b.event === 'progress').map((b) => new URL(b.url).searchParams.get('offset'))).toEqual(['00:00:00.500', '50%']);
    // [ADPLAYHEAD] carries the reported playhead at which the mark was seen.
    expect(transport.beacons().find((b) => b.event === 'midpoint')?.url).toContain('ph=00%3A00%3A03.100');
  });

  it('completes on a report at or past the duration, and ignores reports after the end', async () => {
    const { player, events } = reported();
    const done = player.play();
    player.reportProgress(99);
    expect((await done).status).toBe('completed');
    expect(events()).toEqual([...START, 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete']);
    player.reportProgress(5);
    expect(events()).toHaveLength(7);
  });

  it('ignores reports before play() and while paused', async () => {
    const { player, events } = reported();
    player.reportProgress(3);
    expect(events()).toEqual([]);
    const done = player.play();
    expect(events()).toEqual(START);
    player.pause();
    player.reportProgress(3.5);
    expect(events()).toEqual([...START, 'pause']);
    player.resume();
    player.reportProgress(1);
    expect(events()).toEqual([...START, 'pause', 'resume', 'firstQuartile']);
    player.stop();
    expect((await done).status).toBe('stopped');
  });

  it('does not move with the clock', async () => {
    const { player, time, events } = reported({ config: configWith({ maxSessionDurationMs: 0 }) });
    const done = player.play();
    await time.tickAsync(60_000);
    expect(player.status).toBe('playing');
    expect(player.session.position).toBe(0);
    expect(events()).toEqual(START);
    player.reportProgress(4);
    await done;
  });

  it('skip() follows the reported playhead', async () => {
    const { player, events } = reported({ ad: testAd({ skipOffset: '00:00:02' }) });
    const done = player.play();
    player.reportProgress(1.5);
    expect(codeOf(() => player.skip())).toBe('SKIP_NOT_YET_ALLOWED');
    player.reportProgress(2);
    player.skip();
    expect((await done).status).toBe('stopped');
    expect(events()).toEqual([...START, 'firstQuartile', 'midpoint', 'skip']);
  });

  it('ends the session with stop at maxSessionDurationMs when the reports stop', async () => {
    const { player, time, events } = reported({ config: configWith({ maxSessionDurationMs: 8_000 }) });
    const done = player.play();
    await time.tickAsync(1_000);
    player.reportProgress(1);
    await time.tickAsync(6_999);
    expect(player.status).toBe('playing');
    await time.tickAsync(1);
    const result = await done;
    expect(result.status).toBe('stopped');
    expect(result.session.events.at(-1)?.clockTime).toBe(time.startTime + 8_000);
    expect(events()).toEqual([...START, 'firstQuartile']);
    expect(time.pendingCount).toBe(0);
  });

  it('sends timeupdate on reports that cross a tick', async () => {
    const { player } = reported({ config: configWith({ tickIntervalMs: 1_000 }) });
    const positions: number[] = [];
    player.on('timeupdate', ({ position }) => positions.push(position));
    const done = player.play();
    for (const seconds of [0.5, 1.2, 1.4, 0.2, 3.5, 4]) player.reportProgress(seconds);
    await done;
    expect(positions).toEqual([1_200, 3_500, 4_000]);
  });

  it('refuses a value that is not a finite number >= 0 with INVALID_ARGUMENT, changing nothing', () => {
    const { player, events } = reported();
    void player.play();
    for (const bad of [Number.NaN, -0.001, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '2', undefined, null]) {
      expect(codeOf(() => player.reportProgress(bad as number))).toBe('INVALID_ARGUMENT');
    }
    expect(events()).toEqual(START);
    player.stop();
  });

  it('refuses reportProgress() on a player that follows the clock with ILLEGAL_PLAYER_STATE', () => {
    const { player } = clockedPlayer();
    expect(codeOf(() => player.reportProgress(1))).toBe('ILLEGAL_PLAYER_STATE');
  });

  it('property: any report sequence fires each reached mark once, in media order, as the session logged it', async () => {
    const offsets = ['00:00:00.700', '10%', '00:00:02.500', '90%'];
    // Marks in media order: (name, ms).
    const marks: [string, number][] = [
      ['progress', 400],
      ['progress', 700],
      ['firstQuartile', 1_000],
      ['midpoint', 2_000],
      ['progress', 2_500],
      ['thirdQuartile', 3_000],
      ['progress', 3_600],
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 4_400 }), { maxLength: 30 }), async (reports) => {
        const { player, transport } = reported({ ad: testAd({ progressOffsets: offsets }) });
        const done = player.play();
        for (const ms of reports) player.reportProgress(ms / 1000);
        const furthest = Math.max(0, ...reports);
        if (player.status === 'playing') player.stop();
        await done;
        const fired = transport
          .beacons()
          .slice(3)
          .map((b) => b.event);
        const reached = marks.filter(([, at]) => at <= Math.min(furthest, 4_000)).map(([name]) => name);
        expect(fired).toEqual(furthest >= 4_000 ? [...reached, 'complete'] : reached);
        const logged = player.session.events.slice(3).map((e) => e.type).filter((t) => t !== 'stop');
        expect(logged).toEqual(fired);
      }),
      { numRuns: 200 },
    );
  });
});
