import type { Redis } from 'ioredis';
import type { QueuedBeaconOutcome } from './beacon-job.js';
import { outcomesKey } from './redis-connection.js';

/**
 * The final outcomes of queued beacons in Redis: one hash per session (field: the idempotency
 * key), expiring `retentionMs` after its last write. The worker reads it before sending, so a
 * beacon whose delivery was recorded is never sent again.
 *
 * @internal
 */
export class OutcomeStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #queueName: string;
  readonly #retentionMs: number;

  constructor(redis: Redis, prefix: string, queueName: string, retentionMs: number) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#queueName = queueName;
    this.#retentionMs = retentionMs;
  }

  /** The recorded outcome of one key, if any. */
  async get(sessionId: string, key: string): Promise<QueuedBeaconOutcome | undefined> {
    const value = await this.#redis.hget(outcomesKey(this.#prefix, this.#queueName, sessionId), key);
    return value === null ? undefined : (JSON.parse(value) as QueuedBeaconOutcome);
  }

  /** Records a final outcome (and refreshes the session's expiry) in one transaction. */
  async record(outcome: QueuedBeaconOutcome): Promise<void> {
    const key = outcomesKey(this.#prefix, this.#queueName, outcome.sessionId);
    // exec() resolves null only for a WATCHed transaction, which this is not.
    const results = (await this.#redis.multi().hset(key, outcome.key, JSON.stringify(outcome)).pexpire(key, this.#retentionMs).exec()) ?? [];
    for (const [error] of results) if (error !== null) throw error;
  }

  /** Every recorded outcome of a session, oldest first. */
  async all(sessionId: string): Promise<QueuedBeaconOutcome[]> {
    const values = await this.#redis.hvals(outcomesKey(this.#prefix, this.#queueName, sessionId));
    return values.map((value) => JSON.parse(value) as QueuedBeaconOutcome).sort((a, b) => a.at - b.at || a.outcome.beacon.id - b.outcome.beacon.id);
  }
}
