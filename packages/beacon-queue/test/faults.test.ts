import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runsRedisTests, startMockAdServer, startRedisServer, type MockAdServer, type RecordedRequest, type RedisServer } from '@vast/testkit';
import type { BeaconOutcome } from '@vast/tracker';
import { BeaconQueue, BeaconWorker } from '../src/index.js';
import { beaconFor, countsByPath, killWorkerProcess, startWorkerProcess, until, type WorkerProcess } from './helpers.js';

/** Requests beyond the first per path: second deliveries of one beacon. */
function duplicates(requests: readonly RecordedRequest[]): number {
  let extra = 0;
  for (const n of countsByPath(requests).values()) extra += n - 1;
  return extra;
}

describe.skipIf(!runsRedisTests('beacon-queue/faults.test.ts'))('delivery survives crashes and restarts (real redis-server, real worker processes)', () => {
  let redis: RedisServer;
  let server: MockAdServer;
  let queue: BeaconQueue | undefined;
  let workers: WorkerProcess[] = [];
  let worker: BeaconWorker | undefined;
  let n = 0;

  beforeAll(async () => {
    redis = await startRedisServer({ persistence: 'append-only' });
    server = await startMockAdServer({
      routes: {
        '/track/*': { status: 204, delayMs: 20 },
        '/track/alt-*': Array.from({ length: 2000 }, (_, i) => ({ status: i % 2 === 0 ? 503 : 204 })),
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });
  afterEach(async () => {
    for (const w of workers) await killWorkerProcess(w);
    workers = [];
    await worker?.close();
    worker = undefined;
    await queue?.close();
    queue = undefined;
    server.reset();
  });

  const workerConfig = (queueName: string, extra: Record<string, unknown> = {}) => ({
    connection: { port: redis.port },
    queueName,
    concurrency: 8,
    lockDurationMs: 3000,
    stalledIntervalMs: 1000,
    initialDelayMs: 50,
    maxDelayMs: 200,
    ...extra,
  });

  async function enqueue(queueName: string, count: number, prefix: string): Promise<BeaconOutcome[]> {
    queue = new BeaconQueue({ connection: { port: redis.port }, queueName });
    const transport = queue.transport(`session-${queueName}`);
    return Promise.all(Array.from({ length: count }, (_, i) => transport.send(beaconFor(server, `${prefix}-${i}`, i + 1))));
  }

  it('a worker process killed (SIGKILL) mid-batch: another process delivers the rest; only requests in flight at the kill are repeated', async () => {
    const name = `kill-${++n}`;
    const accepted = await enqueue(name, 200, name);
    expect(accepted.every((o) => o.kind === 'queued')).toBe(true);
    workers.push(await startWorkerProcess(workerConfig(name)));
    await server.waitFor((r) => r.path.startsWith(`/track/${name}-`), { count: 50, timeout: 30_000 });
    await killWorkerProcess(workers[0]!);
    const atKill = server.received().length;
    workers.push(await startWorkerProcess(workerConfig(name)));
    await until(() => countsByPath(server.received()).size === 200, 60_000, 'every beacon to arrive');
    await until(async () => (await queue!.outcomesOf(`session-${name}`)).length === 200, 30_000, 'every outcome');
    const extra = duplicates(server.received());
    console.info(`worker SIGKILL after ${atKill} of 200 requests: ${extra} second deliveries (requests in flight at the kill; concurrency 8)`);
    // Every accepted beacon arrived; a repeat only for a request the killed worker had in flight.
    expect(extra).toBeLessThanOrEqual(8);
    expect((await queue!.outcomesOf(`session-${name}`)).every((o) => o.outcome.kind === 'sent')).toBe(true);
  }, 150_000);

  it('a worker killed after recording a delivery but before completing its job: the next worker does not send it again', async () => {
    const name = `record-${++n}`;
    await enqueue(name, 5, name);
    // Concurrency 1 and a kill right after the first record: no other request is in flight.
    workers.push(await startWorkerProcess(workerConfig(name, { concurrency: 1, killAfterOutcomes: 1 })));
    await workers[0]!.exited;
    expect(server.received()).toHaveLength(1);
    workers.push(await startWorkerProcess(workerConfig(name)));
    await until(async () => (await queue!.outcomesOf(`session-${name}`)).length === 5, 60_000, 'five outcomes (the stalled batch recovered)');
    const counts = countsByPath(server.received());
    expect(counts.size).toBe(5);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  }, 150_000);

  it('Redis restarted mid-batch (append-only): every beacon it accepted is delivered exactly once', async () => {
    const name = `redis-${++n}`;
    const first = await enqueue(name, 200, name);
    // A reader of the outcome stream, from another instance, follows through the restart.
    const stop = new AbortController();
    const streamed = new Set<string>();
    let unavailable = 0;
    const reading = (async () => {
      for await (const event of queue!.watchOutcomes({ signal: stop.signal, after: 'start', blockMs: 200, retryMs: 100 })) {
        if (event.kind === 'outcome') streamed.add(event.outcome.key);
        if (event.kind === 'unavailable') unavailable++;
      }
    })();
    worker = new BeaconWorker(workerConfig(name));
    await server.waitFor((r) => r.path.startsWith(`/track/${name}-`), { count: 50, timeout: 30_000 });
    const transport = queue!.transport(`session-${name}`);
    // More beacons are sent while Redis goes down and comes back.
    const during = Promise.all(Array.from({ length: 100 }, (_, i) => transport.send(beaconFor(server, `${name}-late-${i}`, 1000 + i))));
    await redis.restart();
    const late = await during;
    const accepted = [...first, ...late].filter((o) => o.kind === 'queued');
    const notAccepted = first.length + late.length - accepted.length;
    const paths = new Set(accepted.map((o) => new URL(o.beacon.template).pathname));
    await until(() => [...paths].every((p) => countsByPath(server.received()).has(p)), 90_000, 'every accepted beacon to arrive');
    await until(async () => (await queue!.outcomesOf(`session-${name}`)).length >= accepted.length, 60_000, 'every outcome');
    const counts = countsByPath(server.received());
    console.info(`Redis restart mid-batch: ${accepted.length} accepted, ${notAccepted} refused while it was down, ${duplicates(server.received())} second deliveries; the stream reader saw Redis unavailable ${unavailable} times`);
    expect([...paths].every((p) => counts.get(p) === 1)).toBe(true);
    // The stream (persisted with the rest) gave the reader every outcome, those after the restart included.
    const recorded = await queue!.outcomesOf(`session-${name}`);
    await until(() => recorded.every((o) => streamed.has(o.key)), 30_000, 'the stream reader to see every outcome');
    stop.abort();
    await reading;
  }, 200_000);

  it('a receiving server that fails every other request (503): every beacon is counted once (one 2xx per key)', async () => {
    const name = `alt-${++n}`;
    await enqueue(name, 100, name);
    worker = new BeaconWorker(workerConfig(name, { attempts: 10 }));
    await until(async () => (await queue!.outcomesOf(`session-${name}`)).length === 100, 60_000, 'every outcome');
    // The server answers the i-th request of the route with 503 when i is even (it records, then picks).
    const accepted = new Map<string, number>();
    server.received().forEach((r, i) => {
      if (i % 2 === 1) accepted.set(r.path, (accepted.get(r.path) ?? 0) + 1);
    });
    expect(accepted.size).toBe(100);
    expect([...accepted.values()].every((c) => c === 1)).toBe(true);
    expect((await queue!.outcomesOf(`session-${name}`)).every((o) => o.outcome.kind === 'sent')).toBe(true);
  }, 150_000);
});
