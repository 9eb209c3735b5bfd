// Session JSON round trip: serialize PlaybackSessions and restore them with PlaybackSession.fromJSON.
// Each round trip serializes a session that has never been serialized (the one restored by the
// previous round of its slot), so no per-session cache helps. Compared in one run: the default
// path (JSON.stringify + fromJSON), the store path (toJSONText + fromJSON with a
// ConfigSnapshotCache) with the config already cached and with an empty cache, the version 1 read
// path, and plain JSON.stringify/JSON.parse of the same documents without validation; each path
// is compared with the plain round trip that does the same work on the config.
import { Buffer } from 'node:buffer';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConfigResolver } from '@vast/config';
import { ConfigSnapshotCache, PlaybackSession, SESSION_JSON_VERSION, type PlaybackEvent, type PlaybackSessionJsonV1, type ProgressOffset, type ProgressOffsetJsonV1 } from '@vast/session';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { table, writeSection } from './lib/report.js';

const SLOTS = 100;
const ROUND_TRIPS = 100_000;
const REPEATS = 5;
const TARGET = 100_000;
const PROVIDERS = ['global', 'tiger', 'leto', 'yandex', 'google'] as const;
const command = 'npx -y pnpm@10.34.9 bench session';
const resolver = new ConfigResolver();

/** A session of exactly 12 events, with the resolved config of its provider as its snapshot. */
function makeSession(index: number, time: SimulatedTimeProvider, configCache?: ConfigSnapshotCache): PlaybackSession {
  const random = createSeededRandom(index);
  const duration = 15_000 + random.int(0, 3) * 5_000;
  const provider = PROVIDERS[index % PROVIDERS.length] ?? 'global';
  const session = new PlaybackSession({
    id: `session-${index.toString(36).padStart(6, '0')}`,
    adId: `ad-${random.int(1, 99_999)}`,
    creativeId: `creative-${random.int(1, 9_999)}`,
    provider,
    duration,
    progressOffsets: [{ type: 'time', seconds: 2 }],
    config: resolver.resolve(provider),
    time,
    configCache,
  });
  const step = (ms: number) => time.tick(ms);
  session.load();
  step(random.int(50, 400));
  session.impression();
  session.creativeView();
  session.start();
  step(2_000);
  session.updatePosition(2_000); // progress (2 s)
  step(duration / 4 - 2_000);
  session.updatePosition(duration / 4); // firstQuartile
  session.pause();
  step(random.int(500, 3_000));
  session.resume();
  step(duration / 4);
  session.updatePosition(duration / 2); // midpoint
  session.mute();
  step(duration / 4);
  session.updatePosition((duration * 3) / 4); // thirdQuartile
  session.unmute();
  step(duration / 4);
  session.complete();
  if (session.events.length !== 12) throw new Error(`expected 12 events, got ${session.events.length}`);
  return session;
}

/** The same session in format version 1, as earlier releases wrote it. */
function toV1(session: PlaybackSession): PlaybackSessionJsonV1 {
  const events: readonly PlaybackEvent[] = session.events;
  const marks = events.filter((e) => e.type === 'progress' || e.type.endsWith('Quartile') || e.type === 'midpoint');
  return {
    version: 1,
    id: session.id,
    adId: session.adId,
    creativeId: session.creativeId,
    provider: session.provider,
    mode: session.mode,
    config: session.config,
    status: session.status,
    createdAt: session.createdAt,
    loadedAt: session.loadedAt,
    duration: session.duration,
    position: session.position,
    maxPosition: Math.max(session.position, ...marks.map((e) => e.mediaTime)),
    progressOffsets: session.progressOffsets.map(offsetV1),
    events: events.map((e) => (e.type === 'progress' ? { ...e, offset: offsetV1(e.offset) } : e)),
  };
}

/** An offset as version 1 wrote it (time offsets in milliseconds). */
function offsetV1(offset: ProgressOffset): ProgressOffsetJsonV1 {
  return offset.type === 'time' ? { unit: 'ms', value: offset.seconds * 1000 } : { unit: 'percent', value: offset.percent };
}

let sink = 0;
const time = new SimulatedTimeProvider({ mode: 'manual' });
const originals = Array.from({ length: SLOTS }, (_, i) => makeSession(i, time));
const v1 = originals.map(toV1);
const v2 = originals.map((s) => s.toJSON());
const bytesOf = (docs: readonly unknown[]) => docs.reduce<number>((sum, d) => sum + Buffer.byteLength(JSON.stringify(d)), 0) / docs.length;
const bytesV1 = bytesOf(v1);
const bytesV2 = bytesOf(v2);
const bytesConfig = bytesOf(v2.map((d) => d.config));

// Sanity: every measured path really round-trips, to the same bytes.
const configCache = new ConfigSnapshotCache();
for (const [i, session] of originals.entries()) {
  const text = JSON.stringify(session);
  if (session.toJSONText() !== text) throw new Error('toJSONText differs from JSON.stringify');
  if (PlaybackSession.fromJSON(text, { time, configCache }).toJSONText() !== text) throw new Error('cached round trip differs');
  if (PlaybackSession.fromJSON(text, { time, configCache: new ConfigSnapshotCache() }).toJSONText() !== text) throw new Error('cold-cache round trip differs');
  if (JSON.stringify(PlaybackSession.fromJSON(JSON.parse(JSON.stringify(v1[i])), { time })) !== text) throw new Error('v1 read differs');
}

/** Runs `roundTrip` ROUND_TRIPS times over SLOTS slots, each time on the session the last round restored. */
function chained(roundTrip: (session: PlaybackSession) => PlaybackSession): () => void {
  return () => {
    const slots = originals.map((s) => PlaybackSession.fromJSON(JSON.stringify(s), { time }));
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const slot = i % SLOTS;
      const back = roundTrip(slots[slot] as PlaybackSession);
      slots[slot] = back;
      sink += back.position;
    }
  };
}
/** Runs `roundTrip` ROUND_TRIPS times over the plain documents. */
function plain(docs: readonly unknown[], roundTrip: (doc: unknown) => number): () => void {
  return () => {
    for (let i = 0; i < ROUND_TRIPS; i++) sink += roundTrip(docs[i % SLOTS]);
  };
}

const BASELINE = 'plain: JSON.parse(JSON.stringify(v3 plain object)), no validation';
const BASELINE_NO_CONFIG = 'plain, config: null: the same with the config left out, no validation';
const BASELINE_V1 = 'plain v1: JSON.parse(JSON.stringify(v1 plain object)), no validation';
const DEFAULT = 'default: JSON.stringify(session) + fromJSON(text)';
const STORE_COLD = 'store, cold cache: session.toJSONText() + fromJSON(text, { configCache }), cache emptied before each';
const STORE = 'store, warm cache: session.toJSONText() + fromJSON(text, { configCache }), config cached';
const V1 = 'v1 read: JSON.stringify(v1 object) + JSON.parse + fromJSON';
const coldCache = new ConfigSnapshotCache();
const plainRoundTrip = (doc: unknown) => (JSON.parse(JSON.stringify(doc)) as { events: unknown[] }).events.length;
const variants: Record<string, () => void> = {
  [BASELINE]: plain(v2, plainRoundTrip),
  [BASELINE_NO_CONFIG]: plain(
    v2.map((doc) => ({ ...doc, config: null })),
    plainRoundTrip,
  ),
  [BASELINE_V1]: plain(v1, plainRoundTrip),
  [DEFAULT]: chained((session) => PlaybackSession.fromJSON(JSON.stringify(session), { time })),
  [STORE_COLD]: chained((session) => {
    coldCache.clear();
    return PlaybackSession.fromJSON(session.toJSONText(), { time, configCache: coldCache });
  }),
  [STORE]: chained((session) => PlaybackSession.fromJSON(session.toJSONText(), { time, configCache })),
  [V1]: plain(v1, (doc) => PlaybackSession.fromJSON(JSON.parse(JSON.stringify(doc)), { time }).position),
};
/** The plain round trip each path is compared with: the one that does the same work on the config. */
const LIKE_FOR_LIKE: Record<string, string> = {
  [DEFAULT]: BASELINE,
  [STORE_COLD]: BASELINE,
  [STORE]: BASELINE_NO_CONFIG,
  [V1]: BASELINE_V1,
};
const SHORT: Record<string, string> = { [BASELINE]: 'plain', [BASELINE_NO_CONFIG]: 'plain, config: null', [BASELINE_V1]: 'plain v1' };

const best = new Map<string, number>();
for (let repeat = 0; repeat < REPEATS; repeat++) {
  for (const [name, run] of Object.entries(variants)) {
    // CPU time of this process (user + system): other jobs on the cores stretch the wall time, not this.
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    best.set(name, Math.max(best.get(name) ?? 0, ROUND_TRIPS / seconds));
  }
}
// Memory: heap per live session, before and after one toJSONText(), over MEMORY_SESSIONS sessions.
const MEMORY_SESSIONS = 10_000;
const MEMORY_TARGET = 2_048;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
/** Heap per session in each case; run after the round trips, so that its heap does not slow them. */
function measureMemory() {
  // Flat copies (a JSON round trip), so that parsing them frees nothing measured.
  const storedTexts = Array.from({ length: MEMORY_SESSIONS }, (_, i) => JSON.parse(JSON.stringify(makeSession(i, time).toJSONText())) as string);
  /** Bytes per session held by `build()`'s sessions, then after each wrote its text once. */
  function perSession(build: () => PlaybackSession[]): readonly [live: number, saved: number] {
    const before = heapUsed();
    const sessions = build();
    const live = heapUsed();
    for (const session of sessions) sink += session.toJSONText().length;
    const saved = heapUsed();
    if (sessions.length !== MEMORY_SESSIONS) throw new Error('lost sessions');
    return [(live - before) / MEMORY_SESSIONS, (saved - before) / MEMORY_SESSIONS];
  }
  const memoryRows: (readonly [string, readonly [number, number]])[] = [
    ['created, no config cache', perSession(() => Array.from({ length: MEMORY_SESSIONS }, (_, i) => makeSession(i, time)))],
    ['created, with a ConfigSnapshotCache', perSession(() => {
      const cache = new ConfigSnapshotCache();
      return Array.from({ length: MEMORY_SESSIONS }, (_, i) => makeSession(i, time, cache));
    })],
    ['restored (fromJSON text), no config cache', perSession(() => storedTexts.map((text) => PlaybackSession.fromJSON(text, { time })))],
    ['restored (fromJSON text), with a ConfigSnapshotCache', perSession(() => {
      const cache = new ConfigSnapshotCache();
      return storedTexts.map((text) => PlaybackSession.fromJSON(text, { time, configCache: cache }));
    })],
  ];
  return memoryRows;
}

const memoryRows = measureMemory();
const cachedWorst = Math.max(...memoryRows.filter(([name]) => name.includes('with a')).flatMap(([, bytes]) => bytes));
if (sink === 0) throw new Error('nothing measured');

const rate = (name: string) => best.get(name) ?? 0;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows = [...best].map(([name, perSecond]) => {
  const against = LIKE_FOR_LIKE[name];
  return [
    name,
    fmt(perSecond),
    (1e6 / perSecond).toFixed(2),
    against === undefined ? '-' : SHORT[against] ?? against,
    against === undefined ? '-' : (perSecond / rate(against)).toFixed(2),
  ];
});
const markdown = `## Session JSON round trip

\`${command}\`

${ROUND_TRIPS.toLocaleString('en-US')} round trips per variant, best of ${REPEATS} interleaved runs, one Node thread; rates are per
second of this process's CPU time (\`process.cpuUsage()\`, user + system, which includes its GC
threads), so other jobs on the cores do not stretch them, though they still cost it caches. Sessions
of 12 events each, whose config snapshot is the resolved config of their provider
(\`ConfigResolver\`, five providers, ${fmt(bytesConfig)} bytes of JSON on average). The session
variants run ${SLOTS} slots: each round trip serializes the session the previous round of its slot
restored, so every session is serialized once and no per-session cache helps.

| format | bytes per session |
| --- | --- |
| version 1 (events as objects, absolute clock times) | ${fmt(bytesV1)} |
| version ${SESSION_JSON_VERSION} (events as tuples, clock times after \`createdAt\`) | ${fmt(bytesV2)} (${((bytesV2 / bytesV1) * 100).toFixed(0)}% of v1) |

${table(['variant', 'round trips/s', 'µs per round trip', 'compared with', 'ratio'], rows)}

Each path is compared with the plain round trip (\`JSON.stringify\` + \`JSON.parse\`, no checks) that
does the same work on the config snapshot, which is most of a document (compare the two plain
rows): the default path and the store path with an empty cache parse the whole config, as
"plain" does; the store path with the config cached parses none of it, as "plain, config: null"
does not; the v1 read path is compared with a plain round trip of the v1 documents. The store path
writes with \`toJSONText\` (the config's text the session read or the cache holds, not encoded
again) and reads with a \`ConfigSnapshotCache\`: with the config cached it parses only the rest of
the document and shares the frozen snapshot; with an empty cache it parses, checks and freezes the
config as the default path does. All paths but the plain ones check every field, every event and,
by replaying it through the session's rules, that the log is one a session could have written.

Target: at least ${fmt(TARGET)} round trips/s on one core: **${rate(STORE) >= TARGET ? 'met' : 'not met'}** by the store path with the config
cached (${fmt(rate(STORE))}/s), the case of a store that keeps a few providers' configs; with an empty
cache it gives ${fmt(rate(STORE_COLD))}/s (**${rate(STORE_COLD) >= TARGET ? 'met' : 'not met'}** there), and the default path ${fmt(rate(DEFAULT))}/s.
The machine has 2 cores shared with other jobs, so absolute figures are noisy (runs differ by 10%
or more); compare the ratios.

### Memory per live session

Heap used per session (\`process.memoryUsage().heapUsed\` after a full GC) over
${MEMORY_SESSIONS.toLocaleString('en-US')} of the sessions above, held live, then after each wrote \`toJSONText()\` once.

${table(['sessions', 'bytes per session', 'after one toJSONText()'], memoryRows.map(([name, [live, saved]]) => [name, fmt(live), fmt(saved)]))}

Target: under ${fmt(MEMORY_TARGET)} bytes per live session with a config cache, including after saving: **${cachedWorst < MEMORY_TARGET ? 'met' : 'not met'}**
(at most ${fmt(cachedWorst)}). Saving keeps only the config's text, and with a \`ConfigSnapshotCache\` that is the
cache's one text for every session with that config; without a cache each session holds its own
config snapshot (and, once saved, its text), which is most of its size.`;
process.stdout.write(`${markdown}\n`);
writeSection('session', markdown);
