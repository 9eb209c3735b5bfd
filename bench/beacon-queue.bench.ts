// Beacons per second end to end through the durable queue (enqueue into Redis, worker process,
// HTTP to a loopback server) with 1 and 2 worker processes, next to HttpBeaconTransport sending
// directly in the same run; Redis memory per queued beacon; and the window between a beacon's
// HTTP response and the record of its delivery in Redis (a worker killed inside it sends the
// beacon again). Needs redis-server. Run: npx -y pnpm@10.34.9 bench beacon-queue
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BeaconQueue, BeaconWorker } from '@vast/beacon-queue';
import { isRedisServerAvailable, startMockAdServer, startRedisServer } from '@vast/testkit';
import { HttpBeaconTransport, type Beacon, type BeaconTransport } from '@vast/tracker';
import { table, writeSection } from './lib/report.js';

const N = 3000;
const ROUNDS = 3;
const CONCURRENCY = 16;
const MEMORY_N = 5000;

if (!isRedisServerAvailable()) {
  process.stdout.write('beacon-queue bench SKIPPED: redis-server is not installed (apt-get install -y redis-server)\n');
} else {
  await run();
}

async function run(): Promise<void> {
  const redis = await startRedisServer();
  const server = await startMockAdServer({ fallback: { status: 204 } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const script = fileURLToPath(new URL('./lib/beacon-worker-process.ts', import.meta.url));
  let batch = 0;
  const beacons = (count: number): Beacon[] => {
    batch++;
    return Array.from({ length: count }, (_, i) => {
      const template = server.url(`/track/b${batch}-${i}`);
      return { id: i + 1, event: 'impression', url: `${template}?cb=${i}`, template, level: 0, time: 0 };
    });
  };
  const workerOptions = (queueName: string) => ({ connection: { port: redis.port }, queueName, concurrency: CONCURRENCY, http: { maxConcurrent: CONCURRENCY, connectionsPerOrigin: CONCURRENCY } });

  async function startWorkers(count: number, queueName: string): Promise<ChildProcess[]> {
    return Promise.all(
      Array.from({ length: count }, () => {
        const child = spawn(process.execPath, ['--conditions=@vast/source', '--import', 'tsx', script, JSON.stringify(workerOptions(queueName))], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
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

  /** Beacons per second sent by HttpBeaconTransport directly. */
  async function direct(): Promise<number> {
    const transport = new HttpBeaconTransport({ retries: 0, maxConcurrent: CONCURRENCY, connectionsPerOrigin: CONCURRENCY });
    const list = beacons(N);
    const started = performance.now();
    await Promise.all(list.map((b) => transport.send(b)));
    const elapsed = performance.now() - started;
    await transport.close();
    server.reset();
    return (N * 1000) / elapsed;
  }

  /** Beacons per second from the first enqueue to the last request received, through `workers` processes. */
  async function queued(workers: number): Promise<{ endToEnd: number; enqueue: number }> {
    const queueName = `bench-${batch}-${workers}`;
    const children = await startWorkers(workers, queueName);
    const queue = new BeaconQueue({ connection: { port: redis.port }, queueName });
    const transport = queue.transport('bench');
    const list = beacons(N);
    const started = performance.now();
    const outcomes = await Promise.all(list.map((b) => transport.send(b)));
    const enqueued = performance.now() - started;
    if (outcomes.some((o) => o.kind !== 'queued')) throw new Error('a beacon was not queued');
    await waitForRequests(N, 120_000);
    const elapsed = performance.now() - started;
    await stopWorkers(children);
    await queue.close();
    server.reset();
    return { endToEnd: (N * 1000) / elapsed, enqueue: (N * 1000) / enqueued };
  }

  /** INFO memory's used_memory, over raw RESP (no Redis client needed here). */
  function usedMemory(): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port: redis.port });
      let answer = '';
      socket.setTimeout(5000, () => {
        socket.destroy();
        reject(new Error('INFO memory: no answer within 5 s'));
      });
      socket.once('error', reject);
      socket.once('connect', () => socket.write('INFO memory\r\n'));
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
        const found = /used_memory:(\d+)/.exec(answer);
        if (found) {
          socket.destroy();
          resolve(Number(found[1]));
        }
      });
    });
  }

  // Warm-up: JIT, sockets, Redis scripts.
  await direct();
  await queued(1);

  const rows: { direct: number; one: number; two: number; enqueue: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const d = await direct();
    const one = await queued(1);
    const two = await queued(2);
    rows.push({ direct: d, one: one.endToEnd, two: two.endToEnd, enqueue: one.enqueue });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const directMedian = median(rows.map((r) => r.direct));
  const oneMedian = median(rows.map((r) => r.one));
  const twoMedian = median(rows.map((r) => r.two));
  const enqueueMedian = median(rows.map((r) => r.enqueue));

  // Memory: MEMORY_N beacons waiting (no worker), then the same once delivered and kept for dedup.
  const memoryQueue = new BeaconQueue({ connection: { port: redis.port }, queueName: 'bench-memory' });
  const before = await usedMemory();
  await Promise.all(beacons(MEMORY_N).map((b) => memoryQueue.transport('memory').send(b)));
  const waiting = await usedMemory();
  const worker = new BeaconWorker(workerOptions('bench-memory'));
  await waitForRequests(MEMORY_N, 120_000);
  while (((await memoryQueue.counts()).completed ?? 0) < MEMORY_N) await new Promise((resolve) => globalThis.setTimeout(resolve, 50));
  const delivered = await usedMemory();
  await worker.close();
  await memoryQueue.close();
  server.reset();

  // The window: from the HTTP response to the acknowledged record of the delivery.
  const windowQueue = new BeaconQueue({ connection: { port: redis.port }, queueName: 'bench-window' });
  const http = new HttpBeaconTransport({ retries: 0, maxConcurrent: CONCURRENCY, connectionsPerOrigin: CONCURRENCY });
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

  const f0 = (x: number) => x.toFixed(0);
  const markdown = `## beacon-queue: durable beacons through Redis and a worker

Command: \`npx -y pnpm@10.34.9 bench beacon-queue\`

${N} beacons per run, each with its own idempotency key, to a testkit server on 127.0.0.1 that
answers 204; a local \`redis-server\` from the testkit (no persistence); ${CONCURRENCY} deliveries at
once per worker process; ${ROUNDS} interleaved rounds, medians. End to end is from the first
\`send\` to the last request received. Other processes shared the 2 cores during the run.

${table(
  ['path', 'beacons/s (median)', 'vs direct'],
  [
    ['HttpBeaconTransport direct (baseline)', f0(directMedian), '1.00x'],
    ['queue, 1 worker process', f0(oneMedian), `${(oneMedian / directMedian).toFixed(2)}x`],
    ['queue, 2 worker processes', f0(twoMedian), `${(twoMedian / directMedian).toFixed(2)}x`],
    ['enqueue only (send resolves `queued`)', f0(enqueueMedian), `${(enqueueMedian / directMedian).toFixed(2)}x`],
  ],
)}

Per round (beacons/s): ${rows.map((r) => `direct ${f0(r.direct)}, 1 worker ${f0(r.one)}, 2 workers ${f0(r.two)}`).join('; ')}.
Target: queue (1 worker) / direct at least 0.5x: ${oneMedian / directMedian >= 0.5 ? 'met' : 'NOT met'}.

Redis memory (INFO used_memory) for ${MEMORY_N} beacons: ${f0((waiting - before) / MEMORY_N)} bytes per waiting
beacon; ${f0((delivered - before) / MEMORY_N)} bytes per delivered beacon kept for deduplication (the finished
job for \`retentionMs\` and its outcome in the session's hash).

The duplicate window of a worker crash: from a beacon's HTTP response to the acknowledged record
of its delivery in Redis, over ${N} beacons: p50 ${pct(50).toFixed(2)} ms, p99 ${pct(99).toFixed(2)} ms, max
${pct(100).toFixed(2)} ms. A worker killed inside it (or while the request is in flight) leaves the
beacon to be sent again by another worker.`;
  writeSection('beacon-queue', markdown);
  process.stdout.write(`${markdown}\n`);
}
