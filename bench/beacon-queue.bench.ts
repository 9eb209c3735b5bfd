// Beacons per second end to end through the durable queue (enqueue into Redis, worker process,
// HTTP to a loopback server) with 1 and 2 worker processes, next to HttpBeaconTransport sending
// directly in the same run; Redis memory per queued beacon; and the window between a beacon's
// HTTP response and the record of its delivery in Redis (a worker killed inside it sends the
// beacon again). Needs redis-server. Run: npx -y pnpm@10.34.9 bench beacon-queue
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BeaconQueue, BeaconWorker } from '@vast/beacon-queue';
import { isRedisServerAvailable, startMockAdServer, startRedisServer } from '@vast/testkit';
import { HttpBeaconTransport, type Beacon, type BeaconTransport } from '@vast/tracker';
import { table, writeSection } from './lib/report.js';

const N = 3000;
const ROUNDS = 3;
// HTTP requests at once, direct and per worker process alike; the worker's job concurrency is
// its default (jobs waiting on Redis round trips need not hold a connection).
const HTTP_CONCURRENCY = 16;
const MEMORY_N = 5000;
// The latency-bound case: an ad server that answers in SLOW_MS, as a far one does.
const SLOW_N = 800;
const SLOW_MS = 50;

if (!isRedisServerAvailable()) {
  process.stdout.write('beacon-queue bench SKIPPED: redis-server is not installed (apt-get install -y redis-server)\n');
} else {
  await run();
}

async function run(): Promise<void> {
  const redis = await startRedisServer();
  const server = await startMockAdServer({ fallback: { status: 204 }, routes: { '/slow/*': { status: 204, delayMs: SLOW_MS } } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const script = fileURLToPath(new URL('./lib/beacon-worker-process.ts', import.meta.url));
  const senderScript = fileURLToPath(new URL('./lib/direct-sender-process.ts', import.meta.url));
  let batch = 0;
  const beacons = (count: number, route = 'track'): Beacon[] => {
    batch++;
    return Array.from({ length: count }, (_, i) => {
      const template = server.url(`/${route}/b${batch}-${i}`);
      return { id: i + 1, event: 'impression', url: `${template}?cb=${i}`, template, level: 0, time: 0 };
    });
  };
  const workerOptions = (queueName: string) => ({ connection: { port: redis.port }, queueName, http: { maxConcurrent: HTTP_CONCURRENCY, connectionsPerOrigin: HTTP_CONCURRENCY } });

  async function startWorkers(count: number, queueName: string): Promise<ChildProcess[]> {
    return Promise.all(
      Array.from({ length: count }, () => {
        // No @vast/source condition: the worker runs the built dist/, like the rest of the bench.
        const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(workerOptions(queueName))], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
        return new Promise<ChildProcess>((resolve, reject) => {
          const timer = globalThis.setTimeout(() => reject(new Error('worker process not ready within 30 s')), 30_000);
          child.stdout?.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('ready')) {
              globalThis.clearTimeout(timer);
              resolve(child);
            }
          });
        });
      }),
    );
  }

  async function stopWorkers(children: ChildProcess[]): Promise<void> {
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    })));
  }

  async function waitForRequests(count: number, timeoutMs: number): Promise<void> {
    await server.waitFor(() => true, { count, timeout: timeoutMs });
  }

  /** CPU microseconds a child process has used so far (Linux /proc; NaN elsewhere). */
  function childCpuMicros(child: ChildProcess): number {
    try {
      // Fields 14 and 15 (utime, stime) after the command name, in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10_000;
    } catch {
      return Number.NaN;
    }
  }
  const ownCpuMicros = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };

  /**
   * Beacons per second sent by HttpBeaconTransport directly from a process of its own (as a
   * worker process sends, and as a middleware instance sends to an ad server), and CPU µs per
   * beacon of the sender and of this process (the HTTP server).
   */
  async function directFromProcess(): Promise<{ rate: number; cpu: { bench: number; sender: number } }> {
    batch++;
    // The same URLs as beacons() makes, built by the sender (too many for its command line).
    const sender = { base: server.url(`/track/b${batch}-`), count: N, http: { maxConcurrent: HTTP_CONCURRENCY, connectionsPerOrigin: HTTP_CONCURRENCY } };
    const child = spawn(process.execPath, ['--import', 'tsx', senderScript, JSON.stringify(sender)], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const said = (word: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = globalThis.setTimeout(() => reject(new Error(`the sender process did not say ${word} within 120 s`)), 120_000);
        const listen = (chunk: Buffer) => {
          if (chunk.toString().includes('failed')) reject(new Error('the sender process failed a beacon'));
          if (!chunk.toString().includes(word)) return;
          globalThis.clearTimeout(timer);
          child.stdout?.off('data', listen);
          resolve();
        };
        child.stdout?.on('data', listen);
      });
    await said('ready');
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const cpu = { bench: ownCpuMicros(), sender: childCpuMicros(child) };
    const started = performance.now();
    const done = said('done');
    child.stdin?.write('go\n');
    await waitForRequests(N, 120_000);
    const elapsed = performance.now() - started;
    const used = { bench: (ownCpuMicros() - cpu.bench) / N, sender: (childCpuMicros(child) - cpu.sender) / N };
    await done;
    await exited;
    server.reset();
    return { rate: (N * 1000) / elapsed, cpu: used };
  }

  /** Beacons per second sent by HttpBeaconTransport directly, and CPU µs per beacon (client and server: this process). */
  async function direct(): Promise<{ rate: number; cpu: number }> {
    const transport = new HttpBeaconTransport({ retries: 0, maxConcurrent: HTTP_CONCURRENCY, connectionsPerOrigin: HTTP_CONCURRENCY });
    const list = beacons(N);
    const cpu = ownCpuMicros();
    const started = performance.now();
    await Promise.all(list.map((b) => transport.send(b)));
    const elapsed = performance.now() - started;
    const used = ownCpuMicros() - cpu;
    await transport.close();
    server.reset();
    return { rate: (N * 1000) / elapsed, cpu: used / N };
  }

  /**
   * Beacons per second from the first enqueue to the last request received, through `workers`
   * processes: `count` beacons to `route` (`slow` answers in SLOW_MS).
   */
  async function queued(workers: number, count = N, route = 'track'): Promise<{ endToEnd: number; enqueue: number; cpu: { bench: number; redis: number; workers: number } }> {
    const queueName = `bench-${batch}-${workers}`;
    const children = await startWorkers(workers, queueName);
    const queue = new BeaconQueue({ connection: { port: redis.port }, queueName });
    const transport = queue.transport('bench');
    const list = beacons(count, route);
    const cpu = { bench: ownCpuMicros(), redis: await redisCpuMicros(), workers: children.reduce((sum, child) => sum + childCpuMicros(child), 0) };
    const started = performance.now();
    const outcomes = await Promise.all(list.map((b) => transport.send(b)));
    const enqueued = performance.now() - started;
    if (outcomes.some((o) => o.kind !== 'queued')) throw new Error('a beacon was not queued');
    await waitForRequests(count, 120_000);
    const elapsed = performance.now() - started;
    const used = {
      bench: (ownCpuMicros() - cpu.bench) / count,
      redis: ((await redisCpuMicros()) - cpu.redis) / count,
      workers: (children.reduce((sum, child) => sum + childCpuMicros(child), 0) - cpu.workers) / count,
    };
    await stopWorkers(children);
    await queue.close();
    server.reset();
    return { endToEnd: (count * 1000) / elapsed, enqueue: (count * 1000) / enqueued, cpu: used };
  }

  /** INFO memory's used_memory. */
  const usedMemory = () => info('memory', /used_memory:(\d+)/);
  /** INFO cpu's used_cpu_user + used_cpu_sys of the Redis server, in µs. */
  const redisCpuMicros = async () => (await info('cpu', /used_cpu_sys:([\d.]+)/)) * 1e6 + (await info('cpu', /used_cpu_user:([\d.]+)/)) * 1e6;

  /** One field of an INFO section, over raw RESP (no Redis client needed here). */
  function info(section: string, field: RegExp): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port: redis.port });
      let answer = '';
      socket.setTimeout(5000, () => {
        socket.destroy();
        reject(new Error(`INFO ${section}: no answer within 5 s`));
      });
      socket.once('error', reject);
      socket.once('connect', () => socket.write(`INFO ${section}\r\n`));
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
        const found = field.exec(answer);
        if (found) {
          socket.destroy();
          resolve(Number(found[1]));
        }
      });
    });
  }

  const loadBefore = loadavg();
  // Warm-up: JIT, sockets, Redis scripts.
  await direct();
  await directFromProcess();
  await queued(1);

  type Cpu = { bench: number; redis: number; workers: number };
  const rows: {
    direct: number;
    inProcess: number;
    one: number;
    two: number;
    enqueue: number;
    directCpu: { bench: number; sender: number };
    inProcessCpu: number;
    oneCpu: Cpu;
    twoCpu: Cpu;
  }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const d = await directFromProcess();
    const inProcess = await direct();
    const one = await queued(1);
    const two = await queued(2);
    rows.push({ direct: d.rate, inProcess: inProcess.rate, one: one.endToEnd, two: two.endToEnd, enqueue: one.enqueue, directCpu: d.cpu, inProcessCpu: inProcess.cpu, oneCpu: one.cpu, twoCpu: two.cpu });
  }
  // Latency-bound: each worker holds HTTP_CONCURRENCY requests to a server that answers in
  // SLOW_MS, so one worker delivers at most HTTP_CONCURRENCY / SLOW_MS beacons per second and a
  // second process adds as much again (the cores are not what limits here).
  const slowRows: { one: number; two: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) slowRows.push({ one: (await queued(1, SLOW_N, 'slow')).endToEnd, two: (await queued(2, SLOW_N, 'slow')).endToEnd });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const directMedian = median(rows.map((r) => r.direct));
  const oneMedian = median(rows.map((r) => r.one));
  const twoMedian = median(rows.map((r) => r.two));
  const enqueueMedian = median(rows.map((r) => r.enqueue));
  const inProcessMedian = median(rows.map((r) => r.inProcess));
  const slowOne = median(slowRows.map((r) => r.one));
  const slowTwo = median(slowRows.map((r) => r.two));
  const directCpu = { bench: median(rows.map((r) => r.directCpu.bench)), sender: median(rows.map((r) => r.directCpu.sender)) };
  const directCpuTotal = directCpu.bench + directCpu.sender;
  const inProcessCpu = median(rows.map((r) => r.inProcessCpu));
  const cpuOf = (pick: (r: (typeof rows)[number]) => Cpu) => ({
    bench: median(rows.map((r) => pick(r).bench)),
    redis: median(rows.map((r) => pick(r).redis)),
    workers: median(rows.map((r) => pick(r).workers)),
  });
  const oneCpu = cpuOf((r) => r.oneCpu);
  const twoCpu = cpuOf((r) => r.twoCpu);
  const total = (c: Cpu) => c.bench + c.redis + c.workers;

  // Memory: MEMORY_N beacons waiting (no worker), then the same once delivered and kept for dedup.
  const memoryQueue = new BeaconQueue({ connection: { port: redis.port }, queueName: 'bench-memory' });
  const before = await usedMemory();
  await Promise.all(beacons(MEMORY_N).map((b) => memoryQueue.transport('memory').send(b)));
  const waiting = await usedMemory();
  const worker = new BeaconWorker(workerOptions('bench-memory'));
  await waitForRequests(MEMORY_N, 120_000);
  while ((await memoryQueue.outcomesOf('memory')).length < MEMORY_N) await new Promise((resolve) => globalThis.setTimeout(resolve, 50));
  const delivered = await usedMemory();
  await worker.close();
  await memoryQueue.close();
  server.reset();

  // The window: from the HTTP response to the acknowledged record of the delivery.
  const windowQueue = new BeaconQueue({ connection: { port: redis.port }, queueName: 'bench-window' });
  const http = new HttpBeaconTransport({ retries: 0, maxConcurrent: HTTP_CONCURRENCY, connectionsPerOrigin: HTTP_CONCURRENCY });
  const responded = new Map<number, number>();
  const timed: BeaconTransport = {
    send: async (b) => {
      const outcome = await http.send(b);
      responded.set(b.id, performance.now());
      return outcome;
    },
    flush: () => http.flush(),
    close: () => http.close(),
  };
  const windows: number[] = [];
  const windowWorker = new BeaconWorker({ ...workerOptions('bench-window'), transport: timed });
  windowWorker.onOutcome((o) => windows.push(performance.now() - (responded.get(o.outcome.beacon.id) ?? Number.NaN)));
  await Promise.all(beacons(N).map((b) => windowQueue.transport('window').send(b)));
  await waitForRequests(N, 120_000);
  while (windows.length < N) await new Promise((resolve) => globalThis.setTimeout(resolve, 50));
  await windowWorker.close();
  await http.close();
  await windowQueue.close();
  windows.sort((a, b) => a - b);
  const pct = (p: number) => windows[Math.min(windows.length - 1, Math.floor((p / 100) * windows.length))] ?? Number.NaN;

  await server.close();
  await redis.stop();
  const loadAfter = loadavg();
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');

  const f0 = (x: number) => x.toFixed(0);
  const markdown = `## beacon-queue: durable beacons through Redis and a worker

Command: \`npx -y pnpm@10.34.9 bench beacon-queue\`

${N} beacons per run, each with its own idempotency key, to a testkit server on 127.0.0.1 that
answers 204 (in the bench process); a local \`redis-server\` from the testkit (no persistence);
${HTTP_CONCURRENCY} HTTP requests at once, direct and per worker process (the worker's \`concurrency\` is its
default); the queue's default batches (at most 100 beacons per job); ${ROUNDS} interleaved rounds,
medians. End to end is from the first \`send\` (for the queue: the first enqueue) to the last
request received. Everything shares the machine's cores: the bench process (producer and HTTP
server), Redis, the sender or worker processes, and whatever else runs (load average 1 / 5 / 15
min: ${load(loadBefore)} at the start, ${load(loadAfter)} at the end).

The baseline sends from a process of its own, as a worker does and as a middleware instance does
towards an ad server. The same transport sharing the server's process and event loop is shown
beside it: each turn of that loop handles both ends of many requests, which no deployment does.

${table(
  ['path', 'beacons/s (median)', 'vs direct'],
  [
    ['HttpBeaconTransport direct, from its own process (baseline)', f0(directMedian), '1.00x'],
    ['HttpBeaconTransport direct, in the HTTP server\'s process', f0(inProcessMedian), `${(inProcessMedian / directMedian).toFixed(2)}x`],
    ['queue, 1 worker process', f0(oneMedian), `${(oneMedian / directMedian).toFixed(2)}x`],
    ['queue, 2 worker processes', f0(twoMedian), `${(twoMedian / directMedian).toFixed(2)}x`],
    ['enqueue only (send resolves `queued`)', f0(enqueueMedian), `${(enqueueMedian / directMedian).toFixed(2)}x`],
  ],
)}

Per round (beacons/s): ${rows.map((r) => `direct ${f0(r.direct)} (in the server's process ${f0(r.inProcess)}), 1 worker ${f0(r.one)}, 2 workers ${f0(r.two)}`).join('; ')}.
Target: queue (1 worker) / direct at least 0.5x: ${oneMedian / directMedian >= 0.5 ? 'met' : 'NOT met'} (${(oneMedian / directMedian).toFixed(2)}x; against the sender in the
server's process: ${(oneMedian / inProcessMedian).toFixed(2)}x).

Scaling across worker processes: the processes above share 2 cores with Redis, the producer and
the HTTP server, so a second worker process has no core of its own. With an ad server that answers
in ${SLOW_MS} ms (${SLOW_N} beacons, ${HTTP_CONCURRENCY} requests at once per worker), where a worker waits rather than
computes: 1 worker process ${f0(slowOne)} beacons/s, 2 worker processes ${f0(slowTwo)} beacons/s
(${(slowTwo / slowOne).toFixed(2)}x; at most ${f0((HTTP_CONCURRENCY * 1000) / SLOW_MS)} per worker). Per round: ${slowRows.map((r) => `${f0(r.one)} / ${f0(r.two)}`).join('; ')}.

CPU time per beacon (µs, medians; process CPU over the run, so idle waits cost nothing). On a
machine whose cores are all busy, beacons/s follow the inverse of the total:

${table(
  ['path', 'bench process (producer, HTTP server)', 'Redis', 'sender or worker processes', 'total', 'direct / total'],
  [
    ['HttpBeaconTransport direct, from its own process', f0(directCpu.bench), '', f0(directCpu.sender), f0(directCpuTotal), '1.00x'],
    ['HttpBeaconTransport direct, in the HTTP server\'s process', f0(inProcessCpu), '', '', f0(inProcessCpu), `${(directCpuTotal / inProcessCpu).toFixed(2)}x`],
    ['queue, 1 worker process', f0(oneCpu.bench), f0(oneCpu.redis), f0(oneCpu.workers), f0(total(oneCpu)), `${(directCpuTotal / total(oneCpu)).toFixed(2)}x`],
    ['queue, 2 worker processes', f0(twoCpu.bench), f0(twoCpu.redis), f0(twoCpu.workers), f0(total(twoCpu)), `${(directCpuTotal / total(twoCpu)).toFixed(2)}x`],
  ],
)}

Redis memory (INFO used_memory) for ${MEMORY_N} beacons: ${f0((waiting - before) / MEMORY_N)} bytes per waiting
beacon; ${f0((delivered - before) / MEMORY_N)} bytes per delivered beacon kept for deduplication (its key's claim
and its outcome in the session's hash, for \`retentionMs\`, and its entry in the outcome stream while it is
among the last \`outcomeStreamLength\`).

The duplicate window of a worker crash: from a beacon's HTTP response to the acknowledged record
of its delivery in Redis, over ${N} beacons: p50 ${pct(50).toFixed(2)} ms, p99 ${pct(99).toFixed(2)} ms, max
${pct(100).toFixed(2)} ms. A worker killed inside it (or while the request is in flight) leaves the
beacon to be sent again by another worker.`;
  writeSection('beacon-queue', markdown);
  process.stdout.write(`${markdown}\n`);
}
