// VastClient under overload: many concurrent resolutions of a 3-level wrapper chain against one
// loopback origin, with and without hanging hops. Counts outcomes, latency of each call, peak
// RSS and the sockets the server accepted. Run with `npx -y pnpm@10.34.9 bench client-load`.
import { fork } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { VastClient, type VastClientOptions } from '@vast/client';
import { table, writeSection } from './lib/report.js';

const LEVELS = 3;

const INLINE = `<VAST version="4.2"><Ad id="i"><InLine><AdSystem>b</AdSystem><AdTitle>b</AdTitle>
<Impression><![CDATA[http://127.0.0.1:9/imp]]></Impression><Creatives><Creative><Linear>
<Duration>00:00:15</Duration><MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="640" height="360">
<![CDATA[http://127.0.0.1:9/a.mp4]]></MediaFile></MediaFiles></Linear></Creative></Creatives></InLine></Ad></VAST>`;

const wrapper = (next: string): string =>
  `<VAST version="4.2"><Ad id="w"><Wrapper><AdSystem>b</AdSystem><VASTAdTagURI><![CDATA[${next}]]></VASTAdTagURI>` +
  `<Impression><![CDATA[http://127.0.0.1:9/imp]]></Impression></Wrapper></Ad></VAST>`;

/** Whether hop `level` of chain `id` hangs, for a run where one hop in ten does (seeded). */
function hangs(id: number, level: number): boolean {
  let h = (id * 2654435761 + level * 40503) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return h % 10 === 0;
}

// The server runs in a child process with its own event loop: `/c/<id>/<level>.xml` (`/h/...`
// in runs with hanging hops). It counts the connections it accepted and those still open.
if (process.env.CLIENT_LOAD_ROLE === 'server') {
  const held = new Set<ServerResponse>();
  let accepted = 0;
  let open = 0;
  const server = createServer((req, res) => {
    const [, mode, id, file] = (req.url ?? '').split('/');
    const level = Number.parseInt(file ?? '', 10);
    if (mode === 'h' && hangs(Number(id), level)) {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = level + 1 < LEVELS ? wrapper(`${base}/${mode}/${id}/${level + 1}.xml`) : INLINE;
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  });
  server.on('connection', (socket) => {
    accepted++;
    open++;
    socket.on('close', () => open--);
  });
  server.keepAliveTimeout = 30_000;
  server.maxRequestsPerSocket = 0;
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
  process.on('message', (message) => {
    if (message === 'stats') process.send?.({ accepted, open, held: held.size });
    if (message === 'reset') accepted = 0;
    if (message === 'stop') {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      server.close(() => process.exit(0));
    }
  });
  await new Promise(() => undefined);
}

interface ServerStats {
  readonly accepted: number;
  readonly open: number;
  readonly held: number;
}

const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, CLIENT_LOAD_ROLE: 'server' } });
const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve(message as number)));
const ask = (): Promise<ServerStats> =>
  new Promise((resolve) => {
    child.once('message', (message) => resolve(message as ServerStats));
    child.send('stats');
  });

/** An absolute URL on the server for a path. */
const rewrite = (url: string): string => url.replace(/^\//u, `http://127.0.0.1:${port}/`);

interface Scenario {
  readonly name: string;
  readonly calls: number;
  readonly hanging: boolean;
  readonly options: VastClientOptions;
}

interface Result {
  readonly scenario: Scenario;
  readonly resolved: number;
  readonly overloaded: number;
  readonly otherFailures: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly lateCalls: number;
  readonly wallMs: number;
  readonly peakRssMiB: number;
  readonly sockets: number;
  readonly leftOpen: number;
  readonly cleanChainsResolved: number;
  readonly cleanChains: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function run(scenario: Scenario): Promise<Result> {
  child.send('reset');
  const client = new VastClient({ allowlist: ['127.0.0.1'], ...scenario.options });
  const chainMs = scenario.options.chainTimeoutMs ?? 8000;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const mode = scenario.hanging ? 'h' : 'c';
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: scenario.calls }, async (_, id) => {
      const t0 = performance.now();
      const result = await client.get(rewrite(`/${mode}/${id}/0.xml`));
      return { id, result, ms: performance.now() - t0 };
    }),
  );
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  await client.close();
  // Let the server see the client's sockets close.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const stats = await ask();
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const clean = outcomes.filter((o) => !scenario.hanging || ![0, 1, 2].some((level) => hangs(o.id, level)));
  return {
    scenario,
    resolved: outcomes.filter((o) => o.result.ads.length === 1).length,
    overloaded: outcomes.filter((o) => o.result.overloaded === true).length,
    otherFailures: outcomes.filter((o) => o.result.ads.length !== 1 && o.result.overloaded !== true).length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? 0,
    lateCalls: times.filter((ms) => ms > chainMs + 100).length,
    wallMs,
    peakRssMiB: peakRss / 2 ** 20,
    sockets: stats.accepted,
    leftOpen: stats.open,
    cleanChains: clean.length,
    cleanChainsResolved: clean.filter((o) => o.result.ads.length === 1).length,
  };
}

const scenarios: Scenario[] = [
  { name: 'warm-up, 1,000 calls (baseline)', calls: 1000, hanging: false, options: {} },
  { name: '10,000 calls, default options', calls: 10_000, hanging: false, options: {} },
  { name: '10,000 calls, hopTimeoutMs 2500', calls: 10_000, hanging: false, options: { hopTimeoutMs: 2500 } },
  { name: '10,000 calls, 1 hop in 10 hangs', calls: 10_000, hanging: true, options: {} },
  { name: '20,000 calls, hopTimeoutMs 2500', calls: 20_000, hanging: false, options: { hopTimeoutMs: 2500 } },
];

const results: Result[] = [];
for (const scenario of scenarios) {
  const result = await run(scenario);
  results.push(result);
  process.stdout.write(
    `${scenario.name}: ${result.resolved} resolved, ${result.overloaded} overloaded, ${result.otherFailures} other; ` +
      `p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, max ${result.max.toFixed(0)} ms; ` +
      `${result.sockets} sockets; RSS ${result.peakRssMiB.toFixed(0)} MiB; left open ${result.leftOpen}\n`,
  );
}
child.send('stop');
await new Promise((resolve) => child.once('exit', resolve));

const baselineP50 = results[0]?.p50 ?? 1;
const pct = (n: number, of: number): string => `${n.toLocaleString('en-US')} (${((100 * n) / of).toFixed(1)}%)`;
const rows = results.map((r) => [
  r.scenario.name,
  pct(r.resolved, r.scenario.calls),
  r.scenario.hanging ? pct(r.cleanChainsResolved, r.cleanChains) : '–',
  r.overloaded.toLocaleString('en-US'),
  r.otherFailures.toLocaleString('en-US'),
  `${r.p50.toFixed(0)} (${(r.p50 / baselineP50).toFixed(1)}x)`,
  r.p99.toFixed(0),
  `${r.max.toFixed(0)} (${r.lateCalls} late)`,
  (r.wallMs / 1000).toFixed(1),
  r.peakRssMiB.toFixed(0),
  r.sockets.toLocaleString('en-US'),
  String(r.leftOpen),
]);

const markdown = `## @vast/client under overload

\`npx -y pnpm@10.34.9 bench client-load\`: N concurrent \`client.get()\` calls of a ${LEVELS}-level
wrapper chain (a unique URL per call) against one loopback origin served by a plain \`node:http\`
server in a child process. Default client options unless named (64 connections per origin, hop
4000 ms, chain 8000 ms). In the hanging run, a seeded 1 hop in 10 never answers; "clean chains"
are the calls that meet no hanging hop. Latencies are per call, from \`get()\` to its result, in
ms; the p50 ratio is against the 1,000-call warm-up of the same run. "Late" counts calls that took
longer than their chain budget plus 100 ms. Sockets are the connections the server accepted;
"left open" is what stayed open at the server after \`client.close()\`. RSS is the client
process's peak.

${table(
  ['run', 'resolved', 'clean chains resolved', 'overloaded', 'other failures', 'p50 ms', 'p99 ms', 'max ms', 'wall s', 'peak RSS MiB', 'sockets', 'left open'],
  rows,
)}`;

writeSection('client-load', markdown);
