import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import {
  MacroExpander,
  NullBeaconTransport,
  RecordingBeaconTransport,
  Tracker,
  onceKeyOf,
  progressOffsetsOf,
  type BeaconOutcome,
  type BeaconTransport,
  type PlaybackMark,
  type TrackerSessionOptions,
  type TrackingSet,
} from '../src/index.js';

const inline = 'https://inline.example';
const wrapper = 'https://wrapper.example';

const tracking: TrackingSet = {
  levels: [
    {
      impressions: [`${inline}/imp?cb=[CACHEBUSTING]`],
      errors: [`${inline}/err?code=[ERRORCODE]&ph=[ADPLAYHEAD]`],
      events: [
        { event: 'creativeView', url: `${inline}/cv` },
        { event: 'start', url: `${inline}/start` },
        { event: 'firstQuartile', url: `${inline}/q1?ph=[ADPLAYHEAD]` },
        { event: 'midpoint', url: `${inline}/mid` },
        { event: 'thirdQuartile', url: `${inline}/q3` },
        { event: 'complete', url: `${inline}/complete` },
        { event: 'pause', url: `${inline}/pause` },
        { event: 'resume', url: `${inline}/resume` },
        { event: 'mute', url: `${inline}/mute` },
        { event: 'unmute', url: `${inline}/unmute` },
        { event: 'rewind', url: `${inline}/rewind` },
        { event: 'progress', url: `${inline}/p5s`, offset: { type: 'time', seconds: 5 } },
        { event: 'progress', url: `${inline}/p10pct`, offset: { type: 'percent', percent: 10 } },
        { event: 'progress', url: `${inline}/p-none` },
      ],
      clickTrackings: [`${inline}/click`],
    },
    {
      impressions: [`${wrapper}/imp`],
      errors: [`${wrapper}/err?code=[ERRORCODE]`],
      events: [
        { event: 'start', url: `${wrapper}/start` },
        { event: 'progress', url: `${wrapper}/p5s`, offset: { type: 'time', seconds: 5 } },
      ],
    },
  ],
};

function setup(overrides: Partial<TrackerSessionOptions> = {}) {
  const time = new SimulatedTimeProvider({ mode: 'manual' });
  const transport = new RecordingBeaconTransport();
  const tracker = new Tracker({
    tracking,
    transport,
    time,
    macros: { random: createSeededRandom(3) },
    ...overrides,
  });
  const urls = () => transport.beacons().map((b) => b.url.replace(/cb=\d+/, 'cb=N'));
  return { time, transport, tracker, urls };
}

describe('Tracker: events to URLs on every level', () => {
  it('fires the impression of the inline ad and of every wrapper, with macros expanded', () => {
    const { tracker, urls } = setup();
    const beacons = tracker.track('impression');
    expect(beacons.map((b) => [b.event, b.level])).toEqual([
      ['impression', 0],
      ['impression', 1],
    ]);
    expect(beacons[0]?.url).toMatch(/^https:\/\/inline\.example\/imp\?cb=[1-9]\d{7}$/);
    expect(beacons[0]?.template).toBe(`${inline}/imp?cb=[CACHEBUSTING]`);
    expect(urls()).toEqual([`${inline}/imp?cb=N`, `${wrapper}/imp`]);
  });

  it('fires an event on every level that has it', () => {
    const { tracker, urls } = setup();
    tracker.track('start');
    expect(urls()).toEqual([`${inline}/start`, `${wrapper}/start`]);
  });

  it('stamps beacons with increasing ids, the clock time and the request context', () => {
    const { tracker, time } = setup({ requestContext: { deviceIp: '203.0.113.7' } });
    const [a] = tracker.track('creativeView');
    time.tick(1000);
    const [b] = tracker.track('start');
    expect(a?.id).toBe(1);
    expect(b?.id).toBe(2);
    expect((b?.time ?? 0) - (a?.time ?? 0)).toBe(1000);
    expect(b?.requestContext).toEqual({ deviceIp: '203.0.113.7' });
  });

  it('fires click trackings every time', () => {
    const { tracker, urls } = setup();
    tracker.track('clickTracking');
    tracker.track('clickTracking');
    expect(urls()).toEqual([`${inline}/click`, `${inline}/click`]);
  });

  it('fires repeatable events such as rewind each time', () => {
    const { tracker } = setup();
    expect(tracker.track('rewind')).toHaveLength(1);
    expect(tracker.track('rewind')).toHaveLength(1);
  });

  it('uses session values and event values together in macros', () => {
    const { tracker, transport } = setup({ context: { values: { DEVICEIP: '1.1.1.1' } } });
    const custom = new Tracker({
      tracking: { levels: [{ impressions: ['https://x.example/?ip=[DEVICEIP]&n=[ADCOUNT]'], errors: [], events: [] }] },
      transport,
      time: new SimulatedTimeProvider(),
      context: { values: { DEVICEIP: '1.1.1.1', ADCOUNT: 1 } },
    });
    const [beacon] = custom.track('impression', { values: { ADCOUNT: 2 } });
    expect(beacon?.url).toBe('https://x.example/?ip=1.1.1.1&n=2');
    expect(tracker.track('start')).toHaveLength(2);
  });

  it('can share one expander between trackers', () => {
    const time = new SimulatedTimeProvider();
    const expander = new MacroExpander({ time, random: createSeededRandom(1) });
    const make = () => new Tracker({ tracking, transport: new NullBeaconTransport(), time, expander });
    make().track('impression');
    make().track('impression');
    expect(expander.cacheSize).toBe(2);
  });
});

describe('Tracker: exactly once', () => {
  it('fires impression, creativeView, start and complete once whatever is called', () => {
    const { tracker } = setup();
    for (const event of ['impression', 'creativeView', 'start', 'complete']) {
      expect(tracker.track(event).length, event).toBeGreaterThan(0);
      expect(tracker.track(event), event).toEqual([]);
    }
  });

  it('fires each quartile the session reports once, with the playhead in [ADPLAYHEAD]', () => {
    const { tracker, urls } = setup();
    expect(tracker.reached({ type: 'firstQuartile' }, { adPlayheadMs: 7_500 })).toHaveLength(1);
    expect(tracker.reached({ type: 'firstQuartile' }, { adPlayheadMs: 7_600 })).toEqual([]);
    tracker.reached({ type: 'midpoint' });
    tracker.reached({ type: 'thirdQuartile' });
    tracker.reached({ type: 'thirdQuartile' });
    expect(urls()).toEqual([`${inline}/q1?ph=00%3A00%3A07.500`, `${inline}/mid`, `${inline}/q3`]);
  });

  it('fires every URL of a progress offset on every level, once', () => {
    const { tracker } = setup();
    const at5 = tracker.reached({ type: 'progress', offset: { type: 'time', seconds: 5 } });
    expect(at5.map((b) => [b.url, b.level, b.offset])).toEqual([
      [`${inline}/p5s`, 0, { type: 'time', seconds: 5 }],
      [`${wrapper}/p5s`, 1, { type: 'time', seconds: 5 }],
    ]);
    expect(tracker.reached({ type: 'progress', offset: { type: 'time', seconds: 5 } })).toEqual([]);
    expect(tracker.reached({ type: 'progress', offset: { type: 'percent', percent: 10 } }).map((b) => b.url)).toEqual([`${inline}/p10pct`]);
    // 5 % is not 5 s: an offset matches only URLs of the same kind and value.
    expect(tracker.reached({ type: 'progress', offset: { type: 'percent', percent: 5 } })).toEqual([]);
  });

  it('lists the distinct progress offsets of every level, for the session to log', () => {
    expect(progressOffsetsOf(tracking)).toEqual([
      { type: 'time', seconds: 5 },
      { type: 'percent', percent: 10 },
    ]);
    expect(progressOffsetsOf({ levels: [] })).toEqual([]);
  });

  it('ignores progress as a direct event', () => {
    const { tracker } = setup();
    expect(tracker.track('progress')).toEqual([]);
  });

  it('pause/resume and mute/unmute fire on each real change, never twice in a row', () => {
    const { tracker, urls } = setup();
    const calls = ['resume', 'pause', 'pause', 'resume', 'resume', 'pause', 'mute', 'mute', 'unmute', 'unmute', 'mute'];
    for (const event of calls) tracker.track(event);
    expect(urls().map((u) => u.slice(inline.length + 1))).toEqual(['pause', 'resume', 'pause', 'mute', 'unmute', 'mute']);
  });

  it('starts muted when the saved state says so', () => {
    const { tracker } = setup({ state: { fired: [], toggles: { paused: false, muted: true, fullscreen: false, expanded: false }, lastBeaconId: 0 } });
    expect(tracker.track('mute')).toEqual([]);
    expect(tracker.track('unmute')).toHaveLength(1);
  });

  it('a replay with the saved state fires nothing already fired and continues the ids', () => {
    const first = setup();
    first.tracker.track('impression');
    first.tracker.track('start');
    first.tracker.reached({ type: 'firstQuartile' });
    first.tracker.reached({ type: 'midpoint' });
    first.tracker.reached({ type: 'progress', offset: { type: 'time', seconds: 5 } });
    first.tracker.track('pause');
    first.tracker.error(402);
    const saved = JSON.parse(JSON.stringify(first.tracker.state())) as ReturnType<Tracker['state']>;
    const replay = setup({ state: saved });
    replay.tracker.track('impression');
    replay.tracker.track('start');
    replay.tracker.reached({ type: 'firstQuartile' });
    replay.tracker.reached({ type: 'midpoint' });
    replay.tracker.reached({ type: 'progress', offset: { type: 'time', seconds: 5 } });
    replay.tracker.track('pause');
    replay.tracker.error(402);
    expect(replay.transport.beacons()).toEqual([]);
    const [resume] = replay.tracker.track('resume');
    expect(resume?.id).toBe(first.transport.beacons().length + 1);
    expect(replay.tracker.reached({ type: 'thirdQuartile' }).map((b) => b.event)).toEqual(['thirdQuartile']);
  });

  it('any sequence of player calls fires each once-only beacon at most once (property)', () => {
    const command = fc.oneof(
      fc.constantFrom('impression', 'creativeView', 'start', 'complete', 'pause', 'resume', 'mute', 'unmute').map((e) => ({ e })),
      fc
        .constantFrom<PlaybackMark>(
          { type: 'firstQuartile' },
          { type: 'midpoint' },
          { type: 'thirdQuartile' },
          { type: 'progress', offset: { type: 'time', seconds: 5 } },
          { type: 'progress', offset: { type: 'percent', percent: 10 } },
        )
        .map((mark) => ({ mark })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        const { tracker, transport } = setup();
        for (const c of commands) {
          if ('e' in c) tracker.track(c.e);
          else tracker.reached(c.mark);
        }
        const urls = transport.beacons().map((b) => b.template);
        const once = urls.filter((u) => !/pause|resume|mute/.test(u));
        expect(new Set(once).size).toBe(once.length);
        const toggles = transport.beacons().map((b) => b.event).filter((e) => /pause|resume/.test(e));
        toggles.forEach((e, i) => expect(e).toBe(i % 2 === 0 ? 'pause' : 'resume'));
      }),
    );
  });
});

describe('Tracker: errors', () => {
  it('fires the error pixels of every level with [ERRORCODE], once per code', () => {
    const { tracker } = setup();
    const beacons = tracker.error(402, { adPlayheadMs: 1000 });
    expect(beacons.map((b) => [b.url, b.errorCode, b.level])).toEqual([
      [`${inline}/err?code=402&ph=00%3A00%3A01.000`, 402, 0],
      [`${wrapper}/err?code=402`, 402, 1],
    ]);
    expect(tracker.error(402)).toEqual([]);
    expect(tracker.error(405)).toHaveLength(2);
  });

  it('refuses a number that is not a VAST error code', () => {
    const { tracker } = setup();
    expect(() => tracker.error(42)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
    expect(() => tracker.error(402.5)).toThrow(expect.objectContaining({ code: 'INVALID_TRACKER_ARGUMENT' }));
  });
});

describe('Tracker: outcomes', () => {
  it('records an outcome per beacon, readable and subscribable', async () => {
    const { tracker } = setup();
    const seen: BeaconOutcome[] = [];
    const stop = tracker.onOutcome((o) => seen.push(o));
    tracker.onOutcome(() => {
      throw new Error('a broken listener');
    });
    tracker.track('impression');
    const outcomes = await tracker.settled();
    expect(outcomes.map((o) => o.kind)).toEqual(['recorded', 'recorded']);
    expect(seen).toEqual(outcomes);
    stop();
    tracker.track('start');
    await tracker.settled();
    expect(seen).toHaveLength(2);
    expect(tracker.outcomes()).toHaveLength(4);
  });

  it('settles a beacon whose transport rejects (against its contract) as failed, so settled() never hangs', async () => {
    const broken: BeaconTransport = {
      send: () => Promise.reject(new Error('socket gone')),
      flush: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const tracker = new Tracker({ tracking, transport: broken, time: new SimulatedTimeProvider() });
    tracker.track('impression');
    const outcomes = await tracker.settled();
    expect(outcomes.map((o) => (o.kind === 'failed' ? `${o.reason}: ${o.message}` : o.kind))).toEqual([
      'network: the transport threw: Error: socket gone',
      'network: the transport threw: Error: socket gone',
    ]);
    expect(await tracker.settled()).toHaveLength(2);
  });

  it('with keepOutcomes off, tells its listeners and keeps nothing', async () => {
    const tracker = new Tracker({ tracking, transport: new RecordingBeaconTransport(), time: new SimulatedTimeProvider(), keepOutcomes: false });
    const seen: string[] = [];
    tracker.onOutcome((o) => seen.push(o.kind));
    tracker.track('impression');
    expect(await tracker.settled()).toEqual([]);
    expect(tracker.outcomes()).toEqual([]);
    expect(seen).toEqual(['recorded', 'recorded']);
  });

  it('drops non-http URLs with an outcome that says so, without handing them to the transport', async () => {
    const time = new SimulatedTimeProvider();
    const transport = new RecordingBeaconTransport();
    const tracker = new Tracker({
      tracking: {
        levels: [
          { impressions: ['javascript:alert(1)', 'ftp://x.example/i', 'not a url', 'https://ok.example/i'], errors: [], events: [] },
        ],
      },
      transport,
      time,
    });
    tracker.track('impression');
    const outcomes = await tracker.settled();
    expect(outcomes.map((o) => (o.kind === 'dropped' ? o.reason : o.kind))).toEqual([
      'unsupported-scheme',
      'unsupported-scheme',
      'invalid-url',
      'recorded',
    ]);
    expect(transport.beacons().map((b) => b.url)).toEqual(['https://ok.example/i']);
  });
});

describe('onceKeyOf', () => {
  it('gives the exactly-once key of once-only events and undefined for events that repeat', () => {
    expect(onceKeyOf({ event: 'impression' })).toBe('impression');
    expect(onceKeyOf({ event: 'progress', offset: { type: 'time', seconds: 5 } })).toBe('progress@5s');
    expect(onceKeyOf({ event: 'progress', offset: { type: 'percent', percent: 10 } })).toBe('progress@10%');
    expect(onceKeyOf({ event: 'progress' })).toBeUndefined();
    expect(onceKeyOf({ event: 'error', errorCode: 402 })).toBe('error@402');
    expect(onceKeyOf({ event: 'error' })).toBeUndefined();
    expect(onceKeyOf({ event: 'pause' })).toBeUndefined();
    expect(onceKeyOf({ event: 'clickTracking' })).toBeUndefined();
  });
});
