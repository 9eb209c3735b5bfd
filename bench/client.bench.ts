// VastClient resolving a 3-level wrapper chain from a testkit server on loopback, against a
// baseline of plain undici requests for the same three documents (same pool size, same
// concurrency) in the same run. Reports resolutions per second at 100 concurrent requests, the
// latency the client adds per hop (p50 and p99) over the baseline, at 100 and at 1 in flight, the
// CPU time of this process per chain for both sides, and what parseVast alone costs per document.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { VastClient } from '@vast/client';
import { parseVast } from '@vast/parser';
import { startMockAdServer } from '@vast/testkit';
import { table, writeSection } from './lib/report.js';


const LEVELS = 3;
const CONCURRENCY = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

function wrapper(id: number, next: string): string {
  return `<VAST version="4.2"><Ad id="w${id}"><Wrapper><AdSystem>bench</AdSystem>
<VASTAdTagURI><![CDATA[${next}]]></VASTAdTagURI>
<Impression><![CDATA[https://t.example/imp/w${id}]]></Impression>
<Error><![CDATA[https://t.example/err/w${id}?c=[ERRORCODE]]]></Error>
<Creatives><Creative><Linear><TrackingEvents>
<Tracking event="start"><![CDATA[https://t.example/start/w${id}]]></Tracking>
</TrackingEvents></Linear></Creative></Creatives></Wrapper></Ad></VAST>`;
}

const INLINE = `<VAST version="4.2"><Ad id="inline"><InLine><AdSystem>bench</AdSystem><AdTitle>ad</AdTitle>
<Impression><![CDATA[https://t.example/imp/inline]]></Impression>
<Creatives><Creative id="c1"><Linear><Duration>00:00:15</Duration>
<TrackingEvents>${['start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete']
  .map((e) => `<Tracking event="${e}"><![CDATA[https://t.example/${e}/inline]]></Tracking>`)
  .join('')}</TrackingEvents>
<VideoClicks><ClickThrough><![CDATA[https://advertiser.example/]]></ClickThrough></VideoClicks>
<MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="1920" height="1080"><![CDATA[https://cdn.example/ad.mp4]]></MediaFile></MediaFiles>
</Linear></Creative></Creatives></InLine></Ad></VAST>`;

// The testkit server runs in a child process (same tsx loader), with its own event loop, so it
// does not compete with the client for the main thread (the machine has 2 cores).
if (process.env.CLIENT_BENCH_ROLE === 'server') {
  const server = await startMockAdServer();
  const paths = Array.from({ length: LEVELS }, (_, level) => `/chain/${level}.xml`);
  paths.forEach((path, level) => {
    const next = paths[level + 1];
    server.route(path, next === undefined ? INLINE : wrapper(level, server.url(next)));
  });
  process.send?.(server.origin);
  process.once('message', () => {
    void server.close().then(() => process.exit(0));
  });
  await new Promise(() => undefined);
}

const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, CLIENT_BENCH_ROLE: 'server' } });
const origin = await new Promise<string>((resolve) => child.once('message', (message) => resolve(message as string)));
const urls = Array.from({ length: LEVELS }, (_, level) => `${origin}/chain/${level}.xml`);

const client = new VastClient({ allowlist: ['127.0.0.1'], connectionsPerOrigin: CONCURRENCY });
const agent = new Agent({ connections: CONCURRENCY });

/** The baseline: the same three documents, fetched one after the other with plain undici. */
async function baseline(): Promise<void> {
  for (const url of urls) {
    const response = await request(url, { dispatcher: agent });
    await response.body.text();
  }
}

async function viaClient(): Promise<void> {
  const result = await client.get(urls[0] as string);
  if (result.ads.length !== 1) throw new Error(`unexpected resolution: ${result.error?.message ?? 'no ad'}`);
}

interface Run {
  readonly perSecond: number;
  readonly latencies: number[];
  /** CPU time of this process (user + system, all threads) in microseconds. */
  readonly cpuMicros: number;
}

async function run(task: () => Promise<void>, concurrency: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await task();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return { perSecond: (latencies.length * 1000) / elapsed, latencies, cpuMicros: used.user + used.system };
}

/** CPU microseconds per chain over runs of one side. */
function cpuPerChain(runs: readonly Run[]): number {
  const micros = runs.reduce((sum, r) => sum + r.cpuMicros, 0);
  const chains = runs.reduce((sum, r) => sum + r.latencies.length, 0);
  return micros / chains;
}

/**
 * What `parseVast` alone costs per document, in microseconds: a tight loop over the body as the
 * client gets it (a string), with the client's options, best of a few rounds.
 */
function parseMicros(xml: string): number {
  const options = { strict: false, maxBytes: 1024 * 1024 };
  const iterations = 2000;
  for (let i = 0; i < iterations; i++) parseVast(xml, options);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    for (let i = 0; i < iterations; i++) parseVast(xml, options);
    best = Math.min(best, ((performance.now() - t) * 1000) / iterations);
  }
  return best;
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

// Warm both pools and the JIT.
await run(baseline, 10, 0.5);
await run(viaClient, 10, 0.5);

const rows: string[][] = [];
const cpuRows: string[][] = [];
const summary: Record<string, number> = {};
for (const concurrency of [CONCURRENCY, 1]) {
  const seconds = concurrency === 1 ? Math.max(2, SECONDS / 2) : SECONDS;
  // Alternate to spread machine noise over both sides.
  const base = await run(baseline, concurrency, seconds / 2);
  const mine = await run(viaClient, concurrency, seconds / 2);
  const base2 = await run(baseline, concurrency, seconds / 2);
  const mine2 = await run(viaClient, concurrency, seconds / 2);
  const b = [...base.latencies, ...base2.latencies].sort((x, y) => x - y);
  const c = [...mine.latencies, ...mine2.latencies].sort((x, y) => x - y);
  const basePerSecond = (base.perSecond + base2.perSecond) / 2;
  const clientPerSecond = (mine.perSecond + mine2.perSecond) / 2;
  const added50 = (pct(c, 50) - pct(b, 50)) / LEVELS;
  const added99 = (pct(c, 99) - pct(b, 99)) / LEVELS;
  summary[`c${concurrency}`] = added50;
  const clientCpu = cpuPerChain([mine, mine2]);
  const baseCpu = cpuPerChain([base, base2]);
  const addedCpuPerHop = (clientCpu - baseCpu) / LEVELS;
  cpuRows.push([
    String(concurrency),
    clientCpu.toFixed(0),
    baseCpu.toFixed(0),
    addedCpuPerHop.toFixed(1),
    // Queueing: with `concurrency` chains waiting on one busy thread, each waits for the CPU
    // work of the others, so the added latency per hop is about concurrency x added CPU per hop.
    concurrency === 1 ? '-' : ((concurrency * addedCpuPerHop) / 1000).toFixed(2),
    added50.toFixed(3),
  ]);
  rows.push([
    String(concurrency),
    clientPerSecond.toFixed(0),
    basePerSecond.toFixed(0),
    (clientPerSecond / basePerSecond).toFixed(2),
    `${pct(c, 50).toFixed(2)} / ${pct(c, 99).toFixed(2)}`,
    `${pct(b, 50).toFixed(2)} / ${pct(b, 99).toFixed(2)}`,
    added50.toFixed(3),
    added99.toFixed(3),
  ]);
}

await client.close();
await agent.close();
child.send('stop');
await new Promise((resolve) => child.once('exit', resolve));

// The three documents exactly as served (wrapper URLs included), parsed alone.
const documents = [wrapper(0, urls[1] as string), wrapper(1, urls[2] as string), INLINE];
const parseCosts = documents.map(parseMicros);
const parsePerHop = parseCosts.reduce((sum, micros) => sum + micros, 0) / LEVELS;
const c100 = cpuRows[0] ?? [];
const addedCpu100 = Number(c100[3]);

const markdown = `## client

\`npx -y pnpm@10.34.9 bench client\` (BENCH_SECONDS=${SECONDS})

A ${LEVELS}-level chain (two wrappers and an inline ad) served by \`@vast/testkit\` on 127.0.0.1,
in a child process.
"client" is \`VastClient.get\` (SSRF guard, budgets, byte cap, parse, merge); "baseline" fetches the
same three documents one after the other with plain undici \`request\` on an Agent of the same
size, in the same run. Added latency per hop = (client - baseline) / ${LEVELS} at the same
percentile. Target: p50 under 1 ms per hop.

${table(
  [
    'in flight',
    'client chains/s',
    'baseline chains/s',
    'ratio',
    'client p50 / p99 ms',
    'baseline p50 / p99 ms',
    'added p50 ms/hop',
    'added p99 ms/hop',
  ],
  rows,
)}

Against the target (p50 added under 1 ms per hop): ${Object.entries(summary)
  .map(([key, value]) => `${key.slice(1)} in flight ${value.toFixed(3)} ms, ${value < 1 ? 'met' : 'not met'}`)
  .join('; ')}.

CPU time of the bench process (\`process.cpuUsage()\`, user + system, all threads; the server's is
not counted) per chain completed, measured over the same runs:

${table(
  [
    'in flight',
    'client CPU µs/chain',
    'baseline CPU µs/chain',
    'added CPU µs/hop',
    'predicted added p50 ms/hop (in flight × added CPU/hop)',
    'measured added p50 ms/hop',
  ],
  cpuRows,
)}

\`parseVast\` alone (tight loop over the same three documents as strings, the client's options,
best of 5 rounds of 2000): ${parseCosts.map((micros) => micros.toFixed(1)).join(' / ')} µs for
wrapper / wrapper / inline, i.e. ${parsePerHop.toFixed(1)} µs per hop on average, ${
  Number.isFinite(addedCpu100) && addedCpu100 > 0 ? `${((parsePerHop / addedCpu100) * 100).toFixed(0)}%` : 'n/a'
} of the added CPU per hop at 100 in flight (a hot loop, so a floor: in the bench the parser's
work also meets colder caches and more GC).

Why the 100-in-flight target is not met: the bench process is one busy thread at that load, so a
chain's latency is mostly waiting for the CPU work of the 99 others, and the added p50 per hop is
about 100 × the added CPU per hop (the prediction column). Under 1 ms per hop therefore needs the
client to add at most about 10 µs of CPU per hop over plain undici, less than \`parseVast\` alone
costs. The 1-in-flight row is the added cost of a hop without queueing. The machine has 2 cores
shared with other jobs (the server process takes one), so figures are noisy; the CPU per chain
and the ratio are steadier than the percentiles.`;

writeSection('client', markdown);
process.stdout.write(`${markdown}\n`);
process.stdout.write(`added p50 per hop: ${JSON.stringify(summary)}; parse µs per document: ${JSON.stringify(parseCosts)}\n`);
