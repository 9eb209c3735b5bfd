import { describe, expect, it } from 'vitest';
import {
  InterruptionRuleSchema,
  InterruptionRulesSchema,
  InterruptionType,
  isPauseLike,
  MacroSyntax,
  PAUSE_LIKE_INTERRUPTIONS,
  ParserOptionsSchema,
  PlaybackMode,
  PlaybackSessionConfigSchema,
  ResolvedConfigSchema,
  TrackerOptionsSchema,
} from '@vast/config';

describe('PlaybackSessionConfigSchema', () => {
  it('fills every default from an empty object, with headless beacons off', () => {
    expect(PlaybackSessionConfigSchema.parse({})).toEqual({
      mode: 'auto',
      tickIntervalMs: 250,
      maxSessionDurationMs: 300_000,
      trackQuartiles: true,
      trackProgress: true,
      interruptions: {},
      seed: 0,
      headlessMaySendBeacons: false,
    });
  });

  it('accepts the mode as a constant or a plain string and rejects other strings', () => {
    expect(PlaybackSessionConfigSchema.parse({ mode: PlaybackMode.HEADLESS }).mode).toBe('headless');
    expect(PlaybackSessionConfigSchema.parse({ mode: 'real' }).mode).toBe(PlaybackMode.REAL);
    expect(PlaybackSessionConfigSchema.safeParse({ mode: 'simulated' }).success).toBe(false);
  });

  it('rejects a negative duration, a zero tick and unknown fields', () => {
    const result = PlaybackSessionConfigSchema.safeParse({ maxSessionDurationMs: -1, tickIntervalMs: 0, colour: 'red' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['maxSessionDurationMs', 'tickIntervalMs', '']));
  });
});

describe('InterruptionRuleSchema', () => {
  const stopped = { kind: 'stopped' } as const;

  it('defaults enabled to true and timing to uniform', () => {
    expect(InterruptionRuleSchema.parse({ probability: 0.2, outcome: stopped })).toEqual({
      enabled: true,
      probability: 0.2,
      when: { kind: 'uniform' },
      outcome: stopped,
    });
  });

  it.each([-0.01, 1.01, Number.NaN])('rejects probability %s', (probability) => {
    expect(InterruptionRuleSchema.safeParse({ probability, outcome: stopped }).success).toBe(false);
  });

  it('accepts explicit quartile weights and rejects all-zero or wrong-length weights', () => {
    const ok = InterruptionRuleSchema.parse({ probability: 0.1, when: { kind: 'weights', weights: [0, 0, 1, 3] }, outcome: stopped });
    expect(ok.when).toEqual({ kind: 'weights', weights: [0, 0, 1, 3] });
    expect(
      InterruptionRuleSchema.safeParse({ probability: 0.1, when: { kind: 'weights', weights: [0, 0, 0, 0] }, outcome: stopped }).success,
    ).toBe(false);
    expect(
      InterruptionRuleSchema.safeParse({ probability: 0.1, when: { kind: 'weights', weights: [1, 1, 1] }, outcome: stopped }).success,
    ).toBe(false);
  });

  it('requires an IAB error code (100 to 902) for failed and a resume delay for resumed', () => {
    const failed = (errorCode: number) =>
      InterruptionRuleSchema.safeParse({ probability: 0.1, outcome: { kind: 'failed', errorCode } }).success;
    expect(failed(402)).toBe(true);
    expect(failed(100)).toBe(true);
    expect(failed(902)).toBe(true);
    expect(failed(99)).toBe(false);
    expect(failed(903)).toBe(false);
    expect(failed(402.5)).toBe(false);
    expect(InterruptionRuleSchema.safeParse({ probability: 0.1, outcome: { kind: 'resumed' } }).success).toBe(false);
  });

  it('accepts the three resume delay kinds and rejects a uniform range that runs backwards', () => {
    const resumed = (resumeAfter: unknown) =>
      InterruptionRuleSchema.safeParse({ probability: 0.1, outcome: { kind: 'resumed', resumeAfter } }).success;
    expect(resumed({ kind: 'fixed', ms: 1000 })).toBe(true);
    expect(resumed({ kind: 'uniform', minMs: 1000, maxMs: 5000 })).toBe(true);
    expect(resumed({ kind: 'exponential', meanMs: 8000 })).toBe(true);
    expect(resumed({ kind: 'uniform', minMs: 5000, maxMs: 1000 })).toBe(false);
    expect(resumed({ kind: 'fixed', ms: -1 })).toBe(false);
  });
});

describe('InterruptionRulesSchema', () => {
  it('lets only pause-like types resume', () => {
    expect(PAUSE_LIKE_INTERRUPTIONS).toEqual(['viewerPause', 'appBackgrounded', 'deviceSleep']);
    expect(isPauseLike(InterruptionType.VIEWER_PAUSE)).toBe(true);
    expect(isPauseLike(InterruptionType.NETWORK_ERROR)).toBe(false);
    const resumed = { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 10 } };
    expect(InterruptionRulesSchema.safeParse({ viewerPause: { probability: 0.1, outcome: resumed } }).success).toBe(true);
    const bad = InterruptionRulesSchema.safeParse({ viewerExit: { probability: 0.1, outcome: resumed } });
    expect(bad.error?.issues[0]?.path).toEqual(['viewerExit', 'outcome', 'kind']);
  });

  it('rejects enabled exclusive interruptions whose probabilities sum above 1, ignoring disabled and resuming ones', () => {
    const stopped = { kind: 'stopped' };
    const resumed = { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 10 } };
    expect(
      InterruptionRulesSchema.safeParse({
        viewerExit: { probability: 0.6, outcome: stopped },
        channelChange: { probability: 0.5, outcome: { kind: 'failed', errorCode: 405 } },
      }).success,
    ).toBe(false);
    expect(
      InterruptionRulesSchema.safeParse({
        viewerExit: { probability: 0.6, outcome: stopped },
        channelChange: { probability: 0.5, outcome: stopped, enabled: false },
        viewerPause: { probability: 0.9, outcome: resumed },
      }).success,
    ).toBe(true);
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point: still allowed.
    expect(
      InterruptionRulesSchema.safeParse({
        viewerExit: { probability: 0.1, outcome: stopped },
        channelChange: { probability: 0.2, outcome: stopped },
        networkError: { probability: 0.7, outcome: stopped },
      }).success,
    ).toBe(true);
  });

  it('rejects an unknown interruption type', () => {
    expect(InterruptionRulesSchema.safeParse({ meteorStrike: { probability: 0.1, outcome: { kind: 'stopped' } } }).success).toBe(
      false,
    );
  });
});

describe('tracker and parser options', () => {
  it('default to IAB macros, 5 s timeout, 2 retries, no SSAI headers, 1 MiB documents, lenient parsing', () => {
    expect(TrackerOptionsSchema.parse({})).toEqual({
      macroSyntaxes: [MacroSyntax.IAB],
      staticMacros: {},
      timeoutMs: 5000,
      retries: 2,
      retryBackoffMs: 250,
      ssaiHeaders: false,
      headers: {},
    });
    expect(ParserOptionsSchema.parse({})).toEqual({ strict: false, maxBytes: 1_048_576, maxDepth: 64, maxAds: 32 });
  });

  it('accepts the four macro syntaxes, requires at least one, and checks macro and header names', () => {
    expect(TrackerOptionsSchema.parse({ macroSyntaxes: ['iab', 'percent', 'dollar', 'brace'] }).macroSyntaxes).toHaveLength(4);
    expect(TrackerOptionsSchema.safeParse({ macroSyntaxes: [] }).success).toBe(false);
    expect(TrackerOptionsSchema.safeParse({ macroSyntaxes: ['angle'] }).success).toBe(false);
    expect(TrackerOptionsSchema.safeParse({ staticMacros: { 'NOT VALID': 'x' } }).success).toBe(false);
    expect(TrackerOptionsSchema.safeParse({ headers: { 'X-Device-IP': '1.2.3.4' } }).success).toBe(true);
    expect(TrackerOptionsSchema.safeParse({ headers: { 'bad header': 'x' } }).success).toBe(false);
    expect(TrackerOptionsSchema.safeParse({ retries: 11 }).success).toBe(false);
  });

  it('resolves a whole config from nothing', () => {
    const config = ResolvedConfigSchema.parse({});
    expect(config.parser.maxBytes).toBe(1024 * 1024);
    expect(config.playback.headlessMaySendBeacons).toBe(false);
    expect(config.tracker.macroSyntaxes).toEqual(['iab']);
  });
});
