import { describe, expect, it } from 'vitest';
import type { PlayerEvent } from '@vast/player-core';
import { RecordingBeaconTransport } from '@vast/tracker';
import { VastPlayer } from '../src/index.js';
import { clockedPlayer, codeOf, configWith, testAd } from './helpers.js';

const START = ['impression', 'creativeView', 'start'];
const QUARTILES = ['firstQuartile', 'midpoint', 'thirdQuartile', 'complete'];

describe('VastPlayer on the clock', () => {
  it('fires start at once, then each quartile and complete at its media time', async () => {
    const { time, player, transport, events } = clockedPlayer();
    const logged: string[] = [];
    player.on('playback', ({ event }) => logged.push(`${event.type}@${event.mediaTime}/${time.monotonic()}`));
    const done = player.play();
    expect(events()).toEqual(START);
    await time.tickAsync(999);
    expect(events()).toEqual(START);
    await time.tickAsync(1);
    expect(events()).toEqual([...START, 'firstQuartile']);
    await time.tickAsync(3_000);
    const result = await done;
    expect(result.status).toBe('completed');
    expect(events()).toEqual([...START, ...QUARTILES]);
    expect(logged.filter((l) => !l.startsWith('impression') && !l.startsWith('creativeView') && !l.startsWith('start'))).toEqual([
      'firstQuartile@1000/1000',
      'midpoint@2000/2000',
      'thirdQuartile@3000/3000',
      'complete@4000/4000',
    ]);
    const startedAt = time.startTime;
    expect(transport.beacons().map((b) => `${b.event}+${b.time - startedAt}`)).toEqual([
      'impression+0',
      'creativeView+0',
      'start+0',
      'firstQuartile+1000',
      'midpoint+2000',
      'thirdQuartile+3000',
      'complete+4000',
    ]);
    expect(transport.beacons().find((b) => b.event === 'midpoint')?.url).toContain('00%3A00%3A02.000');
    expect(result.outcomes.every((o) => o.kind === 'recorded')).toBe(true);
  });

  it('fires progress offsets (time and percent) in media order between the quartiles', async () => {
    const { time, player, transport } = clockedPlayer({ ad: testAd({ progressOffsets: ['00:00:01.500', '10%', '00:00:03.999'] }) });
    const done = player.play();
    await time.tickAsync(4_000);
    await done;
    const marks = transport.beacons().map((b) => (b.event === 'progress' ? `progress@${b.time - time.startTime}` : b.event));
    expect(marks).toEqual([...START, 'progress@400', 'firstQuartile', 'progress@1500', 'midpoint', 'thirdQuartile', 'progress@3999', 'complete']);
  });

  it('stops the ad clock while paused: the marks move by the length of the pause', async () => {
    const { time, player, events } = clockedPlayer();
    const done = player.play();
    await time.tickAsync(1_500);
    player.pause();
    await time.tickAsync(10_000);
    expect(events()).toEqual([...START, 'firstQuartile', 'pause']);
    player.resume();
    await time.tickAsync(499);
    expect(events()).toEqual([...START, 'firstQuartile', 'pause', 'resume']);
    await time.tickAsync(1);
    expect(events()).toEqual([...START, 'firstQuartile', 'pause', 'resume', 'midpoint']);
    await time.tickAsync(2_000);
    expect((await done).status).toBe('completed');
    const atMs = (type: string) => {
      const event = player.session.events.find((e) => e.type === type);
      return (event?.clockTime ?? Number.NaN) - time.startTime;
    };
    expect([atMs('midpoint'), atMs('thirdQuartile'), atMs('complete')]).toEqual([12_000, 13_000, 14_000]);
    expect(events()).toEqual([...START, 'firstQuartile', 'pause', 'resume', 'midpoint', 'thirdQuartile', 'complete']);
  });

  it('sends timeupdate every tickIntervalMs while someone listens, at that media time', async () => {
    const { time, player } = clockedPlayer({ config: configWith({ tickIntervalMs: 500 }) });
    const updates: string[] = [];
    const off = player.on('timeupdate', ({ position }) => updates.push(`${position}/${time.monotonic()}`));
    const done = player.play();
    await time.tickAsync(2_000);
    expect(updates).toEqual(['500/500', '1000/1000', '1500/1500', '2000/2000']);
    off();
    await time.tickAsync(2_000);
    await done;
    expect(updates).toHaveLength(4);
  });

  it('gives every event through the async iterator, ending with ended', async () => {
    const { time, player } = clockedPlayer();
    const seen: string[] = [];
    const iterate = (async () => {
      for await (const event of player.events()) seen.push(event.type === 'playback' ? event.event.type : event.type);
    })();
    const done = player.play();
    await time.tickAsync(4_000);
    await done;
    await iterate;
    // The iterator gives everything but timeupdate (which only on() gives: it costs a wake-up per tick).
    expect(seen.filter((type) => type !== 'beacon')).toEqual([...START, ...QUARTILES, 'ended']);
    expect(seen.filter((type) => type === 'beacon')).toHaveLength(7);
  });

  it('stops iterating when the iterator signal aborts', async () => {
    const { time, player } = clockedPlayer();
    const stop = new AbortController();
    const seen: PlayerEvent[] = [];
    const iterate = (async () => {
      for await (const event of player.events(stop.signal)) seen.push(event);
    })();
    const done = player.play();
    await time.tickAsync(1_000);
    stop.abort();
    await iterate;
    const count = seen.length;
    await time.tickAsync(3_000);
    await done;
    expect(count).toBeGreaterThan(0);
    expect(seen).toHaveLength(count);
  });

  it('plays on a scheduler of its own when none is given', async () => {
    const { time } = clockedPlayer();
    const transport = new RecordingBeaconTransport();
    const player = new VastPlayer({ ad: testAd({ durationSeconds: 2 }), config: configWith(), transport, time });
    const done = player.play();
    await time.tickAsync(2_000);
    expect((await done).status).toBe('completed');
    expect(transport.beacons().map((b) => b.event)).toEqual([...START, ...QUARTILES]);
    expect(player.progressSource).toBe('clock');
  });

  it('follows the clock of a shared scheduler when given no clock of its own', async () => {
    const { time, scheduler } = clockedPlayer();
    const transport = new RecordingBeaconTransport();
    const player = new VastPlayer({ ad: testAd({ durationSeconds: 2 }), config: configWith(), transport, scheduler });
    const done = player.play();
    await time.tickAsync(2_000);
    expect((await done).status).toBe('completed');
    expect(transport.beacons().map((b) => `${b.event}+${b.time - time.startTime}`)).toEqual([
      'impression+0',
      'creativeView+0',
      'start+0',
      'firstQuartile+500',
      'midpoint+1000',
      'thirdQuartile+1500',
      'complete+2000',
    ]);
  });

  it('refuses a clock other than the shared scheduler\'s', () => {
    const { scheduler } = clockedPlayer();
    const other = clockedPlayer().time;
    expect(codeOf(() => new VastPlayer({ ad: testAd(), config: configWith(), transport: new RecordingBeaconTransport(), scheduler, time: other }))).toBe('INVALID_PLAYER_OPTIONS');
  });

  it('runs many players on one scheduler with a single timer', async () => {
    const { time, scheduler } = clockedPlayer();
    const transport = new RecordingBeaconTransport();
    const players = Array.from({ length: 50 }, (_, i) => new VastPlayer({ ad: testAd({ durationSeconds: 2 + (i % 3) }), config: configWith(), transport, scheduler, time }));
    const done = players.map((p) => p.play());
    expect(time.pendingCount).toBe(1);
    await time.tickAsync(4_000);
    const results = await Promise.all(done);
    expect(results.every((r) => r.status === 'completed')).toBe(true);
    expect(transport.beacons().filter((b) => b.event === 'complete')).toHaveLength(50);
    expect(scheduler.size).toBe(0);
  });

  it('holds one task per session on the scheduler: its next mark, or its deadline while paused', async () => {
    const { time, scheduler } = clockedPlayer();
    const transport = new RecordingBeaconTransport();
    const config = configWith({ maxSessionDurationMs: 60_000 });
    const players = Array.from({ length: 10 }, () => new VastPlayer({ ad: testAd(), config, transport, scheduler, time }));
    const done = players.map((p) => p.play());
    expect(scheduler.size).toBe(10);
    await time.tickAsync(1_500);
    expect(scheduler.size).toBe(10);
    for (const player of players) player.pause();
    expect(scheduler.size).toBe(10);
    // Paused: only the deadline is left, so nothing fires until it comes.
    await time.tickAsync(10_000);
    expect(players.every((p) => p.status === 'paused')).toBe(true);
    await time.tickAsync(60_000);
    const results = await Promise.all(done);
    expect(results.every((r) => r.status === 'stopped')).toBe(true);
    expect(scheduler.size).toBe(0);
  });

  it('fails an ad with no playable media with 403 and its error beacon only', async () => {
    const { time, player, transport } = clockedPlayer({ ad: testAd({ mediaFiles: [{ type: 'application/javascript', apiFramework: 'VPAID' }] }) });
    const result = await player.play();
    expect(result.status).toBe('failed');
    expect(transport.beacons().map((b) => b.url)).toEqual(['https://track.example/inline/error?code=403']);
    expect(time.pendingCount).toBe(0);
  });
});
