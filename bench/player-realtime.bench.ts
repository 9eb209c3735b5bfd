// Real-time playback at scale: many concurrent 5-second VastPlayer sessions in one process, all on
// one shared PlaybackScheduler and one shared MacroExpander, each with a 2-level tracking chain
// (wrapper + inline, parsed once), beacons to a counting transport. Sessions start as fast as the
// process can make them, in batches that yield to the event loop so due beacons are not held up.
// Measured: how many complete, the lateness of each quartile and complete beacon against its due
// time (that session's start + the mark's media time), peak RSS and wall time. The baseline in the
// same run: the same due times as bare setTimeout timers (four per "session"), no player at all.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ConfigResolver } from '@vast/config';
import { parseVast, type InlineAd, type WrapperAd } from '@vast/parser';
import { PlaybackScheduler, VastPlayer } from '@vast/player-realtime';
import { ConfigSnapshotCache } from '@vast/session';
import { inlineVast, wrapperVast } from '@vast/testkit';
import { RealtimeTimeProvider } from '@vast/time';
import { MacroExpander, type Beacon, type BeaconOutcome, type BeaconTransport } from '@vast/tracker';
import { table, writeSection } from './lib/report.js';

const command = 'npx -y pnpm@10.34.9 bench player-realtime';
const DURATION_MS = 5_000;
// Small batches: a batch runs without a break, so its length bounds how late a due beacon can be.
const BATCH = 50;
const WARM = 10_000;
const REALISTIC = 100_000;
const TARGET_P99_MS = 50;
const TARGET_RSS_BYTES = 2 ** 30;
const MARK_AT: Readonly<Record<string, number>> = {
  firstQuartile: DURATION_MS / 4,
  midpoint: DURATION_MS / 2,
  thirdQuartile: (DURATION_MS * 3) / 4,
  complete: DURATION_MS,
};

// ---- the ad, parsed once ----
const inlineDoc = parseVast(inlineVast({ trackingBase: 'https://track.example/inline', durationSeconds: DURATION_MS / 1000 }));
const wrapperDoc = parseVast(wrapperVast({ adTagUri: 'https://ads.example/inline.xml', trackingBase: 'https://track.example/wrapper' }));
const inline = inlineDoc.ads[0] as InlineAd;
const wrapper = wrapperDoc.ads[0] as WrapperAd;
// The shape VastClient resolves to: each level's beacons carry their level.
const ad = { ad: inline, inline, wrappers: [wrapper] };

const config = new ConfigResolver().resolve('global');
const time = new RealtimeTimeProvider();
const expander = new MacroExpander({ time, macroSyntaxes: config.tracker.macroSyntaxes, staticMacros: config.tracker.staticMacros });
const configCache = new ConfigSnapshotCache();

/** Lateness samples (ms) and counts of one run, and when (since the run began) the beacons later than the target were due. */
class Tally {
  readonly lateness: Float64Array;
  readonly #began: number;
  count = 0;
  beacons = 0;
  lateDueFromMs = Number.NaN;
  lateDueToMs = Number.NaN;
  constructor(capacity: number, began: number) {
    this.lateness = new Float64Array(capacity);
    this.#began = began;
  }
  /** @param dueAt - when the beacon was due (performance.now() time) */
  add(ms: number, dueAt: number): void {
    this.lateness[this.count++] = ms;
    if (ms > TARGET_P99_MS) {
      const due = dueAt - this.#began;
      if (!(due >= this.lateDueFromMs)) this.lateDueFromMs = due;
      if (!(due <= this.lateDueToMs)) this.lateDueToMs = due;
    }
  }
  percentiles(): { p50: number; p99: number; max: number; lateDueFromMs: number; lateDueToMs: number } {
    const sorted = this.lateness.slice(0, this.count).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN, lateDueFromMs: this.lateDueFromMs, lateDueToMs: this.lateDueToMs };
  }
}

/** One session's transport: counts beacons, and times quartiles and complete against its start. */
class CountingTransport implements BeaconTransport {
  #startedAt = Number.NaN;
  readonly #tally: Tally;
  constructor(tally: Tally) {
    this.#tally = tally;
  }
  send(beacon: Beacon): Promise<BeaconOutcome> {
    const now = performance.now();
    this.#tally.beacons++;
    // Two levels fire each event; time the inline level's (level 0) once per mark.
    if (beacon.level === 0) {
      if (beacon.event === 'start') this.#startedAt = now;
      else {
        const at = MARK_AT[beacon.event];
        if (at !== undefined) this.#tally.add(now - (this.#startedAt + at), this.#startedAt + at);
      }
    }
    return Promise.resolve({ kind: 'recorded', beacon });
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Samples RSS every 50 ms while a run lasts; returns the peak. */
function rssSampler(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

interface RunResult {
  readonly name: string;
  readonly sessions: number;
  readonly completed: number;
  readonly beacons: number;
  readonly startMs: number;
  readonly wallMs: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** When (ms since the run began) the first and the last beacon later than the target were due; NaN when none was. */
  readonly lateDueFromMs: number;
  readonly lateDueToMs: number;
  readonly peakRss: number;
  /** The most sessions playing at once (started and not yet ended). */
  readonly peakConcurrent: number;
}

async function runPlayers(name: string, sessions: number, keepOutcomes = true): Promise<RunResult> {
  globalThis.gc?.();
  const scheduler = new PlaybackScheduler({ time });
  const peak = rssSampler();
  const began = performance.now();
  const tally = new Tally(sessions * 4, began);
  // Only counts are kept: a finished session (its log and its beacons' outcomes) is garbage, as in
  // a server that stores or drops the result when the ad ends.
  const done: Promise<void>[] = [];
  let live = 0;
  let peakConcurrent = 0;
  let completed = 0;
  const ended = (result: { status: string }): void => {
    live--;
    if (result.status === 'completed') completed++;
  };
  for (let i = 0; i < sessions; i++) {
    const player = new VastPlayer({ ad, config, transport: new CountingTransport(tally), scheduler, time, expander, configCache, sessionId: `s${i}`, keepOutcomes });
    done.push(player.play().then(ended));
    peakConcurrent = Math.max(peakConcurrent, ++live);
    if (i % BATCH === BATCH - 1) await yieldToLoop();
  }
  const startMs = performance.now() - began;
  await Promise.all(done);
  const wallMs = performance.now() - began;
  const peakRss = peak();
  scheduler.close();
  return {
    name,
    sessions,
    completed,
    beacons: tally.beacons,
    startMs,
    wallMs,
    ...tally.percentiles(),
    peakRss,
    peakConcurrent,
  };
}

async function runTimers(name: string, sessions: number): Promise<RunResult> {
  globalThis.gc?.();
  const peak = rssSampler();
  const began = performance.now();
  const tally = new Tally(sessions * 4, began);
  const done: Promise<void>[] = [];
  let completed = 0;
  let peakConcurrent = 0;
  for (let i = 0; i < sessions; i++) {
    peakConcurrent = Math.max(peakConcurrent, i + 1 - completed);
    const startedAt = performance.now();
    done.push(
      new Promise<void>((resolve) => {
        for (const at of Object.values(MARK_AT)) {
          setTimeout(() => {
            tally.add(performance.now() - (startedAt + at), startedAt + at);
            tally.beacons++;
            if (at === DURATION_MS) {
              completed++;
              resolve();
            }
          }, at);
        }
      }),
    );
    if (i % BATCH === BATCH - 1) await yieldToLoop();
  }
  const startMs = performance.now() - began;
  await Promise.all(done);
  const wallMs = performance.now() - began;
  return { name, sessions, completed, beacons: tally.beacons, startMs, wallMs, ...tally.percentiles(), peakRss: peak(), peakConcurrent };
}

// Each run in a process of its own, so that one run's heap does not count in the next one's RSS.
const RUNS: readonly (() => Promise<RunResult>)[] = [
  () => runTimers(`baseline: ${REALISTIC.toLocaleString('en-US')} × 4 bare setTimeout timers, no player`, REALISTIC),
  () => runPlayers(`warm: ${WARM.toLocaleString('en-US')} sessions`, WARM),
  () => runPlayers(`realistic: ${REALISTIC.toLocaleString('en-US')} sessions`, REALISTIC),
  () => runPlayers(`realistic, outcomes streamed (\`keepOutcomes: false\`): ${REALISTIC.toLocaleString('en-US')} sessions`, REALISTIC, false),
];
const child = process.env['PLAYER_REALTIME_RUN'];
if (child !== undefined) {
  const result = await (RUNS[Number(child)] as () => Promise<RunResult>)();
  // The process's own peak, over the whole run (the sampler may miss a short peak).
  const peakRss = Math.max(result.peakRss, process.resourceUsage().maxRSS * 1024);
  process.send?.({ ...result, peakRss });
  process.exit(0);
}
const runs: RunResult[] = [];
for (let index = 0; index < RUNS.length; index++) {
  const worker = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, PLAYER_REALTIME_RUN: String(index) } });
  runs.push(await new Promise<RunResult>((resolve, reject) => {
    worker.once('message', (message) => resolve(message as RunResult));
    worker.once('exit', (code) => reject(new Error(`run ${index} exited with ${code} before reporting`)));
  }));
  await new Promise((resolve) => worker.once('exit', resolve));
}

const ms = (n: number) => n.toFixed(1);
const mib = (n: number) => (n / 2 ** 20).toFixed(0);
const rows = runs.map((r) => [
  r.name,
  `${r.completed.toLocaleString('en-US')} / ${r.sessions.toLocaleString('en-US')}`,
  r.peakConcurrent.toLocaleString('en-US'),
  r.beacons.toLocaleString('en-US'),
  ms(r.startMs),
  ms(r.wallMs),
  ms(r.p50),
  ms(r.p99),
  ms(r.max),
  mib(r.peakRss),
]);
const baseline = runs[0] as RunResult;
const real = runs[2] as RunResult;
const streamed = runs[3] as RunResult;
const startUs = (r: RunResult): number => (r.startMs * 1000) / r.sessions;
/** The three targets of one 100,000-session run, as a sentence. */
function verdict(r: RunResult): string {
  const met = (ok: boolean): string => (ok ? 'met' : 'not met');
  const concurrent = r.peakConcurrent === r.sessions ? `all ${r.sessions.toLocaleString('en-US')} playing at once` : `at most ${r.peakConcurrent.toLocaleString('en-US')} playing at once`;
  return `all complete: **${met(r.completed === r.sessions)}**; p99 lateness under ${TARGET_P99_MS} ms: **${met(r.p99 < TARGET_P99_MS)}** (${ms(r.p99)} ms, ${(r.p99 / Math.max(baseline.p99, 0.001)).toFixed(1)}× the bare timers' p99); peak RSS under 1 GiB: **${met(r.peakRss < TARGET_RSS_BYTES)}** (${mib(r.peakRss)} MiB); ${concurrent}`;
}
const markdown = `## Real-time playback: concurrent VastPlayer sessions

\`${command}\`

${DURATION_MS / 1000}-second ads with a 2-level tracking chain (wrapper + inline, parsed once and shared), every session a
\`VastPlayer\` on the wall clock, all on one shared \`PlaybackScheduler\` and one shared \`MacroExpander\`
(and a shared \`ConfigSnapshotCache\`), beacons to a counting transport (each of the two levels fires
impression, creativeView, start, three quartiles and complete: 14 beacons a session). Sessions start as fast
as the process makes them, yielding to the event loop every ${BATCH.toLocaleString('en-US')}. Lateness is that of each
quartile and complete beacon against its due time (that session's start beacon + the mark's media time),
taken with \`performance.now()\` in the transport. The baseline arms the same due times as bare \`setTimeout\`
timers (four per "session") with no player. Each run in a Node process of its own (one thread), so its peak RSS is its own.

${table(['run', 'complete', 'peak concurrent', 'beacons', 'start all (ms)', 'wall (ms)', 'p50 late (ms)', 'p99 late (ms)', 'max late (ms)', 'peak RSS (MiB)'], rows)}

Targets for ${REALISTIC.toLocaleString('en-US')} concurrent sessions. With outcomes streamed (\`keepOutcomes: false\`, what a server with this many sessions uses): ${verdict(streamed)}.
With outcomes kept for \`play()\`'s result (the default): ${verdict(real)}. Kept outcomes hold every beacon (with its expanded URL) and
its outcome until the session ends, so the heap the collector works through is larger. The player schedules one task per next
mark on the shared scheduler (exact due times, no polling tick), so the process holds a single timer
whatever the number of sessions. ${
  real.peakConcurrent < real.sessions
    ? `Only ${real.peakConcurrent.toLocaleString('en-US')} of the ${real.sessions.toLocaleString('en-US')} sessions were playing at once: starting one (constructing the
player, its session and tracker, and firing its six start beacons, while the sessions already started fire
their quartiles) took ${startUs(real).toFixed(0)} µs on average in this run (${startUs(streamed).toFixed(0)} µs with outcomes streamed), more than the
${((DURATION_MS * 1000) / real.sessions).toFixed(0)} µs that ${real.sessions.toLocaleString('en-US')} starts within one ${DURATION_MS / 1000}-second ad allow on one thread, so the first sessions
ended before the last started. ${
      Number.isNaN(real.lateDueFromMs)
        ? `No beacon was more than ${TARGET_P99_MS} ms late.`
        : `The beacons more than ${TARGET_P99_MS} ms late were due from ${(real.lateDueFromMs / 1000).toFixed(1)} s to ${(real.lateDueToMs / 1000).toFixed(1)} s into the run (the first sessions end at ${(DURATION_MS / 1000).toFixed(1)} s, the last started at ${(real.startMs / 1000).toFixed(1)} s).`
    } With \`keepOutcomes: false\` a session keeps no beacon or outcome once it is
known, which is what a server with this many sessions would use (outcomes go to the \`beacon\` event).`
    : `All sessions were playing at once.`
} The machine has 2 cores shared with other jobs (load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end of the run): lateness
figures move with the load; compare them with the baseline of the same run.`;
process.stdout.write(`${markdown}\n`);
writeSection('player-realtime', markdown);
