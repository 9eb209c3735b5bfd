import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runsRedisTests, startMockAdServer, startRedisServer, type MockAdServer, type RedisServer } from '@vast/testkit';
import { HttpBeaconTransport, NullBeaconTransport, RecordingBeaconTransport, Tracker, type BeaconOutcome, type BeaconTransport } from '@vast/tracker';
import { SimulatedTimeProvider } from '@vast/time';
import { Redis } from 'ioredis';
import { BeaconQueue, BeaconWorker, beaconKey, isBeaconQueueError, type BeaconWorkerOptions, type OutcomeStreamEvent, type QueuedBeaconOutcome } from '../src/index.js';
import { beaconFor, countsByPath, until } from './helpers.js';

describe.skipIf(!runsRedisTests('beacon-queue/beacon-queue.test.ts'))('BeaconQueue and BeaconWorker on a real redis-server', () => {
  let redis: RedisServer;
  let server: MockAdServer;
  let opened: { close(): Promise<void> }[] = [];
  let queueNumber = 0;
  let queueName = '';

  beforeAll(async () => {
    redis = await startRedisServer();
    server = await startMockAdServer({
      routes: {
        '/track/*': { status: 204 },
        '/track/bad*': { status: 404 },
        '/track/down*': { status: 503 },
        '/track/flaky*': [{ status: 503 }, { status: 204 }],
        '/track/slow*': { status: 204, delayMs: 300 },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });
  afterEach(async () => {
    for (const item of opened.reverse()) await item.close();
    opened = [];
    server.reset();
  });

  function newQueue(options: Partial<ConstructorParameters<typeof BeaconQueue>[0]> = {}): BeaconQueue {
    queueName = `q${++queueNumber}`;
    const queue = new BeaconQueue({ connection: { port: redis.port }, queueName, ...options });
    opened.push(queue);
    return queue;
  }

  function newWorker(options: Partial<BeaconWorkerOptions> = {}): BeaconWorker {
    const worker = new BeaconWorker({ connection: { port: redis.port }, queueName, initialDelayMs: 50, maxDelayMs: 200, lockDurationMs: 10_000, stalledIntervalMs: 5_000, ...options });
    opened.push(worker);
    return worker;
  }

  it('queues a beacon (outcome queued, with its key) and a worker delivers it once, recording sent for the session', async () => {
    const queue = newQueue();
    const transport = queue.transport('s1');
    const outcome = await transport.send(beaconFor(server, 'one'));
    expect(outcome).toMatchObject({ kind: 'queued', key: expect.stringMatching(/^s1\|0\|impression\|/) as unknown });
    const seen: QueuedBeaconOutcome[] = [];
    newWorker().onOutcome((o) => seen.push(o));
    await server.waitFor((r) => r.path === '/track/one', { timeout: 10_000 });
    await until(async () => (await queue.outcomesOf('s1')).length === 1, 10_000, 'the outcome');
    const [stored] = await queue.outcomesOf('s1');
    expect(stored?.outcome).toMatchObject({ kind: 'sent', status: 204, attempts: 1 });
    // Listeners hear it just after Redis acknowledged the record.
    await until(() => seen.length === 1, 10_000, 'the listener');
    expect(seen.map((o) => o.outcome.kind)).toEqual(['sent']);
    expect(countsByPath(server.received()).get('/track/one')).toBe(1);
  });

  it('feeds a Tracker: its outcomes say queued, and the worker reports the final ones', async () => {
    const queue = newQueue();
    const time = new SimulatedTimeProvider({ startTime: 0 });
    const tracking = { levels: [{ impressions: [server.url('/track/imp-a'), server.url('/track/imp-b')], errors: [], events: [{ event: 'start', url: server.url('/track/start') }] }] };
    const tracker = new Tracker({ tracking, time, transport: queue.transport('s-tracker') });
    tracker.track('impression');
    tracker.track('start');
    const outcomes = await tracker.settled();
    expect(outcomes.map((o) => o.kind)).toEqual(['queued', 'queued', 'queued']);
    newWorker();
    await until(async () => (await queue.outcomesOf('s-tracker')).length === 3, 10_000, 'three outcomes');
    expect((await queue.outcomesOf('s-tracker')).map((o) => o.outcome.kind)).toEqual(['sent', 'sent', 'sent']);
  });

  it('enqueues each key at most once: two transports (two instances) queueing the same beacons deliver each once', async () => {
    const a = newQueue();
    const b = new BeaconQueue({ connection: { port: redis.port }, queueName });
    opened.push(b);
    const beacons = Array.from({ length: 50 }, (_, i) => beaconFor(server, `same-${i}`, i + 1));
    const [fromA, fromB] = await Promise.all([
      Promise.all(beacons.map((beacon) => a.transport('shared').send(beacon))),
      // Same beacons, URLs expanded again (other cache busters): same keys.
      Promise.all(beacons.map((beacon) => b.transport('shared').send({ ...beacon, url: `${beacon.template}?cb=other` }))),
    ]);
    expect([...fromA, ...fromB].every((o) => o.kind === 'queued')).toBe(true);
    // The 100 sends of one tick made one batch job per queue; B's found every key claimed.
    expect((await a.counts()).waiting).toBe(1);
    newWorker({ concurrency: 8 });
    await until(async () => (await a.outcomesOf('shared')).length === 50, 20_000, '50 outcomes');
    // The job completes (and is removed) just after its last outcome is recorded.
    await until(async () => (await a.counts()).active === 0, 10_000, 'the batch job to complete');
    // Enqueued again after delivery: still deduplicated (the key's claim and its outcome stay).
    expect(await a.transport('shared').send(beacons[0]!)).toMatchObject({ kind: 'queued' });
    expect(await a.counts()).toMatchObject({ waiting: 0, delayed: 0, active: 0, prioritized: 0 });
    const counts = countsByPath(server.received());
    expect(counts.size).toBe(50);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('retries 5xx with backoff (a server failing every other request), never a 4xx, and gives up after the attempts', async () => {
    const queue = newQueue();
    const t = queue.transport('s-retry');
    await t.send(beaconFor(server, 'flaky-1'));
    await t.send(beaconFor(server, 'bad-1'));
    await t.send(beaconFor(server, 'down-1'));
    newWorker({ attempts: 3 });
    await until(async () => (await queue.outcomesOf('s-retry')).length === 3, 20_000, 'three outcomes');
    const byPath = new Map((await queue.outcomesOf('s-retry')).map((o) => [new URL(o.outcome.beacon.template).pathname, o.outcome] as const));
    expect(byPath.get('/track/flaky-1')).toMatchObject({ kind: 'sent', attempts: 2 });
    expect(byPath.get('/track/bad-1')).toMatchObject({ kind: 'failed', reason: 'http-status', status: 404, attempts: 1 });
    expect(byPath.get('/track/down-1')).toMatchObject({ kind: 'failed', reason: 'http-status', status: 503, attempts: 3 });
    const counts = countsByPath(server.received());
    expect([counts.get('/track/flaky-1'), counts.get('/track/bad-1'), counts.get('/track/down-1')]).toEqual([2, 1, 3]);
  });

  it('drops a beacon older than the retry window with expired, without sending it', async () => {
    const queue = newQueue();
    await queue.transport('s-old').send(beaconFor(server, 'old'));
    // The worker's clock is two hours ahead: the job is older than the 1 hour window.
    const time = new SimulatedTimeProvider({ startTime: Date.now() + 7_200_000 });
    newWorker({ time });
    await until(async () => (await queue.outcomesOf('s-old')).length === 1, 10_000, 'the outcome');
    expect((await queue.outcomesOf('s-old'))[0]?.outcome).toMatchObject({ kind: 'dropped', reason: 'expired' });
    expect(server.received()).toHaveLength(0);
  });

  it('stops retrying when the next attempt would fall past the retry window', async () => {
    const queue = newQueue();
    await queue.transport('s-window').send(beaconFor(server, 'down-window'));
    newWorker({ retryWindowMs: 400, initialDelayMs: 1000, attempts: 10 });
    await until(async () => (await queue.outcomesOf('s-window')).length === 1, 10_000, 'the outcome');
    expect((await queue.outcomesOf('s-window'))[0]?.outcome).toMatchObject({ kind: 'failed', reason: 'http-status', attempts: 1 });
  });

  it('holds each host to its rate limit by delaying only the beacons over it, and delivers them all', async () => {
    const queue = newQueue();
    const t = queue.transport('s-rate');
    const beacons = Array.from({ length: 12 }, (_, i) => beaconFor(server, `rate-${i}`, i + 1));
    await Promise.all(beacons.map((beacon) => t.send(beacon)));
    newWorker({ concurrency: 12, perHostRateLimit: { max: 5, durationMs: 500 } });
    await server.waitFor((r) => r.path.startsWith('/track/rate-'), { count: 12, timeout: 20_000 });
    const times = server.received().map((r) => r.time).sort((x, y) => x - y);
    // No more than 5 requests in any 500 ms window starting at a request.
    for (const [i, start] of times.entries()) expect(times.slice(i).filter((t2) => t2 < start + 450).length).toBeLessThanOrEqual(5);
    expect([...countsByPath(server.received()).values()].every((n) => n === 1)).toBe(true);
  });

  it('delivers through any transport passed in, and drops what the transport drops', async () => {
    const queue = newQueue();
    await queue.transport('s-null').send(beaconFor(server, 'nulled'));
    newWorker({ transport: new NullBeaconTransport() });
    await until(async () => (await queue.outcomesOf('s-null')).length === 1, 10_000, 'the outcome');
    expect((await queue.outcomesOf('s-null'))[0]?.outcome).toMatchObject({ kind: 'dropped', reason: 'null-transport' });
  });

  it('refuses what it cannot queue: a non-http URL, an aborted signal, a closed transport', async () => {
    const queue = newQueue();
    const t = queue.transport('s-refuse');
    expect(t.sessionId).toBe('s-refuse');
    expect(await t.send({ ...beaconFor(server, 'x'), url: 'ftp://example.com/x' })).toMatchObject({ kind: 'dropped', reason: 'unsupported-scheme' });
    expect(await t.send(beaconFor(server, 'x'), AbortSignal.abort())).toMatchObject({ kind: 'failed', reason: 'aborted' });
    await t.close();
    expect(await t.send(beaconFor(server, 'x'))).toMatchObject({ kind: 'dropped', reason: 'transport-closed' });
    expect((await queue.counts()).waiting ?? 0).toBe(0);
  });

  it('close() of the worker finishes the deliveries in flight and records them, and gives the rest of their batch back; nothing accepted is lost', async () => {
    const queue = newQueue();
    const t = queue.transport('s-close');
    // One tick: one batch job of 6.
    await Promise.all(Array.from({ length: 6 }, (_, i) => t.send(beaconFor(server, `slow-${i}`, i + 1))));
    expect((await queue.counts()).waiting).toBe(1);
    const worker = newWorker({ concurrency: 2 });
    await server.waitFor((r) => r.path.startsWith('/track/slow-'), { count: 1, timeout: 10_000 });
    await worker.close();
    const afterClose = (await queue.outcomesOf('s-close')).length;
    // The two in flight finished and were recorded; the other four are back in Redis, in the job.
    expect(afterClose).toBe(2);
    expect(server.received()).toHaveLength(2);
    const counts = await queue.counts();
    expect((counts.waiting ?? 0) + (counts.delayed ?? 0)).toBe(1);
    newWorker();
    await until(async () => (await queue.outcomesOf('s-close')).length === 6, 10_000, 'six outcomes');
    expect([...countsByPath(server.received()).values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('puts the beacons of one tick into batch jobs of at most maxBatch, each delivered once', async () => {
    const queue = newQueue({ maxBatch: 40 });
    const t = queue.transport('s-batch');
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => t.send(beaconFor(server, `batch-${i}`, i + 1))));
    expect(outcomes.every((o) => o.kind === 'queued')).toBe(true);
    expect((await queue.counts()).waiting).toBe(3);
    newWorker({ concurrency: 16 });
    await until(async () => (await queue.outcomesOf('s-batch')).length === 100, 20_000, '100 outcomes');
    expect(countsByPath(server.received()).size).toBe(100);
    expect([...countsByPath(server.received()).values()].every((n) => n === 1)).toBe(true);
    // The jobs complete just after their last outcomes are recorded, and are then removed.
    await until(async () => (await queue.counts()).active === 0, 10_000, 'the batch jobs to complete');
    expect(await queue.counts()).toMatchObject({ waiting: 0, delayed: 0, active: 0, completed: 0 });
  });

  it('a worker takes another batch only while it has fewer beacons in hand than slots: a second worker gets the other big batch', async () => {
    const queue = newQueue({ maxBatch: 20 });
    const byWorker = [0, 0];
    const first = newWorker({ concurrency: 8 });
    first.onOutcome(() => byWorker[0]!++);
    await first.ready();
    const t = queue.transport('s-share');
    await Promise.all(Array.from({ length: 40 }, (_, i) => t.send(beaconFor(server, `slow-share-${i}`, i + 1))));
    // The first worker is busy with a batch of 20 (more than its 8 slots) before the second starts.
    await server.waitFor((r) => r.path.startsWith('/track/slow-share-'), { count: 1, timeout: 10_000 });
    const second = newWorker({ concurrency: 8 });
    second.onOutcome(() => byWorker[1]!++);
    await until(async () => (await queue.outcomesOf('s-share')).length === 40, 20_000, '40 outcomes');
    // A worker tells its listeners just after Redis acknowledged the record: wait for them too.
    await until(() => byWorker[0]! + byWorker[1]! === 40, 10_000, 'the listeners to hear all 40');
    expect(byWorker).toEqual([20, 20]);
  });

  it('takes over a key whose claim has no job and no outcome once it is older than the grace (its producer died), and not before', async () => {
    const queue = newQueue({ enqueueTimeoutMs: 1000 });
    const admin = new Redis({ port: redis.port });
    try {
      const orphan = beaconFor(server, 'orphan');
      const fresh = beaconFor(server, 'fresh');
      const keyOf = (b: typeof orphan) => `vast:${queueName}:claim:${beaconKey('s-orphan', b)}`;
      // Claims as a producer leaves them when it dies between the claim and the job.
      await admin.set(keyOf(orphan), `b-dead|${Date.now() - 60_000}`, 'PX', 60_000);
      await admin.set(keyOf(fresh), `b-busy|${Date.now()}`, 'PX', 60_000);
      const t = queue.transport('s-orphan');
      expect(await t.send(orphan)).toMatchObject({ kind: 'queued' });
      expect(await t.send(fresh)).toMatchObject({ kind: 'queued' });
      // Only the orphan was queued: the fresh claim may still get its job from its producer.
      expect((await queue.counts()).waiting).toBe(1);
      newWorker();
      await until(async () => (await queue.outcomesOf('s-orphan')).length === 1, 10_000, 'the outcome');
      expect(server.received().map((r) => r.path)).toEqual(['/track/orphan']);
    } finally {
      admin.disconnect();
    }
  });

  it('keeps an old claim whose job still waits: the key is not queued twice', async () => {
    const queue = newQueue({ enqueueTimeoutMs: 1000 });
    const admin = new Redis({ port: redis.port });
    try {
      const beacon = beaconFor(server, 'waiting');
      const t = queue.transport('s-waiting');
      expect(await t.send(beacon)).toMatchObject({ kind: 'queued' });
      // The claim is made old; its batch job is still waiting (no worker yet).
      const claim = `vast:${queueName}:claim:${beaconKey('s-waiting', beacon)}`;
      const [batch] = (await admin.get(claim))?.split('|') ?? [];
      await admin.set(claim, `${batch}|${Date.now() - 60_000}`, 'PX', 60_000);
      expect(await t.send(beacon)).toMatchObject({ kind: 'queued' });
      expect((await queue.counts()).waiting).toBe(1);
      newWorker();
      await until(async () => (await queue.outcomesOf('s-waiting')).length === 1, 10_000, 'the outcome');
      expect(server.received()).toHaveLength(1);
    } finally {
      admin.disconnect();
    }
  });

  it('streams the final outcomes of every session to watchOutcomes readers, in order, and tells a reader that fell behind the cap how many it missed', async () => {
    const queue = newQueue();
    const stop = new AbortController();
    const events = queue.watchOutcomes({ signal: stop.signal, blockMs: 200 })[Symbol.asyncIterator]();
    const firstEvent = events.next();
    await queue.transport('s-stream-a').send(beaconFor(server, 'stream-a'));
    const worker = newWorker({ outcomeStreamLength: 10 });
    const first = await firstEvent;
    expect(first.value).toMatchObject({ kind: 'outcome', outcome: { sessionId: 's-stream-a', outcome: { kind: 'sent' } } });
    // The reader pauses while 400 more are recorded: the stream keeps about the last 10 (Redis
    // trims whole nodes of 100 entries), so the reader missed most of them.
    const t = queue.transport('s-stream-b');
    await Promise.all(Array.from({ length: 400 }, (_, i) => t.send(beaconFor(server, `stream-b-${i}`, i + 1))));
    await until(async () => (await queue.outcomesOf('s-stream-b')).length === 400, 30_000, '400 outcomes');
    let missed = 0;
    let seen = 0;
    while (missed + seen < 400) {
      const next = await events.next();
      const event = next.done === true ? undefined : next.value;
      if (event?.kind === 'missed') missed += event.count;
      else if (event?.kind === 'outcome') seen++;
    }
    expect(missed).toBeGreaterThan(0);
    expect(seen).toBeGreaterThan(0);
    expect(missed + seen).toBe(400);
    stop.abort();
    expect(await events.next()).toMatchObject({ done: true });
    // A reader resuming after the first event (still in the stream? then its number is known)
    // is told the same: what it missed, then the rest.
    const firstSeen: OutcomeStreamEvent | undefined = first.done === true ? undefined : first.value;
    const firstId = firstSeen?.kind === 'outcome' ? firstSeen.id : '';
    const resumeStop = new AbortController();
    const resumed = queue.watchOutcomes({ signal: resumeStop.signal, after: firstId, blockMs: 100 })[Symbol.asyncIterator]();
    let total = 0;
    let newest = '';
    while (total < 400) {
      const next = await resumed.next();
      const event = next.done === true ? undefined : next.value;
      if (event?.kind === 'missed') total += event.count;
      else if (event?.kind === 'outcome') {
        total++;
        newest = event.id;
      }
    }
    expect(total).toBe(400);
    // Resuming from the newest outcome by its bare stream id (its number looked up): no gap, then the next one.
    resumeStop.abort();
    const lastStop = new AbortController();
    const fromNewest = queue.watchOutcomes({ signal: lastStop.signal, after: newest.split('#')[0] ?? '', blockMs: 100 })[Symbol.asyncIterator]();
    const following = fromNewest.next();
    await t.send(beaconFor(server, 'stream-c'));
    expect((await following).value).toMatchObject({ kind: 'outcome', outcome: { key: expect.stringMatching(/^s-stream-b\|/) as unknown } });
    lastStop.abort();
    await worker.close();
  });

  it('says what is wrong when Redis holds outcomes no worker wrote: outcomesOf throws BEACON_OUTCOME_CORRUPT, the stream yields invalid and goes on', async () => {
    const queue = newQueue();
    const admin = new Redis({ port: redis.port });
    const stop = new AbortController();
    try {
      await admin.hset(`vast:${queueName}:outcomes:s-corrupt`, 'k1', '{not json');
      await expect(queue.outcomesOf('s-corrupt')).rejects.toMatchObject({ code: 'BEACON_OUTCOME_CORRUPT', path: `vast:${queueName}:outcomes:s-corrupt` });
      await admin.hset(`vast:${queueName}:outcomes:s-corrupt`, 'k1', '{"key":"k1"}');
      await expect(queue.outcomesOf('s-corrupt')).rejects.toMatchObject({ code: 'BEACON_OUTCOME_CORRUPT' });
      const stream = `vast:${queueName}:outcome-stream`;
      await admin.xadd(stream, '*', 'n', '1', 'o', '[]');
      const events = queue.watchOutcomes({ signal: stop.signal, after: 'start', blockMs: 100 })[Symbol.asyncIterator]();
      expect((await events.next()).value).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/not one a worker wrote/) as unknown });
      await queue.transport('s-after').send(beaconFor(server, 'after-corrupt'));
      newWorker();
      expect((await events.next()).value).toMatchObject({ kind: 'outcome', outcome: { sessionId: 's-after' } });
    } finally {
      stop.abort();
      admin.disconnect();
    }
  });

  it('watchOutcomes says unavailable while Redis does not answer, and ends when its signal aborts', async () => {
    const dead = new BeaconQueue({ connection: { port: 1 }, queueName: 'unreachable' });
    const stop = new AbortController();
    const events = dead.watchOutcomes({ signal: stop.signal, retryMs: 50 })[Symbol.asyncIterator]();
    expect((await events.next()).value).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/ECONNREFUSED|retries|closed/i) as unknown });
    stop.abort();
    expect(await events.next()).toMatchObject({ done: true });
    await dead.close();
  });

  /**
   * Runs `body` with a redis-server of its own (pausing the shared one would hold up the other
   * tests' cleanup), a queue and a worker on it; then resumes the server and closes everything.
   */
  async function onOwnRedis(
    queueName: string,
    options: { readonly queue?: Partial<ConstructorParameters<typeof BeaconQueue>[0]>; readonly worker?: Partial<BeaconWorkerOptions> },
    body: (own: { readonly redis: RedisServer; readonly queue: BeaconQueue; readonly worker: BeaconWorker }) => Promise<void>,
  ): Promise<void> {
    const own = await startRedisServer();
    const queue = new BeaconQueue({ connection: { port: own.port }, queueName, ...options.queue });
    const worker = new BeaconWorker({ connection: { port: own.port }, queueName, initialDelayMs: 50, ...options.worker });
    // A close the test already saw time out says so again: only that is expected here.
    const closed = (error: unknown): void => {
      if (!isBeaconQueueError(error) || error.code !== 'BEACON_QUEUE_CLOSE_TIMEOUT') throw error;
    };
    try {
      await body({ redis: own, queue, worker });
    } finally {
      own.resume();
      await worker.close().catch(closed);
      await queue.close().catch(closed);
      await own.stop();
    }
  }

  it('watchOutcomes says unavailable when Redis hangs (no answer, connection open) within its block time plus a margin, and goes on once Redis answers', async () => {
    await onOwnRedis('hung', {}, async ({ redis: own, queue }) => {
      const stop = new AbortController();
      try {
        const events = queue.watchOutcomes({ signal: stop.signal, blockMs: 100, retryMs: 50 })[Symbol.asyncIterator]();
        const firstEvent = events.next();
        await queue.transport('s-hung').send(beaconFor(server, 'before-hang'));
        expect((await firstEvent).value).toMatchObject({ kind: 'outcome', outcome: { key: expect.stringContaining('impression') as unknown } });
        own.pause();
        // Without a bound on each read, this would wait as long as Redis hangs.
        expect((await events.next()).value).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/timed out/i) as unknown });
        own.resume();
        await queue.transport('s-hung').send(beaconFor(server, 'after-hang', 2));
        let next = await events.next();
        while (next.done !== true && next.value.kind === 'unavailable') next = await events.next();
        expect(next.value).toMatchObject({ kind: 'outcome', outcome: { sessionId: 's-hung', outcome: { kind: 'sent' } } });
        expect(next.done !== true && next.value.kind === 'outcome' && next.value.outcome.outcome.beacon.template).toMatch(/after-hang$/);
      } finally {
        stop.abort();
      }
    });
  }, 30_000);

  it('a hung Redis: send says failed (timeout) once enqueueTimeoutMs passes; sent again after Redis answers, the beacon is delivered once', async () => {
    await onOwnRedis('hung-send', { queue: { enqueueTimeoutMs: 300 } }, async ({ redis: own, queue }) => {
      const t = queue.transport('s-hung-send');
      // Connected first, so that the pause below is a hang, not a refused connection.
      expect((await t.send(beaconFor(server, 'hung-warm'))).kind).toBe('queued');
      own.pause();
      expect(await t.send(beaconFor(server, 'hung-send'))).toMatchObject({ kind: 'failed', reason: 'timeout', message: expect.stringContaining('300 ms') as unknown });
      own.resume();
      // The timed-out beacon may still have been queued; sending it again must not deliver it twice.
      expect((await t.send(beaconFor(server, 'hung-send'))).kind).toBe('queued');
      await until(async () => (await queue.outcomesOf('s-hung-send')).length === 2, 20_000, 'both outcomes');
      expect(countsByPath(server.received()).get('/track/hung-send')).toBe(1);
    });
  }, 30_000);

  it('close() of a queue and of a worker is bounded by closeTimeoutMs when Redis hangs: the connections are dropped and it says so', async () => {
    await onOwnRedis('hung-close', { queue: { closeTimeoutMs: 300 }, worker: { closeTimeoutMs: 300 } }, async ({ redis: own, queue, worker }) => {
      await queue.transport('s-hung-close').send(beaconFor(server, 'hung-close'));
      await until(async () => (await queue.outcomesOf('s-hung-close')).length === 1, 10_000, 'the outcome');
      own.pause();
      // Without the bound, both would wait for as long as Redis hangs.
      const [workerClosed, queueClosed] = await Promise.all([worker.close().catch((e: unknown) => e), queue.close().catch((e: unknown) => e)]);
      expect(workerClosed).toMatchObject({ code: 'BEACON_QUEUE_CLOSE_TIMEOUT', path: 'closeTimeoutMs', message: expect.stringMatching(/worker.*300 ms/) as unknown });
      expect(queueClosed).toMatchObject({ code: 'BEACON_QUEUE_CLOSE_TIMEOUT', path: 'closeTimeoutMs', message: expect.stringMatching(/queue.*300 ms/) as unknown });
      // A second close says the same, at once.
      await expect(queue.close()).rejects.toMatchObject({ code: 'BEACON_QUEUE_CLOSE_TIMEOUT' });
    });
  }, 30_000);

  it('close() with Redis answering closes gracefully well within closeTimeoutMs', async () => {
    const queue = new BeaconQueue({ connection: { port: redis.port }, queueName: 'graceful-close', closeTimeoutMs: 10_000 });
    const worker = new BeaconWorker({ connection: { port: redis.port }, queueName: 'graceful-close', initialDelayMs: 50, closeTimeoutMs: 10_000 });
    await queue.transport('s-graceful').send(beaconFor(server, 'graceful-close'));
    await until(async () => (await queue.outcomesOf('s-graceful')).length === 1, 10_000, 'the outcome');
    await expect(worker.close()).resolves.toBeUndefined();
    await expect(queue.close()).resolves.toBeUndefined();
  });

  it('a worker made with autorun false takes jobs only after start()', async () => {
    const queue = newQueue();
    await queue.transport('s-auto').send(beaconFor(server, 'auto'));
    const worker = newWorker({ autorun: false, transport: new RecordingBeaconTransport() });
    await worker.ready();
    expect((await queue.counts()).waiting).toBe(1);
    worker.start();
    await until(async () => (await queue.outcomesOf('s-auto')).length === 1, 10_000, 'the outcome');
    expect((await queue.outcomesOf('s-auto'))[0]?.outcome.kind).toBe('recorded');
  });

  it('works with the defaults (queue name, prefix, delays, lock and stall settings)', async () => {
    const queue = new BeaconQueue({ connection: { port: redis.port } });
    opened.push(queue);
    const worker = new BeaconWorker({ connection: { host: '127.0.0.1', port: redis.port }, transport: new RecordingBeaconTransport() });
    opened.push(worker);
    await queue.transport('s-defaults').send(beaconFor(server, 'defaults'));
    await until(async () => (await queue.outcomesOf('s-defaults')).length === 1, 10_000, 'the outcome');
    expect((await queue.outcomesOf('s-defaults'))[0]?.outcome.kind).toBe('recorded');
  });

  it('never sends a key whose delivery is recorded, even when its claim is gone and it is queued again', async () => {
    const queue = newQueue();
    const t = queue.transport('s-again');
    const beacon = beaconFor(server, 'again');
    expect(await t.send(beacon)).toMatchObject({ kind: 'queued' });
    newWorker();
    await until(async () => (await queue.outcomesOf('s-again')).length === 1, 10_000, 'the outcome');
    // The claim is removed (as if it had expired first), then the same beacon is queued again.
    const admin = new Redis({ port: redis.port });
    await admin.del(`vast:${queueName}:claim:${beaconKey('s-again', beacon)}`);
    admin.disconnect();
    expect(await t.send(beacon)).toMatchObject({ kind: 'queued' });
    await until(async () => ((await queue.counts()).waiting ?? 0) + ((await queue.counts()).active ?? 0) === 0, 10_000, 'the second job to complete');
    expect(server.received()).toHaveLength(1);
  });

  it('a delivery whose record Redis refuses is retried and sent again: the documented window', async () => {
    const queue = newQueue();
    const admin = new Redis({ port: redis.port });
    const outcomesKey = `vast:${queueName}:outcomes:s-window2`;
    const http = new HttpBeaconTransport({ retries: 0 });
    let breakRecord = true;
    // Right after the first response, the session's outcome key becomes a string, so recording
    // the delivery fails (WRONGTYPE), as if the worker had died before writing it.
    const transport: BeaconTransport = {
      send: async (beacon) => {
        const outcome = await http.send(beacon);
        if (breakRecord) await admin.set(outcomesKey, 'not a hash');
        breakRecord = false;
        return outcome;
      },
      flush: () => http.flush(),
      close: () => http.close(),
    };
    try {
      await queue.transport('s-window2').send(beaconFor(server, 'unrecorded'));
      newWorker({ transport });
      await server.waitFor((r) => r.path === '/track/unrecorded', { timeout: 10_000 });
      await until(async () => (await admin.type(outcomesKey)) === 'string', 10_000, 'the broken key');
      await admin.del(outcomesKey);
      await until(async () => (await queue.outcomesOf('s-window2')).length === 1, 10_000, 'the outcome');
      expect(countsByPath(server.received()).get('/track/unrecorded')).toBe(2);
    } finally {
      admin.disconnect();
      await http.close();
    }
  });

  it('bounds its wait for Redis: a record that Redis answers late fails the attempt, and the retry finds it recorded', async () => {
    const queue = newQueue();
    const admin = new Redis({ port: redis.port });
    const http = new HttpBeaconTransport({ retries: 0 });
    let block = true;
    // Right after the response, a script keeps Redis busy for 500 ms: the record waits behind it.
    const busy = "local t = redis.call('TIME'); local s = t[1] * 1000000 + t[2]; while true do local n = redis.call('TIME'); if n[1] * 1000000 + n[2] - s > 500000 then break end end; return 1";
    const transport: BeaconTransport = {
      send: async (beacon) => {
        const outcome = await http.send(beacon);
        if (block) void admin.eval(busy, 0);
        block = false;
        return outcome;
      },
      flush: () => http.flush(),
      close: () => http.close(),
    };
    try {
      await queue.transport('s-slow-redis').send(beaconFor(server, 'late-record'));
      const worker = newWorker({ transport, redisTimeoutMs: 100 });
      const failures: string[] = [];
      worker.onJobError(() => {
        throw new Error('a broken listener');
      });
      worker.onJobError((error) => failures.push(error.message));
      await until(async () => (await queue.outcomesOf('s-slow-redis')).length === 1, 15_000, 'the outcome');
      // An attempt failed on the timeout while Redis was busy; the next found the record and sent nothing.
      await until(() => failures.length >= 1, 5000, 'the failed attempt');
      expect(failures[0]).toMatch(/Redis did not answer within 100 ms/);
      expect((await queue.outcomesOf('s-slow-redis'))[0]?.outcome).toMatchObject({ kind: 'sent' });
      expect(countsByPath(server.received()).get('/track/late-record')).toBe(1);
    } finally {
      admin.disconnect();
      await http.close();
    }
  });

  it('says failed (network) when Redis refuses the write', async () => {
    const queue = newQueue();
    const admin = new Redis({ port: redis.port });
    await admin.config('SET', 'min-replicas-to-write', '1');
    try {
      const outcome = await queue.transport('s-refused').send(beaconFor(server, 'refused'));
      expect(outcome).toMatchObject({ kind: 'failed', reason: 'network', message: expect.stringMatching(/NOREPLICAS/) as unknown });
    } finally {
      await admin.config('SET', 'min-replicas-to-write', '0');
      admin.disconnect();
    }
  });

  it('tells each onOutcome listener until it unsubscribes, whatever another listener throws', async () => {
    const queue = newQueue();
    const t = queue.transport('s-listen');
    const worker = newWorker({ concurrency: 1 });
    const seen: string[] = [];
    worker.onOutcome(() => {
      throw new Error('a broken listener');
    });
    const stop = worker.onOutcome((o) => seen.push(o.key));
    await t.send(beaconFor(server, 'listen-1'));
    await until(() => seen.length === 1, 10_000, 'the first outcome');
    stop();
    await t.send(beaconFor(server, 'listen-2'));
    await until(async () => (await queue.outcomesOf('s-listen')).length === 2, 10_000, 'the second outcome');
    expect(seen).toHaveLength(1);
  });

  it('says failed (timeout) when Redis does not accept a beacon in time, and never rejects', async () => {
    const dead = new BeaconQueue({ connection: { port: 1 }, queueName: 'unreachable', enqueueTimeoutMs: 300 });
    const outcome: BeaconOutcome = await dead.transport('s').send(beaconFor(server, 'nowhere'));
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && ['timeout', 'network'].includes(outcome.reason)).toBe(true);
    await dead.close();
  });
});
