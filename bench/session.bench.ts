// Session JSON round trip: serialize a PlaybackSession and restore it with PlaybackSession.fromJSON
// (hand-written structural check + consistency check; zod only explains failures), against plain
// JSON.stringify/JSON.parse of the same object without validation, and against validating with the
// zod schema alone, all in one run.
import { Buffer } from 'node:buffer';
import { PlaybackSession, playbackSessionJsonSchema } from '../packages/session/src/index.js';
import { SimulatedTimeProvider, createSeededRandom } from '../packages/time/src/index.js';
import { table, writeSection } from './lib/report.js';

const DISTINCT = 1_000;
const ROUND_TRIPS = 100_000;
const REPEATS = 4;
const command = 'npx -y pnpm@10.34.9 bench session';

/** A session of exactly 12 events, with a provider-like config snapshot. */
function makeSession(index: number, time: SimulatedTimeProvider): PlaybackSession {
  const random = createSeededRandom(index);
  const duration = 15_000 + random.int(0, 3) * 5_000;
  const session = new PlaybackSession({
    id: `session-${index.toString(36).padStart(6, '0')}`,
    adId: `ad-${random.int(1, 99_999)}`,
    creativeId: `creative-${random.int(1, 9_999)}`,
    provider: ['global', 'tiger', 'leto', 'yandex', 'google'][index % 5] ?? 'global',
    duration,
    progressOffsets: [{ unit: 'ms', value: 2_000 }],
    config: {
      provider: 'tiger',
      macroSyntax: '[X]',
      tracker: { timeoutMs: 2_000, retries: 2, backoffMs: [100, 400] },
      interruptions: { enabled: true, probability: 0.05, types: ['channel_switch', 'app_close'] },
      staticMacros: { APPBUNDLE: 'tv.example.app', DEVICEUA: 'CTV/1.0' },
    },
    time,
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

const time = new SimulatedTimeProvider({ mode: 'manual' });
const sessions = Array.from({ length: DISTINCT }, (_, i) => makeSession(i, time));
const plain = sessions.map((s) => s.toJSON());
const parsed: unknown[] = sessions.map((s) => JSON.parse(JSON.stringify(s)) as unknown);
const bytes = sessions.reduce((sum, s) => sum + Buffer.byteLength(JSON.stringify(s)), 0) / DISTINCT;

// Sanity: the measured path really round-trips.
for (const session of sessions.slice(0, 10)) {
  const text = JSON.stringify(session);
  if (JSON.stringify(PlaybackSession.fromJSON(JSON.parse(text), { time })) !== text) throw new Error('round trip differs');
}

let sink = 0;
const variants: Record<string, () => void> = {
  'baseline: JSON.parse(JSON.stringify(plain object)), no validation': () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const back = JSON.parse(JSON.stringify(plain[i % DISTINCT])) as { events: unknown[] };
      sink += back.events.length;
    }
  },
  'PlaybackSession: toJSON + stringify + parse + fromJSON': () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const back = PlaybackSession.fromJSON(JSON.parse(JSON.stringify(sessions[i % DISTINCT])), { time });
      sink += back.events.length;
    }
  },
  'decode step alone: fromJSON(parsed object), no JSON text': () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const back = PlaybackSession.fromJSON(parsed[i % DISTINCT], { time });
      sink += back.events.length;
    }
  },
  'for contrast: stringify + parse + zod schema.parse (no session built)': () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const back = playbackSessionJsonSchema.parse(JSON.parse(JSON.stringify(plain[i % DISTINCT])));
      sink += back.events.length;
    }
  },
};

const best = new Map<string, number>();
for (let repeat = 0; repeat < REPEATS; repeat++) {
  for (const [name, run] of Object.entries(variants)) {
    const started = performance.now();
    run();
    const seconds = (performance.now() - started) / 1000;
    best.set(name, Math.max(best.get(name) ?? 0, ROUND_TRIPS / seconds));
  }
}
if (sink === 0) throw new Error('nothing measured');

const baseline = best.get(Object.keys(variants)[0] ?? '') ?? 1;
const ours = best.get('PlaybackSession: toJSON + stringify + parse + fromJSON') ?? 0;
const rows = [...best].map(([name, perSecond]) => [
  name,
  Math.round(perSecond).toLocaleString('en-US'),
  (1e6 / perSecond).toFixed(2),
  (perSecond / baseline).toFixed(2),
]);
const markdown = `## Session JSON round trip

\`${command}\`

${ROUND_TRIPS.toLocaleString('en-US')} round trips per variant (${DISTINCT.toLocaleString('en-US')} distinct sessions of 12 events each, cycled), best of ${REPEATS} interleaved runs, one Node thread. Average session JSON: **${Math.round(bytes)} bytes**.

${table(['variant', 'round trips/s', 'µs per round trip', 'ratio to baseline'], rows)}

Target: at least 100,000 round trips/s on one core: **${ours >= 100_000 ? 'met' : 'not met'}** (${Math.round(ours).toLocaleString('en-US')}/s).
The baseline alone (V8's \`JSON.stringify\` + \`JSON.parse\`, no validation) is the ceiling of any
round trip of this size on this machine; the "decode step alone" row is what \`fromJSON\` adds
on top of it.
\`fromJSON\` checks the structure with a hand-written decoder that also builds the canonical,
frozen objects, then checks that the status follows from the log; the zod schema runs only when
the decoder refuses the input, to name the path of the problem. The zod row shows what validating
with zod on every call would cost. The machine has 2 cores shared with other jobs, so absolute
figures are noisy; compare the ratios.`;
process.stdout.write(`${markdown}\n`);
writeSection('session', markdown);
