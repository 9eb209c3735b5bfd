// Beacons per second through HttpBeaconTransport against a testkit server, compared with
// autocannon against the same server in the same run; and macro expansions per second.
// Run: npx -y pnpm@10.34.9 bench tracker
import autocannon from 'autocannon';
import { SimulatedTimeProvider, createSeededRandom } from '@vast/time';
import { startMockAdServer } from '@vast/testkit';
import { HttpBeaconTransport, MacroExpander, type Beacon, type MacroContext } from '@vast/tracker';
import { opsPerSecond, table, writeSection } from './lib/report.js';


const CONNECTIONS = 16;
const ROUNDS = 7;
const SECONDS = 2;

const server = await startMockAdServer({ fallback: { status: 204 } });
const url = server.url('/track/impression?cb=12345678');
const transport = new HttpBeaconTransport({ maxConcurrent: CONNECTIONS, connectionsPerOrigin: CONNECTIONS, retries: 0 });
let id = 0;
const beacon = (): Beacon => ({ id: ++id, event: 'impression', url, template: url, level: 0, time: 0 });

/** Keeps CONNECTIONS beacons in flight for `ms`; returns delivered beacons per second. */
async function drive(ms: number): Promise<{ perSecond: number; failed: number }> {
  const started = performance.now();
  const until = started + ms;
  let sent = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const outcome = await transport.send(beacon());
        if (outcome.kind === 'sent') sent++;
        else failed++;
      }
    }),
  );
  return { perSecond: (sent * 1000) / (performance.now() - started), failed };
}

// Warm both paths so JIT and sockets are ready.
await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: 1 });
await drive(1000);
server.reset();

// Interleaved rounds so that load from other processes hits both sides alike; medians reported.
const baselines: number[] = [];
const ours: number[] = [];
const ratios: number[] = [];
let failures = 0;
let baselineErrors = 0;
for (let round = 0; round < ROUNDS; round++) {
  const base = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: SECONDS });
  server.reset();
  const mine = await drive(SECONDS * 1000);
  server.reset();
  baselines.push(base.requests.average);
  ours.push(mine.perSecond);
  ratios.push(mine.perSecond / base.requests.average);
  failures += mine.failed;
  baselineErrors += base.errors + base.non2xx;
}
await transport.close();
await server.close();
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ratio = median(ratios);
const beaconsPerSecond = median(ours);
const baselinePerSecond = median(baselines);

// Macro expansion: a realistic 10-macro beacon URL.
const expander = new MacroExpander({
  time: new SimulatedTimeProvider({ mode: 'manual' }),
  random: createSeededRandom(1),
  staticMacros: { CLIENTUA: 'vast-middleware/1.0' },
});
const template =
  'https://t.example/v?ts=[TIMESTAMP]&cb=[CACHEBUSTING]&ph=[ADPLAYHEAD]&ip=[DEVICEIP]&ua=[DEVICEUA]' +
  '&ss=[SERVERSIDE]&pod=[PODSEQUENCE]&asid=[ADSERVINGID]&uaid=[UNIVERSALADID]&cua=[CLIENTUA]';
const context: MacroContext = {
  values: {
    DEVICEIP: '203.0.113.7',
    DEVICEUA: 'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0)',
    SERVERSIDE: 1,
    PODSEQUENCE: 2,
    ADSERVINGID: 'adsrv-6f1c2a9e',
    UNIVERSALADID: ['ad-id.org CNPA0484000H'],
  },
  adPlayheadMs: 15_250,
};
const expansions = opsPerSecond(() => expander.expand(template, context), 1500);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const markdown = `## tracker

Command: \`npx -y pnpm@10.34.9 bench tracker\`

Beacons through \`HttpBeaconTransport\` (undici pool, ${CONNECTIONS} connections, keep-alive, an outcome
per beacon) against a \`@vast/testkit\` server on 127.0.0.1, compared with autocannon (${CONNECTIONS}
connections, no pipelining) against the same server in the same run: ${ROUNDS} interleaved rounds of
${SECONDS} s each, medians reported. Client and server share one process on a 2-core machine shared
with other work, so absolute numbers are noisy; the ratio is the figure to read.

Per-round ratios: ${ratios.map((r) => r.toFixed(2)).join(', ')}.

${table(
  ['measure', 'result', 'target'],
  [
    ['autocannon requests/s (baseline, median)', fmt(baselinePerSecond), ''],
    ['HttpBeaconTransport beacons/s (median)', fmt(beaconsPerSecond), ''],
    ['ratio transport / autocannon (median of rounds)', ratio.toFixed(2), '>= 0.7'],
    ['failed beacons / autocannon errors', `${failures} / ${baselineErrors}`, '0'],
    ['macro expansions/s (10-macro URL)', fmt(expansions), '>= 1,000,000'],
  ],
)}`;
writeSection('tracker', markdown);
process.stdout.write(`${markdown}\n`);
