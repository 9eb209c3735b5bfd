// Headless playback speed: sessions per second of a 30-second ad with a 2-level chain, macro
// expansion and recording included, as simulated seconds per wall second on one core; and the
// bytes a finished session keeps. Run: npx -y pnpm@10.34.9 bench player-headless
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConfigResolver } from '@vast/config';
import { parseVast, type InlineAd, type WrapperAd } from '@vast/parser';
import { TrackedPlayback } from '@vast/player-core';
import { HeadlessPlayer } from '@vast/player-headless';
import { ConfigSnapshotCache, PlaybackSession, type PlaybackSession as Session } from '@vast/session';
import { inlineVast, wrapperVast } from '@vast/testkit';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { MacroExpander, RecordingBeaconTransport, Tracker, progressOffsetsOf, trackingSetFromAds } from '@vast/tracker';
import { table, writeSection } from './lib/report.js';

const AD_SECONDS = 30;
const SESSIONS = 20_000;
const ROUNDS = 5;
const RETAINED = 20_000;
const TARGET_REALTIME_FACTOR = 1_000_000;
const TARGET_BYTES = 2048;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const inline = parseVast(inlineVast({ trackingBase: 'https://inline.example/t', durationSeconds: AD_SECONDS })).ads[0] as InlineAd;
const wrapper = parseVast(wrapperVast({ adTagUri: 'https://ads.example/inline.xml', trackingBase: 'https://wrapper.example/t' }))
  .ads[0] as WrapperAd;
const ad = { ad: inline, inline, wrappers: [wrapper] };
const resolver = new ConfigResolver();
const calm = resolver.resolve('global', undefined, { playback: { interruptions: {} } });
const global = resolver.resolve('global');

/** The baseline: the same session and beacons driven by hand (no player), on a shared expander. */
function baseline(): () => Promise<unknown> {
  const time = new SimulatedTimeProvider({ mode: 'manual' });
  const expander = new MacroExpander({ time, random: createSeededRandom(1) });
  const tracking = trackingSetFromAds(inline, [wrapper]);
  const offsets = progressOffsetsOf(tracking);
  const configCache = new ConfigSnapshotCache();
  let n = 0;
  return async () => {
    const transport = new RecordingBeaconTransport();
    const session = new PlaybackSession({ id: `b${n++}`, adId: 'inline-ad', duration: AD_SECONDS * 1000, progressOffsets: offsets, config: calm, configCache, time });
    const playback = new TrackedPlayback({ session, tracker: new Tracker({ tracking, transport, time, expander }) });
    playback.load();
    playback.impression();
    playback.creativeView();
    playback.start();
    for (const at of [0.25, 0.5, 0.75]) {
      time.tick(AD_SECONDS * 250);
      playback.advance(AD_SECONDS * 1000 * at);
    }
    time.tick(AD_SECONDS * 250);
    playback.complete();
    await transport.flush();
    return session;
  };
}

/** The realistic case: every session on its own, as `new HeadlessPlayer({ ad, config })` makes it. */
function coldPlayer(config: typeof calm): () => Promise<unknown> {
  let n = 0;
  return async () => (await new HeadlessPlayer({ ad, config, seed: n++ }).play()).session;
}

/** The warm case: many sessions sharing a clock, an expander and a config cache (what forecastFunnel does). */
function warmPlayer(config: typeof calm): () => Promise<unknown> {
  const time = new SimulatedTimeProvider({ mode: 'manual' });
  const random = createSeededRandom(1);
  const expander = new MacroExpander({ time, random });
  const configCache = new ConfigSnapshotCache();
  let n = 0;
  return async () =>
    (await new HeadlessPlayer({ ad, config, time, random, expander, configCache, transport: new RecordingBeaconTransport(), sessionId: `w${n++}` }).play())
      .session;
}

async function sessionsPerSecond(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < SESSIONS; i++) await run();
  return (SESSIONS * 1000) / (performance.now() - started);
}

const variants = {
  'baseline: session + tracker by hand, shared expander': baseline(),
  'HeadlessPlayer, warm (shared clock, expander, config cache), no interruptions': warmPlayer(calm),
  'HeadlessPlayer, cold (everything per session), no interruptions': coldPlayer(calm),
  'HeadlessPlayer, warm, global profile interruptions': warmPlayer(global),
  'HeadlessPlayer, cold, global profile interruptions': coldPlayer(global),
} as const;
type Variant = keyof typeof variants;
const names = Object.keys(variants) as Variant[];
const BASELINE: Variant = names[0] as Variant;

// Warm up every path, then interleaved rounds so load from other processes hits all alike.
for (const name of names) for (let i = 0; i < 2_000; i++) await variants[name]();
const rates = new Map<Variant, number[]>(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) rates.get(name)?.push(await sessionsPerSecond(variants[name]));
}
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rate = (name: Variant): number => median(rates.get(name) ?? []);

/** Heap bytes each finished session keeps, with the player and its transport dropped. */
async function bytesPerSession(run: () => Promise<unknown>): Promise<number> {
  const kept: unknown[] = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < RETAINED; i++) kept.push(await run());
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== RETAINED) throw new Error('lost sessions');
  return (after - before) / RETAINED;
}
const retainedWarm = await bytesPerSession(variants['HeadlessPlayer, warm (shared clock, expander, config cache), no interruptions']);
const retainedCold = await bytesPerSession(variants['HeadlessPlayer, cold (everything per session), no interruptions']);
const sample = (await variants['HeadlessPlayer, warm (shared clock, expander, config cache), no interruptions']()) as Session;
const saved = sample.toJSONText();
gc();
const retainedSaved = await bytesPerSession(async () => {
  const session = (await variants['HeadlessPlayer, warm (shared clock, expander, config cache), no interruptions']()) as Session;
  session.toJSONText();
  return session;
});

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const realtime = (name: Variant): number => rate(name) * AD_SECONDS;
const warm = realtime('HeadlessPlayer, warm (shared clock, expander, config cache), no interruptions');
const cold = realtime('HeadlessPlayer, cold (everything per session), no interruptions');
const rows = names.map((name) => [
  name,
  fmt(rate(name)),
  (1e6 / rate(name)).toFixed(1),
  `${fmt(realtime(name))}x`,
  (rate(name) / rate(BASELINE)).toFixed(2),
]);

const markdown = `## player-headless: simulated playback speed and memory

Command: \`npx -y pnpm@10.34.9 bench player-headless\`

One ${AD_SECONDS}-second ad behind one wrapper (two tracking levels), played to its end on the simulated
clock: impressions, creativeView, start, three quartiles and complete on both levels (14 beacons),
every URL's macros expanded (\`[ADPLAYHEAD]\`, \`[CACHEBUSTING]\`) and recorded by a
\`RecordingBeaconTransport\`. ${fmt(SESSIONS)} sessions per variant and round, ${ROUNDS} interleaved rounds,
medians reported, one Node thread. "Times real time" is simulated seconds per wall second.
The baseline is the least any player must do: the same session and tracker driven by hand.

${table(['variant', 'sessions/s', 'µs per session', 'times real time', 'ratio to baseline'], rows)}

Target: at least ${fmt(TARGET_REALTIME_FACTOR)} times real time (${(1e6 / (TARGET_REALTIME_FACTOR / AD_SECONDS)).toFixed(0)} µs per session):
**${warm >= TARGET_REALTIME_FACTOR ? 'met' : 'not met'}** by the warm case (${fmt(warm)}x), **${cold >= TARGET_REALTIME_FACTOR ? 'met' : 'not met'}** by the cold one (${fmt(cold)}x).

| bytes retained per finished session (${fmt(RETAINED)} kept, heap after GC) | bytes | target |
| --- | --- | --- |
| warm (shared config snapshot) | ${fmt(retainedWarm)} | under ${fmt(TARGET_BYTES)} |
| warm, after \`toJSONText()\` (${fmt(saved.length)} bytes of JSON) | ${fmt(retainedSaved)} | under ${fmt(TARGET_BYTES)} |
| cold (each session keeps its own copy of the config) | ${fmt(retainedCold)} | |
`;
writeSection('player-headless', markdown);
process.stdout.write(`${markdown}\n`);
