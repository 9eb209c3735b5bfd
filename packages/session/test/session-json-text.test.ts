import { SimulatedTimeProvider } from '@vast/time';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigSnapshotCache, InvalidSessionJsonError, PlaybackSession, type ProgressOffset } from '../src/index.js';

// Strings that need escaping in JSON, and a lone surrogate (JSON.stringify writes it as \ud800).
const oddString = fc.string({ unit: fc.constantFrom('a', 'é', '"', '\\', '\n', '\u0000', '\ud800', '😀', '</'), maxLength: 8 });

type Step =
  | { readonly name: 'load' | 'impression' | 'creativeView' | 'start' | 'pause' | 'resume' | 'mute' | 'unmute' | 'complete' | 'stop' }
  | { readonly name: 'updatePosition'; readonly position: number }
  | { readonly name: 'interrupt'; readonly type: string; readonly reason: string }
  | { readonly name: 'fail'; readonly code: number; readonly message: string | undefined }
  | { readonly name: 'tick'; readonly ms: number }
  | { readonly name: 'write' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom('load', 'impression', 'creativeView', 'start', 'pause', 'resume', 'mute', 'unmute', 'complete', 'stop').map((name) => ({ name })),
  fc.record({ name: fc.constant('updatePosition'), position: fc.double({ min: 0, max: 40_000, noNaN: true }) }),
  fc.record({ name: fc.constant('interrupt'), type: oddString.filter((s) => s !== ''), reason: oddString }),
  fc.record({ name: fc.constant('fail'), code: fc.integer({ min: 100, max: 902 }), message: fc.option(oddString, { nil: undefined }) }),
  // Fractional ticks give clock times that do not add back exactly from createdAt (the [epoch] form).
  fc.record({ name: fc.constant('tick'), ms: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 5_000, noNaN: true })) }),
  fc.constant({ name: 'write' as const }),
);

const offsetArb: fc.Arbitrary<ProgressOffset> = fc.oneof(
  fc.record({ type: fc.constant('time' as const), seconds: fc.double({ min: 0, max: 40, noNaN: true }) }),
  fc.record({ type: fc.constant('percent' as const), percent: fc.double({ min: 0, max: 100, noNaN: true }) }),
);

const sessionArb = fc.record({
  id: oddString.filter((s) => s !== ''),
  adId: oddString,
  creativeId: fc.option(oddString, { nil: null }),
  provider: oddString,
  mode: fc.constantFrom('real' as const, 'headless' as const),
  startTime: fc.oneof(fc.constant(1_700_000_000_000), fc.double({ min: 0, max: 2e12, noNaN: true })),
  duration: fc.option(fc.double({ min: 0, max: 40_000, noNaN: true }), { nil: null }),
  offsets: fc.array(offsetArb, { maxLength: 3 }),
  config: fc.jsonValue(),
  steps: fc.array(stepArb, { maxLength: 30 }),
});

type SessionInput = typeof sessionArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds the session and runs its steps (refused ones are skipped); `onWrite` sees it at each `write` step. */
function play(input: SessionInput, onWrite: (session: PlaybackSession) => void = () => undefined): PlaybackSession {
  const time = new SimulatedTimeProvider({ mode: 'manual', startTime: input.startTime });
  const session = new PlaybackSession({
    id: input.id,
    adId: input.adId,
    creativeId: input.creativeId,
    provider: input.provider,
    mode: input.mode,
    duration: input.duration,
    progressOffsets: input.offsets,
    config: input.config,
    time,
  });
  for (const step of input.steps) {
    try {
      switch (step.name) {
        case 'tick':
          time.tick(step.ms);
          break;
        case 'write':
          onWrite(session);
          break;
        case 'updatePosition':
          session.updatePosition(step.position);
          break;
        case 'interrupt':
          session.interrupt({ type: step.type, reason: step.reason });
          break;
        case 'fail':
          session.fail(step.message === undefined ? { code: step.code } : { code: step.code, message: step.message });
          break;
        default:
          session[step.name]();
      }
    } catch {
      // A refused command: the state machine's own properties cover it.
    }
  }
  return session;
}

/** What fromJSON gives for `text`: the session's JSON text, or the error's issues. */
function outcome(text: string, configCache?: ConfigSnapshotCache): string {
  const time = new SimulatedTimeProvider();
  try {
    return PlaybackSession.fromJSON(text, configCache === undefined ? { time } : { time, configCache }).toJSONText();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSessionJsonError);
    return `error: ${JSON.stringify((error as InvalidSessionJsonError).issues)}`;
  }
}

describe('PlaybackSession.toJSONText', () => {
  it('is exactly JSON.stringify(session), before and after more events are logged', () => {
    fc.assert(
      fc.property(sessionArb, (input) => {
        const session = play(input, (s) => expect(s.toJSONText()).toBe(JSON.stringify(s)));
        expect(session.toJSONText()).toBe(JSON.stringify(session));
      }),
      { numRuns: 400 },
    );
  });

  it('reflects a duration set after a first write', () => {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const session = new PlaybackSession({ id: 's', adId: 'a', progressOffsets: [{ type: 'percent', percent: 50 }], time });
    session.load();
    const before = session.toJSONText();
    session.setDuration(8_000);
    expect(before).toContain('"duration":null');
    expect(session.toJSONText()).toBe(JSON.stringify(session));
    expect(JSON.parse(session.toJSONText())).toMatchObject({ duration: 8_000, offsets: [['percent', 50]] });
  });

  it('restores to the same session with or without a config cache, and reads back the same text', () => {
    const configCache = new ConfigSnapshotCache();
    fc.assert(
      fc.property(sessionArb, (input) => {
        const text = play(input).toJSONText();
        expect(outcome(text, configCache)).toBe(text);
        // The second time the cache holds the config: the text is decoded in parts.
        expect(outcome(text, configCache)).toBe(text);
        expect(outcome(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * `text` with its config moved inside an object opened before it (`"createdAt":{"q":1,"config":...,"createdAt":0}`),
 * the document's own createdAt written after a space so that the cut finds the inner one.
 */
function insideObject(text: string, configText: string): string {
  const configAt = text.indexOf(',"config":');
  const afterConfig = text.lastIndexOf(',"createdAt":');
  const rest = text.slice(afterConfig).replace(',"createdAt":', ', "createdAt":');
  return `${text.slice(0, configAt)},"createdAt":{"q":1,"config":${configText},"createdAt":0}${rest}`;
}

describe('ConfigSnapshotCache', () => {
  const config = { tracker: { timeoutMs: 2_000, macroSyntaxes: ['iab'] }, seed: 7 };

  function written(id: string, cfg: unknown = config): string {
    const time = new SimulatedTimeProvider({ mode: 'manual' });
    const session = new PlaybackSession({ id, adId: 'ad', duration: 4_000, config: cfg, time });
    session.load();
    session.start();
    time.tick(1_000);
    session.updatePosition(1_000);
    return session.toJSONText();
  }

  it('gives sessions created or restored with equal configs one frozen snapshot', () => {
    const configCache = new ConfigSnapshotCache();
    const time = new SimulatedTimeProvider();
    const a = new PlaybackSession({ id: 'a', adId: 'x', config: structuredClone(config), time, configCache });
    const b = new PlaybackSession({ id: 'b', adId: 'x', config: structuredClone(config), time, configCache });
    const c = PlaybackSession.fromJSON(written('c'), { time, configCache });
    const d = PlaybackSession.fromJSON(JSON.parse(written('d')), { time, configCache });
    expect(b.config).toBe(a.config);
    expect(c.config).toBe(a.config);
    expect(d.config).toBe(a.config);
    expect(Object.isFrozen(a.config)).toBe(true);
    expect(configCache.size).toBe(1);
    // Without a cache each session keeps its own copy.
    expect(PlaybackSession.fromJSON(written('e'), { time }).config).not.toBe(a.config);
  });

  it('reads version 1 documents into the shared snapshot too', () => {
    const configCache = new ConfigSnapshotCache();
    const time = new SimulatedTimeProvider();
    const v2 = JSON.parse(written('v')) as { config: unknown; createdAt: number };
    const v1 = {
      version: 1, id: 'v', adId: 'ad', creativeId: null, provider: 'global', mode: 'headless', config: v2.config,
      status: 'created', createdAt: v2.createdAt, loadedAt: null, duration: null, position: 0, maxPosition: null,
      progressOffsets: [], events: [],
    };
    const first = PlaybackSession.fromJSON(v1, { time, configCache });
    const second = PlaybackSession.fromJSON(written('w'), { time, configCache });
    expect(second.config).toBe(first.config);
    expect(first.toJSONText()).toBe(JSON.stringify(first));
  });

  it('keeps at most maxEntries snapshots, forgetting the oldest, and can be cleared', () => {
    const configCache = new ConfigSnapshotCache({ maxEntries: 2 });
    const time = new SimulatedTimeProvider();
    // Configs of equal text length share a length bucket: eviction must keep the others findable.
    const make = (seed: number) => new PlaybackSession({ id: `s${seed}`, adId: 'x', config: { seed }, time, configCache });
    const one = make(1);
    const two = make(2);
    expect(make(1).config).toBe(one.config);
    make(3); // forgets {seed: 1}, the oldest
    expect(configCache.size).toBe(2);
    expect(make(2).config).toBe(two.config);
    expect(make(1).config).not.toBe(one.config);
    configCache.clear();
    expect(configCache.size).toBe(0);
    expect(make(2).config).not.toBe(two.config);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %s', (maxEntries) => {
    expect(() => new ConfigSnapshotCache({ maxEntries })).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_ARGUMENT' }));
  });

  it('decodes any text exactly as without a cache, even documents made to fool the cut into parts', () => {
    const configCache = new ConfigSnapshotCache();
    const text = written('t');
    const other = { tracker: { timeoutMs: 9_000, macroSyntaxes: ['iab'] }, seed: 7 };
    // Teach the cache both configs.
    outcome(text, configCache);
    outcome(written('o', other), configCache);
    const configText = JSON.stringify(config);
    const otherText = JSON.stringify(other);
    const doc = JSON.parse(text) as Record<string, unknown>;
    const variants = [
      text,
      JSON.stringify(doc, null, 2),
      // The key written with an escape: JSON.parse reads it as "config".
      text.replace('"config":', '"\\u0063onfig":'),
      // A second config after the one the cut finds: JSON.parse keeps the last.
      text.replace(/}$/, `,"config":${otherText}}`),
      text.replace(/}$/, `,"\\u0063onfig":${otherText}}`),
      // Keys in another order.
      JSON.stringify(Object.fromEntries([...Object.entries(doc).filter(([key]) => key !== 'config'), ['config', doc['config']]])),
      // Config followed by something other than createdAt.
      text.replace(`${configText},"createdAt":`, `${configText},"loadedAt":null,"createdAt":`),
      // A repeated createdAt, and a key that is not in the format.
      text.replace(/}$/, ',"createdAt":5}'),
      text.replace('"version":2,', '"version":2,"x":1,'),
      text.replace(/}$/, ',"x":1}'),
      // Broken JSON around a config the cache holds.
      text.replace(',"config":', ' "config":'),
      text.replace(',"config":', '"config":'),
      text.replace('{"version"', '{"version"x'),
      text.replace(/}$/, '}}'),
      text.replace(/}$/, ''),
      // A config value that is not the whole value between the keys.
      text.replace(`"config":${configText}`, `"config":${configText.slice(0, -1)},"more":1}`),
      text.replace('"version":2', '"version":3'),
      text.replace('"mode":"headless"', '"mode":"other"'),
      // The members before the config end inside an object: joined to those after it, they parse
      // with the twelve other keys, but the document parsed whole has no config at all.
      insideObject(text, configText),
    ];
    for (const variant of variants) expect(outcome(variant, configCache)).toBe(outcome(variant));
  });

  it('refuses a document whose config sits inside another member, as without a cache', () => {
    const configCache = new ConfigSnapshotCache();
    const text = written('n');
    outcome(text, configCache);
    const variant = insideObject(text, JSON.stringify(config));
    expect(outcome(variant)).toMatch(/^error: .*"path":"config"/);
    expect(outcome(variant, configCache)).toBe(outcome(variant));
  });

  it('restores ids with brackets in them through the cache, to the shared snapshot', () => {
    const configCache = new ConfigSnapshotCache();
    const time = new SimulatedTimeProvider();
    const first = PlaybackSession.fromJSON(written('plain'), { time, configCache });
    for (const id of ['{', 'a[0]', '{"config":1}', '"[', 'x\\{']) {
      const text = written(id);
      const restored = PlaybackSession.fromJSON(text, { time, configCache });
      expect(restored.id).toBe(id);
      expect(restored.config).toBe(first.config);
      expect(restored.toJSONText()).toBe(text);
    }
    expect(configCache.size).toBe(1);
  });

  it('misses on a held config of the same length with other text, and then holds both', () => {
    const configCache = new ConfigSnapshotCache();
    const time = new SimulatedTimeProvider();
    const seven = PlaybackSession.fromJSON(written('a', { seed: 7 }), { time, configCache });
    const eightText = written('b', { seed: 8 });
    const eight = PlaybackSession.fromJSON(eightText, { time, configCache });
    expect(eight.config).toEqual({ seed: 8 });
    expect(eight.config).not.toBe(seven.config);
    expect(eight.toJSONText()).toBe(eightText);
    expect(configCache.size).toBe(2);
    expect(PlaybackSession.fromJSON(written('c', { seed: 8 }), { time, configCache }).config).toBe(eight.config);
    expect(PlaybackSession.fromJSON(written('d', { seed: 7 }), { time, configCache }).config).toBe(seven.config);
  });

  it('refuses a corrupted config text with its code and path, whether the cache holds the config or not', () => {
    const configCache = new ConfigSnapshotCache();
    const time = new SimulatedTimeProvider();
    const held = { n: 12_345, list: [1, 2] };
    PlaybackSession.fromJSON(written('h', held), { time, configCache });
    const text = written('c', held);
    const corrupt = (from: string, to: string): string => {
      const edited = text.replace(from, to);
      expect(edited).not.toBe(text);
      return edited;
    };
    const cases: [text: string, path: string][] = [
      [corrupt('"n":12345', '"n":1e400'), 'config.n'], // same length class, not finite
      [corrupt('"list":[1,2]', '"list":[1,-1e999]'), 'config.list[1]'],
      [corrupt('"n":12345', '"n":'), '(root)'], // not JSON
      [corrupt('"list":[1,2]}', '"list":[1,2]'), '(root)'],
    ];
    for (const [bad, path] of cases) {
      for (const cache of [configCache, new ConfigSnapshotCache(), undefined]) {
        let error: unknown;
        try {
          PlaybackSession.fromJSON(bad, { time, configCache: cache });
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(InvalidSessionJsonError);
        expect(error).toMatchObject({ code: 'INVALID_SESSION_JSON', path });
      }
    }
    // The refusals filed nothing: the cache still holds only the good config.
    expect(configCache.size).toBe(1);
  });

  it('after clear(), parses, checks and files a config again, and shares it from then on', () => {
    const configCache = new ConfigSnapshotCache();
    const time = new SimulatedTimeProvider();
    const text = written('k');
    const before = PlaybackSession.fromJSON(text, { time, configCache });
    configCache.clear();
    expect(configCache.size).toBe(0);
    const cold = PlaybackSession.fromJSON(text, { time, configCache });
    expect(cold.config).not.toBe(before.config);
    expect(cold.config).toEqual(before.config);
    expect(Object.isFrozen(cold.config)).toBe(true);
    expect(cold.toJSONText()).toBe(text);
    expect(configCache.size).toBe(1);
    expect(PlaybackSession.fromJSON(text, { time, configCache }).config).toBe(cold.config);
    // A document already parsed (not text) is copied, checked and filed the same way, -0 as 0.
    const parsed = JSON.parse(written('p', { z: 1 })) as Record<string, unknown>;
    const fromObject = PlaybackSession.fromJSON({ ...parsed, config: { z: -0 } }, { time, configCache });
    expect(Object.is((fromObject.config as { z: number }).z, 0)).toBe(true);
    expect(fromObject.toJSONText()).toBe(JSON.stringify(fromObject));
    expect(PlaybackSession.fromJSON(written('q', { z: 0 }), { time, configCache }).config).toBe(fromObject.config);
  });

  it('decodes randomly edited texts exactly as without a cache', () => {
    const configCache = new ConfigSnapshotCache();
    // Tokens, and whole members that make valid JSON with a repeated or unknown key.
    const pieces = ['"config":', ',"createdAt":', '"\\u0063onfig":', '{', '}', '[', ']', ',', '"', '\\', ' ', '0', 'null', ':',
      ',"config":{"other":[1,2]}', ',"\\u0063onfig":{}', ',"createdAt":5', ',"loadedAt":null', ',"x":1', '"mode":"real",', '"version":2,'];
    const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(written('r1'), written('r2', { other: [1, 2] })), fc.array(editArb, { minLength: 1, maxLength: 3 }), (text, edits) => {
        outcome(text, configCache); // the cache holds the config from here on
        let edited = text;
        for (const edit of edits) {
          const at = edit.at % (edited.length + 1);
          edited = edited.slice(0, at) + edit.insert + edited.slice(at + edit.remove);
        }
        expect(outcome(edited, configCache)).toBe(outcome(edited));
      }),
      { numRuns: 2_000 },
    );
  });
});
