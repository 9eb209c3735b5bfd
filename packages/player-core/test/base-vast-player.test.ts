import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider } from '@vast/time';
import { MacroExpander, RecordingBeaconTransport } from '@vast/tracker';
import { EXPIRED_AD_ERROR_CODE, PlayerError, isPlayerError, isPreparedAd, prepareAd, type PlayerEvent } from '../src/index.js';
import { INLINE, StepPlayer, WRAPPER, chainAd, events, inlineAd, resolve, urls } from './step-player.js';

const FULL = ['impression', 'creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'];

/** The error a call throws, for matching its code. */
function thrown(call: () => void): PlayerError {
  try {
    call();
  } catch (error) {
    if (isPlayerError(error)) return error;
    throw error;
  }
  throw new Error('the call did not throw');
}

describe('BaseVastPlayer: a full play', () => {
  it('fires each level’s impression together, then creativeView, start, the quartiles and complete, each once, in order', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    const result = await player.play();
    expect(result.status).toBe('completed');
    expect(events(player.transport)).toEqual(FULL.flatMap((event) => [`0:${event}`, `1:${event}`]));
    expect(result.session.events.map((e) => e.type)).toEqual(FULL);
    expect(result.outcomes).toHaveLength(14);
    expect(result.outcomes.every((o) => o.kind === 'recorded')).toBe(true);
    expect(result.ad).toBe(player.ad);
    expect(result.mediaFile?.type).toBe('video/mp4');
  });

  it('expands macros: [ADPLAYHEAD] at each mark, [CACHEBUSTING] from the seeded source', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    await player.play();
    const sent = urls(player.transport);
    expect(sent).toContain('inline.example/t/firstQuartile?ph=00%3A00%3A07.500');
    expect(sent).toContain('wrapper.example/t/complete?ph=00%3A00%3A30.000');
    expect(sent[0]).toMatch(/^inline\.example\/t\/impression\?cb=\d{8}$/);
  });

  it('fires progress offsets of every level once, in media order with the quartiles', async () => {
    const player = new StepPlayer({ ad: chainAd({ progressOffsets: ['00:00:05', '50%', '00:00:15'] }) });
    const { session } = await player.play();
    expect(session.events.map((e) => (e.type === 'progress' ? `progress@${e.mediaTime}` : e.type))).toEqual([
      'impression',
      'creativeView',
      'start',
      'progress@5000',
      'firstQuartile',
      'midpoint',
      'progress@15000',
      'progress@15000',
      'thirdQuartile',
      'complete',
    ]);
    const progress = urls(player.transport).filter((u) => u.includes('/progress'));
    expect(progress).toEqual([
      'inline.example/t/progress?offset=00%3A00%3A05&ph=00%3A00%3A05.000',
      'inline.example/t/progress?offset=50%25&ph=00%3A00%3A15.000',
      'inline.example/t/progress?offset=00%3A00%3A15&ph=00%3A00%3A15.000',
    ]);
  });

  it('plays a bare inline ad as one level, with the config’s static macros and the caller’s values', async () => {
    const config = resolve({ tracker: { staticMacros: { APPNAME: 'tv-app' } } });
    const transport = new RecordingBeaconTransport();
    const ad = inlineAd({ sequence: 3 });
    const player = new StepPlayer({ ad, config, transport, macros: { values: { DEVICEIP: '203.0.113.9' } }, requestContext: { deviceIp: '203.0.113.9' } });
    await player.play();
    const [impression] = transport.beacons();
    expect(impression?.level).toBe(0);
    expect(impression?.requestContext).toEqual({ deviceIp: '203.0.113.9' });
    expect(new Set(transport.beacons().map((b) => b.level))).toEqual(new Set([0]));
  });

  it('records the session with the ad id, creative id, provider, mode and duration', async () => {
    const player = new StepPlayer({ ad: chainAd({ adId: 'ad-42', creativeId: 'cr-9' }), provider: 'tiger' });
    const { session } = await player.play();
    expect(session).toMatchObject({ adId: 'ad-42', creativeId: 'cr-9', provider: 'tiger', mode: 'headless', duration: 30_000, id: 'step-1' });
  });

  it('keeps the caller’s record in the session’s config snapshot under player', async () => {
    const player = new StepPlayer({ ad: chainAd(), record: { selection: { mode: 'headless', reason: 'CI=true' } } });
    const { session } = await player.play();
    expect((session.config as { player: unknown }).player).toEqual({ selection: { mode: 'headless', reason: 'CI=true' } });
    expect((JSON.parse(session.toJSONText()) as { config: { player: { selection: { reason: string } } } }).config.player.selection.reason).toBe('CI=true');
  });

  it('with keepOutcomes off, streams outcomes as beacon events and keeps none in the result', async () => {
    const player = new StepPlayer({ ad: chainAd(), keepOutcomes: false });
    const streamed: string[] = [];
    player.on('beacon', ({ outcome }) => streamed.push(`${outcome.beacon.level}:${outcome.beacon.event}`));
    const result = await player.play();
    expect(result.outcomes).toEqual([]);
    expect(streamed).toEqual(FULL.flatMap((event) => [`0:${event}`, `1:${event}`]));
    expect(result.status).toBe('completed');
  });

  it('shares a macro expander between players', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const expander = new MacroExpander({ time });
    await new StepPlayer({ ad: chainAd(), time, expander }).play();
    await new StepPlayer({ ad: chainAd(), time, expander }).play();
    expect(expander.cacheSize).toBeGreaterThan(0);
    expect(expander.cacheSize).toBeLessThanOrEqual(16);
  });

  it('with trackQuartiles off logs the quartiles but sends no quartile or complete beacon; with trackProgress off no offsets', async () => {
    const quiet = resolve({ playback: { trackQuartiles: false, trackProgress: false } });
    const player = new StepPlayer({ ad: chainAd({ progressOffsets: ['00:00:05'] }), config: quiet });
    const { session } = await player.play();
    expect(session.events.map((e) => e.type)).toEqual(FULL);
    expect(session.progressOffsets).toEqual([]);
    expect(events(player.transport)).toEqual(['0:impression', '1:impression', '0:creativeView', '1:creativeView', '0:start', '1:start']);
  });
});

describe('BaseVastPlayer: an ad that cannot play', () => {
  it.each([
    ['no linear creative', { linear: false }, 201],
    ['no duration', { durationSeconds: null }, 202],
    ['a zero duration', { durationSeconds: 0 }, 202],
    ['only VPAID media', { mediaFiles: [{ type: 'application/javascript', apiFramework: 'VPAID' }, { type: 'video/mp4', apiFramework: 'VPAID' }] }, 403],
    ['only a type the device does not play', { mediaFiles: [{ type: 'video/x-flv' }] }, 403],
    ['only media larger than the screen', { mediaFiles: [{ width: 3840, height: 2160 }] }, 403],
  ] as const)('%s: fires the Error URLs of every level with the code, nothing else, and fails', async (_what, options, code) => {
    const player = new StepPlayer({ ad: chainAd(options) });
    const result = await player.play();
    expect(result.status).toBe('failed');
    expect(result.session.failure?.code).toBe(code);
    expect(urls(player.transport)).toEqual([`inline.example/t/error?code=${code}`, `wrapper.example/t/error?code=${code}`]);
    expect(result.session.events.map((e) => e.type)).toEqual(['error']);
  });

  it('an expired ad (past <Expires> since its last fetch) fails with the expiry code; a fresh one plays', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual', startTime: 1_000_000 });
    const expired = chainAd({ expiresSeconds: 60 }, { chain: [{ startedAt: 1_000_000 - 61_000, durationMs: 200 }] });
    const result = await new StepPlayer({ ad: expired, time }).play();
    expect(result.session.failure?.code).toBe(EXPIRED_AD_ERROR_CODE);
    expect(result.session.failure?.message).toMatch(/expired/);
    const fresh = chainAd({ expiresSeconds: 60 }, { chain: [{ startedAt: 1_000_000 - 30_000, durationMs: 200 }] });
    expect((await new StepPlayer({ ad: fresh, time }).play()).status).toBe('completed');
    // Without a fetch time, receivedAt says when it arrived.
    const later = await new StepPlayer({ ad: inlineAd({ expiresSeconds: 1 }), time, receivedAt: time.now() - 5_000 }).play();
    expect(later.status).toBe('failed');
  });
});

describe('BaseVastPlayer: controls', () => {
  it('before play: pause, resume and skip are refused; stop ends it and play then fires nothing', async () => {
    const player = new StepPlayer({ ad: chainAd({ skipOffset: '00:00:01' }) });
    expect(thrown(() => player.pause()).code).toBe('ILLEGAL_PLAYER_STATE');
    expect(thrown(() => player.resume()).code).toBe('ILLEGAL_PLAYER_STATE');
    expect(thrown(() => player.skip()).code).toBe('ILLEGAL_PLAYER_STATE');
    expect(thrown(() => new StepPlayer({ ad: chainAd() }).skip()).code).toBe('NOT_SKIPPABLE');
    player.mute();
    player.close();
    const result = await player.play();
    expect(result.status).toBe('stopped');
    expect(result.session.events.map((e) => e.type)).toEqual(['close']);
    expect(urls(player.transport)).toEqual([]);
  });

  it('a mute before start is applied right after start: no beacon comes before the impression', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    player.mute();
    player.unmute();
    player.mute();
    expect(player.muted).toBe(true);
    const { session } = await player.play();
    expect(session.events.map((e) => e.type).slice(0, 4)).toEqual(['impression', 'creativeView', 'start', 'mute']);
    expect(events(player.transport).slice(0, 8)).toEqual(['0:impression', '1:impression', '0:creativeView', '1:creativeView', '0:start', '1:start', '0:mute', '1:mute']);
    expect(player.muted).toBe(true);
    const quiet = new StepPlayer({ ad: chainAd() });
    quiet.mute();
    quiet.unmute();
    expect((await quiet.play()).session.events.some((e) => e.type === 'mute')).toBe(false);
  });

  it('pause from a listener holds the ad until resume; pause and resume beacons fire once each', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    player.on('playback', ({ event }) => {
      if (event.type === 'firstQuartile') {
        player.pause();
        setImmediate(() => player.resume());
      }
    });
    const result = await player.play();
    expect(result.status).toBe('completed');
    expect(result.session.events.map((e) => e.type)).toEqual([...FULL.slice(0, 4), 'pause', 'resume', ...FULL.slice(4)]);
    expect(events(player.transport).filter((e) => /pause|resume/.test(e))).toEqual(['0:pause', '1:pause', '0:resume', '1:resume']);
  });

  it('skip: refused without a skipoffset, refused before it, allowed after it; then no complete', async () => {
    expect(thrown(() => new StepPlayer({ ad: chainAd() }).skip()).code).toBe('NOT_SKIPPABLE');
    const player = new StepPlayer({ ad: chainAd({ skipOffset: '00:00:05' }) });
    expect(player.skippableAt).toBe(5_000);
    const refused: string[] = [];
    player.on('playback', ({ event }) => {
      if (event.type === 'start') refused.push(thrown(() => player.skip()).code);
      if (event.type === 'firstQuartile') player.skip();
    });
    const result = await player.play();
    expect(refused).toEqual(['SKIP_NOT_YET_ALLOWED']);
    expect(result.status).toBe('stopped');
    expect(result.session.events.map((e) => e.type)).toEqual([...FULL.slice(0, 4), 'skip']);
    expect(events(player.transport).slice(-2)).toEqual(['0:skip', '1:skip']);
    expect(new StepPlayer({ ad: chainAd({ skipOffset: '25%' }) }).skippableAt).toBe(7_500);
  });

  it('close fires closeLinear; interrupt ends the session interrupted and records the interruption', async () => {
    const closing = new StepPlayer({ ad: chainAd() });
    closing.on('playback', ({ event }) => event.type === 'midpoint' && closing.close());
    expect((await closing.play()).status).toBe('stopped');
    expect(events(closing.transport).slice(-2)).toEqual(['0:closeLinear', '1:closeLinear']);

    const cut = new StepPlayer({ ad: chainAd() });
    const told: PlayerEvent[] = [];
    cut.on('interruption', (event) => told.push(event));
    cut.on('playback', ({ event }) => event.type === 'start' && cut.interrupt({ type: 'channelChange', reason: 'zapped' }));
    const result = await cut.play();
    expect(result.status).toBe('interrupted');
    expect(result.interruptions).toEqual([{ type: 'channelChange', mediaTime: 0, clockTime: result.session.createdAt, outcome: 'stopped' }]);
    expect(told).toHaveLength(1);
    expect(result.session.interruption?.reason).toBe('zapped');
  });

  it('after the end every control is refused, and play cannot run twice', async () => {
    const player = new StepPlayer({ ad: chainAd({ skipOffset: '00:00:01' }) });
    await player.play();
    for (const control of [
      () => player.pause(),
      () => player.resume(),
      () => player.stop(),
      () => player.close(),
      () => player.mute(),
      () => player.unmute(),
      () => player.skip(),
      () => player.interrupt({ type: 'viewerExit', reason: 'late' }),
    ]) {
      expect(thrown(control).code).toBe('ILLEGAL_PLAYER_STATE');
    }
    await expect(player.play()).rejects.toMatchObject({ code: 'ILLEGAL_PLAYER_STATE' });
    expect(events(player.transport).at(-1)).toBe('1:complete');
  });

  it('mute and unmute are logged and fired only on a real change, so the log and the beacons agree', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    player.on('playback', ({ event }) => {
      if (event.type === 'start') {
        player.unmute();
        player.mute();
        player.mute();
        player.unmute();
        player.unmute();
      }
    });
    const { session } = await player.play();
    expect(events(player.transport).filter((e) => e.startsWith('0:') && /mute/.test(e))).toEqual(['0:mute', '0:unmute']);
    expect(session.events.filter((e) => /mute/.test(e.type)).map((e) => e.type)).toEqual(['mute', 'unmute']);
  });
});

describe('BaseVastPlayer: the signal', () => {
  it('aborted before play: the session stops and nothing fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const player = new StepPlayer({ ad: chainAd(), signal: controller.signal });
    const result = await player.play();
    expect(result.status).toBe('stopped');
    expect(urls(player.transport)).toEqual([]);
  });

  it('aborted during play: stop is logged and nothing fires after it', async () => {
    const controller = new AbortController();
    const player = new StepPlayer({ ad: chainAd(), signal: controller.signal });
    player.on('playback', ({ event }) => event.type === 'midpoint' && controller.abort());
    const result = await player.play();
    expect(result.session.events.map((e) => e.type)).toEqual([...FULL.slice(0, 5), 'stop']);
    expect(events(player.transport).at(-1)).toBe('1:midpoint');
  });
});

describe('BaseVastPlayer: events', () => {
  it('iterates every event until ended, and a throwing listener hurts nobody', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    player.on('playback', () => {
      throw new Error('a broken subscriber');
    });
    const seen: string[] = [];
    const iterator = player.events();
    const done = player.play();
    for await (const event of iterator) seen.push(event.type === 'playback' ? event.event.type : event.type);
    expect((await done).status).toBe('completed');
    expect(seen.filter((s) => s !== 'beacon')).toEqual([...FULL, 'ended']);
    expect(seen.filter((s) => s === 'beacon')).toHaveLength(14);
    // After the end an iterator is empty.
    const after: PlayerEvent[] = [];
    for await (const event of player) after.push(event);
    expect(after).toEqual([]);
  });

  it('an iterator stops when its signal aborts', async () => {
    const player = new StepPlayer({ ad: chainAd() });
    const controller = new AbortController();
    const seen: string[] = [];
    const iterator = player.events(controller.signal);
    const done = player.play();
    for await (const event of iterator) {
      seen.push(event.type);
      controller.abort();
    }
    await done;
    expect(seen).toHaveLength(1);
  });

  it('emits timeupdate every tickIntervalMs while someone listens, and unsubscribes', async () => {
    const player = new StepPlayer({ ad: chainAd({ durationSeconds: 10 }), config: resolve({ playback: { tickIntervalMs: 2_500 } }) });
    const positions: number[] = [];
    const off = player.on('timeupdate', ({ position }) => {
      positions.push(position);
      if (position >= 7_500) off();
    });
    await player.play();
    expect(positions).toEqual([2_500, 5_000, 7_500]);
  });
});

describe('BaseVastPlayer: options', () => {
  it('refuses a missing ad or config with INVALID_PLAYER_OPTIONS', () => {
    expect(() => new StepPlayer({} as never)).toThrow(PlayerError);
    expect(thrown(() => new StepPlayer({ ad: chainAd(), config: {} as never })).code).toBe('INVALID_PLAYER_OPTIONS');
    expect(isPlayerError(new Error('x'))).toBe(false);
  });

  it('knows its deadline from maxSessionDurationMs (none when 0) and ends there', async () => {
    const time = new SimulatedTimeProvider({ mode: 'manual', startTime: 0 });
    const limited = new StepPlayer({ ad: chainAd(), time, config: resolve({ playback: { maxSessionDurationMs: 60_000 } }) });
    expect(limited.deadline).toBe(60_000);
    expect(new StepPlayer({ ad: chainAd(), time, config: resolve({ playback: { maxSessionDurationMs: 0 } }) }).deadline).toBe(Number.POSITIVE_INFINITY);
    limited.on('playback', ({ event }) => event.type === 'start' && limited.endNow());
    expect((await limited.play()).status).toBe('stopped');
  });
});

describe('BaseVastPlayer: prepared ads', () => {
  it('plays an ad prepared once exactly as the ad itself, many times', async () => {
    const raw = chainAd({ progressOffsets: ['00:00:05'] }, { sequence: 4, replacesSequence: 4 });
    const prepared = prepareAd(raw);
    expect(isPreparedAd(prepared)).toBe(true);
    expect(isPreparedAd(raw)).toBe(false);
    expect(prepareAd(prepared)).toBe(prepared);
    expect(prepared).toMatchObject({ sequence: 4, replacesSequence: 4, progressOffsets: [{ type: 'time', seconds: 5 }] });
    const direct = new StepPlayer({ ad: raw });
    const once = new StepPlayer({ ad: prepared });
    const twice = new StepPlayer({ ad: prepared });
    const [a, b, c] = await Promise.all([direct.play(), once.play(), twice.play()]);
    expect(b.session.toJSONText()).toBe(a.session.toJSONText());
    expect(c.session.toJSONText()).toBe(a.session.toJSONText());
    expect(urls(once.transport)).toEqual(urls(direct.transport));
    expect(Object.isFrozen(prepared)).toBe(true);
  });
});

describe('BaseVastPlayer: levels', () => {
  it('a resolved ad without its inline part plays the merged ad as one level', async () => {
    const merged = inlineAd();
    const player = new StepPlayer({ ad: { ad: merged } });
    await player.play();
    expect(events(player.transport)).toEqual(FULL.map((e) => `0:${e}`));
    expect(urls(player.transport).every((u) => u.startsWith('inline.example'))).toBe(true);
    expect(INLINE).not.toBe(WRAPPER);
  });
});
