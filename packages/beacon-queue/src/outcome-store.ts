import type { Redis } from 'ioredis';
import type { QueuedBeaconOutcome } from './beacon-job.js';
import { outcomesKey } from './redis-connection.js';

// Writes the outcome and refreshes the session's expiry: one command (EVALSHA) instead of four
// (MULTI, HSET, PEXPIRE, EXEC), atomic all the same.
const RECORD = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/** The ioredis command that {@link OutcomeStore} defines on its connection. */
interface WithRecordCommand {
  vastRecordOutcome(key: string, field: string, value: string, ttlMs: number): Promise<number>;
}

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
    // ioredis sends it as EVALSHA, loading it again (EVAL) after a Redis restart.
    if (!('vastRecordOutcome' in redis)) redis.defineCommand('vastRecordOutcome', { numberOfKeys: 1, lua: RECORD });
    this.#prefix = prefix;
    this.#queueName = queueName;
    this.#retentionMs = retentionMs;
  }

  /** The recorded outcome of one key, if any. */
  async get(sessionId: string, key: string): Promise<QueuedBeaconOutcome | undefined> {
    const value = await this.#redis.hget(outcomesKey(this.#prefix, this.#queueName, sessionId), key);
    return value === null ? undefined : (JSON.parse(value) as QueuedBeaconOutcome);
  }

  /** Records a final outcome (and refreshes the session's expiry) atomically. */
  async record(outcome: QueuedBeaconOutcome): Promise<void> {
    const key = outcomesKey(this.#prefix, this.#queueName, outcome.sessionId);
    await (this.#redis as unknown as WithRecordCommand).vastRecordOutcome(key, outcome.key, JSON.stringify(outcome), this.#retentionMs);
  }

  /** Every recorded outcome of a session, oldest first. */
  async all(sessionId: string): Promise<QueuedBeaconOutcome[]> {
    const values = await this.#redis.hvals(outcomesKey(this.#prefix, this.#queueName, sessionId));
    return values.map((value) => JSON.parse(value) as QueuedBeaconOutcome).sort((a, b) => a.at - b.at || a.outcome.beacon.id - b.outcome.beacon.id);
  }
}
