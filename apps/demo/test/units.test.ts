import { FetchError, VastClientConfigError } from '@vast/client';
import { ConfigError, ConfigResolver } from '@vast/config';
import { ParserError, VastError, parseVast, type InlineAd } from '@vast/parser';
import { FactoryError } from '@vast/factory';
import { PlayerError } from '@vast/player-core';
import type { FunnelForecast } from '@vast/player-headless';
import { PlaybackSession, type PlaybackEvent } from '@vast/session';
import { SimulatedTimeProvider, TimeProviderError } from '@vast/time';
import { RecordingBeaconTransport, Tracker, TrackerError, trackingSetFromAds, type BeaconOutcome } from '@vast/tracker';
import { inlineVast } from '@vast/testkit';
import { describe, expect, it } from 'vitest';
import { CliError, describeError } from '../src/cli-error.js';
import { formatForecast } from '../src/format-forecast.js';
import { formatTimeline } from '../src/format-timeline.js';
import { funnelReportHtml } from '../src/funnel-report.js';
import { createProgressReporter } from '../src/progress-reporter.js';
import { fireEventBeacons, replaySettings } from '../src/replay-beacons.js';

const inline = (xml: string): InlineAd => parseVast(xml).ads[0] as InlineAd;
const ad = inline(inlineVast({ trackingBase: 'https://t.example/x', durationSeconds: 10, progressOffsets: ['00:00:05'] }));

describe('describeError: one line for every kind of failure', () => {
  it.each([
    [new CliError('bad thing'), 'bad thing'],
    [new VastError(303, 'no ad\nsecond line'), 'IAB 303: no ad'],
    [new PlayerError('BEACONS_NOT_ALLOWED', 'not allowed'), 'BEACONS_NOT_ALLOWED: not allowed'],
    [new FactoryError('INVALID_PLAYBACK_ENVIRONMENT', 'bad VAST_PLAYBACK_MODE'), 'INVALID_PLAYBACK_ENVIRONMENT: bad VAST_PLAYBACK_MODE'],
    [new ConfigError([]), 'config error: Invalid config (0 problems):'],
    [new TrackerError('INVALID_TRACKER_ARGUMENT', 'error(code): bad'), 'INVALID_TRACKER_ARGUMENT: error(code): bad'],
    [new TimeProviderError('TIME_INVALID_ARGUMENT', 'seed'), 'TIME_INVALID_ARGUMENT: seed'],
    [new ParserError('INVALID_PARSER_OPTIONS', 'maxDepth'), 'INVALID_PARSER_OPTIONS: maxDepth'],
    [new FetchError('timeout', 'http://a.test/', 'slow'), 'FETCH_TIMEOUT: slow'],
    [new VastClientConfigError('hopTimeoutMs', -1, 'a number above 0'), expect.stringMatching(/^INVALID_CLIENT_OPTIONS: Invalid VastClient option hopTimeoutMs/u)],
    [new RangeError('out of range'), 'out of range'],
    ['a string', 'a string'],
  ])('%s', (error, line) => {
    expect(describeError(error)).toEqual(line);
  });

  it('names the first config path and counts the others', () => {
    let error: unknown;
    try {
      new ConfigResolver().resolve('global', undefined, { playback: { seed: -1, tickIntervalMs: -5 } });
    } catch (e) {
      error = e;
    }
    expect(describeError(error)).toMatch(/^config error at playback\.\w+ \(request overrides\): .* \(and 1 more\)$/u);
  });
});

describe('createProgressReporter', () => {
  it('draws a cli-progress bar on a terminal', () => {
    let text = '';
    const reporter = createProgressReporter({ isTTY: true, write: (chunk: string) => (text += chunk) }, 'sessions');
    reporter.update(50, 100);
    reporter.update(100, 100);
    reporter.stop();
    expect(text).toContain('100/100 sessions');
    expect(text).toContain('100%');
  });

  it('a terminal bar that never started stops quietly; plain lines at each tenth otherwise', () => {
    let text = '';
    createProgressReporter({ isTTY: true, write: (chunk: string) => (text += chunk) }, 'x').stop();
    expect(text).toBe('');
    const plain = createProgressReporter({ write: (chunk: string) => (text += chunk) }, 'runs');
    for (let done = 1; done <= 20; done++) plain.update(done, 20);
    plain.stop();
    expect(text.trim().split('\n')).toEqual(['2/20 runs (10%)', '4/20 runs (20%)', '6/20 runs (30%)', '8/20 runs (40%)', '10/20 runs (50%)', '12/20 runs (60%)', '14/20 runs (70%)', '16/20 runs (80%)', '18/20 runs (90%)', '20/20 runs (100%)']);
  });
});

describe('fireEventBeacons: a logged event to the beacons a player fires for it', () => {
  const at = (type: string, extra: object = {}): PlaybackEvent => ({ type, mediaTime: 5000, clockTime: 1, ...extra }) as PlaybackEvent;

  it('maps every event type the way TrackedPlayback does', async () => {
    const tracker = new Tracker({ tracking: trackingSetFromAds(ad), transport: new RecordingBeaconTransport(), time: new SimulatedTimeProvider() });
    const all = { quartiles: true, progress: true };
    for (const event of [
      at('impression'),
      at('start'),
      at('progress', { offset: { type: 'time', seconds: 5 } }),
      at('midpoint'),
      at('pause'),
      at('resume'),
      at('mute'),
      at('stop'),
      at('interruption', { interruptionType: 'x', reason: 'y' }),
      at('close'),
      at('complete'),
      at('error', { code: 405, message: null }),
    ]) {
      fireEventBeacons(tracker, event, all);
    }
    const events = (await tracker.settled()).map((o) => o.beacon.event);
    expect(events).toEqual(['impression', 'start', 'progress', 'midpoint', 'pause', 'resume', 'mute', 'closeLinear', 'complete', 'error']);
  });

  it('leaves quartiles and progress out when the session config did', async () => {
    const tracker = new Tracker({ tracking: trackingSetFromAds(ad), transport: new RecordingBeaconTransport(), time: new SimulatedTimeProvider() });
    const none = { quartiles: false, progress: false };
    for (const type of ['firstQuartile', 'complete']) fireEventBeacons(tracker, at(type), none);
    fireEventBeacons(tracker, at('progress', { offset: { type: 'time', seconds: 5 } }), none);
    expect(await tracker.settled()).toEqual([]);
  });

  it('replaySettings: a real session counts as sent; a session without config defaults', () => {
    const time = new SimulatedTimeProvider();
    const real = new PlaybackSession({ id: 'r', adId: 'a', mode: 'real', config: {}, time });
    expect(replaySettings(real)).toEqual({ track: { quartiles: true, progress: true }, macros: undefined, alreadySent: true });
  });
});

describe('formatTimeline', () => {
  it('puts each beacon under the event that fired it, and shows events without beacons', () => {
    const beacon = (id: number, event: string, time: number, level = 0): BeaconOutcome => ({
      kind: 'recorded',
      beacon: { id, event, url: `https://t.example/${event}`, template: '', level, time },
    });
    const events = [
      { type: 'pause', mediaTime: 1000, clockTime: 10 },
      { type: 'resume', mediaTime: 1000, clockTime: 20 },
      { type: 'pause', mediaTime: 2000, clockTime: 30 },
      { type: 'progress', mediaTime: 2500, clockTime: 35, offset: { type: 'percent', percent: 25 } },
      { type: 'close', mediaTime: 3000, clockTime: 40 },
      { type: 'interruption', mediaTime: 3000, clockTime: 40, interruptionType: 'viewerExit', reason: 'r' },
      { type: 'error', mediaTime: 3000, clockTime: 41, code: 405, message: null },
    ] as PlaybackEvent[];
    const outcomes = [
      beacon(1, 'pause', 10),
      beacon(2, 'resume', 20),
      beacon(3, 'pause', 30, 1),
      beacon(4, 'progress', 35),
      beacon(5, 'closeLinear', 40),
      beacon(6, 'close', 40),
      beacon(7, 'error', 41),
    ];
    const lines = formatTimeline(events, outcomes, 1);
    expect(lines.slice(1).map((line) => line.trim().split(/\s{2,}/u).slice(0, 3))).toEqual([
      ['1.000 s', 'pause', 'inline'],
      ['1.000 s', 'resume', 'inline'],
      ['2.000 s', 'pause', 'wrapper 1'],
      ['2.500 s', 'progress 25%', 'inline'],
      ['3.000 s', 'close', 'inline'],
      ['3.000 s', 'close', 'inline'],
      ['3.000 s', 'interruption (viewerExit)', '-'],
      ['3.000 s', 'error 405', 'inline'],
    ]);
  });
});

describe('the funnel as text and as HTML', () => {
  const forecast: FunnelForecast = {
    sessions: 0,
    seed: 1,
    funnel: { impression: 0, start: 0, firstQuartile: 0, midpoint: 0, thirdQuartile: 0, complete: 0 },
    statuses: { completed: 0, stopped: 0, interrupted: 0, failed: 0 },
    interruptions: {},
    errors: { '405': 2 },
  };

  it('says none where there is nothing, and escapes what it prints', () => {
    expect(formatForecast(forecast)).toContain('Interruptions by type: none');
    const html = funnelReportHtml(forecast, { source: 'a<b>&"c"', provider: 'tiger', publisher: 'acme' });
    expect(html).toContain('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(html).toContain('publisher <b>acme</b>');
    expect(html).toContain('<p>Interruptions by type: none.</p>');
    expect(html).toContain('height="0.00"');
  });
});
