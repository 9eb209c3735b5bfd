import type { Redis } from 'ioredis';
import type { QueuedBeaconOutcome } from './beacon-job.js';
import { parseStoredOutcome } from './parse-stored-outcome.js';
import { TickBatches, type PendingItem } from './tick-batches.js';
import { outcomeSequenceKey, outcomeStreamKey, outcomesKey } from './redis-connection.js';

// Records outcomes: for outcome j, KEYS[2 + j] is its session's hash, ARGV[1 + 2j] its field (the
// idempotency key) and ARGV[2 + 2j] its JSON. Each is written into the hash, whose expiry is
// refreshed (ARGV[1]), and, unless the stream is off (ARGV[2] = 0), appended to the queue's
// outcome stream KEYS[1] (capped near ARGV[2] entries) with the next number of the sequence
// KEYS[2], by which readers tell what the cap made them miss. One command (EVALSHA), atomic.
const RECORD = `
local length = tonumber(ARGV[2])
for j = 1, #KEYS - 2 do
  local value = ARGV[2 + 2 * j]
  redis.call('HSET', KEYS[2 + j], ARGV[1 + 2 * j], value)
  redis.call('PEXPIRE', KEYS[2 + j], ARGV[1])
  if length > 0 then
    local n = redis.call('INCR', KEYS[2])
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', length, '*', 'n', n, 'o', value)
  end
end
return 1`;

// Which beacons have a recorded outcome: KEYS[i] is beacon i's session hash, ARGV[i] its field.
// One command for a whole batch, whatever the number of sessions in it.
const RECORDED = `
local found = {}
for i = 1, #KEYS do
  found[i] = redis.call('HEXISTS', KEYS[i], ARGV[i])
end
return found`;

/** The most outcomes recorded by one command. */
const MAX_RECORDS_PER_COMMAND = 256;

/** The ioredis command that {@link OutcomeStore} defines on its connection. */
interface WithRecordCommand {
  vastRecordOutcomes(...args: (string | number)[]): Promise<number>;
  vastRecordedAmong(...args: (string | number)[]): Promise<number[]>;
}

/** Where the store is and how long it keeps what. */
export interface OutcomeStoreOptions {
  /** Prefix of every Redis key. */
  readonly prefix: string;
  /** The queue's name. */
  readonly queueName: string;
  /** How long a session's outcomes stay after its last one. */
  readonly retentionMs: number;
  /** About how many outcomes the stream keeps (0: no stream). */
  readonly streamLength: number;
}

/**
 * The final outcomes of queued beacons in Redis: one hash per session (field: the idempotency
 * key), expiring `retentionMs` after its last write, and a capped stream of all of them for
 * readers that follow the queue. The worker reads the hash before sending, so a beacon whose
 * delivery was recorded is never sent again.
 *
 * @internal
 */
export class OutcomeStore {
  readonly #redis: Redis;
  readonly #options: OutcomeStoreOptions;
  readonly #stream: string;
  readonly #sequence: string;
  readonly #records: TickBatches<QueuedBeaconOutcome>;

  constructor(redis: Redis, options: OutcomeStoreOptions) {
    this.#redis = redis;
    // ioredis sends it as EVALSHA, loading it again (EVAL) after a Redis restart.
    if (!('vastRecordOutcomes' in redis)) {
      redis.defineCommand('vastRecordOutcomes', { lua: RECORD });
      redis.defineCommand('vastRecordedAmong', { lua: RECORDED });
    }
    this.#options = options;
    this.#stream = outcomeStreamKey(options.prefix, options.queueName);
    this.#sequence = outcomeSequenceKey(options.prefix, options.queueName);
    this.#records = new TickBatches(MAX_RECORDS_PER_COMMAND, setImmediate, (batch) => this.#write(batch));
  }

  #hash(sessionId: string): string {
    return outcomesKey(this.#options.prefix, this.#options.queueName, sessionId);
  }

  /**
   * Which of these beacons have a recorded outcome (one command).
   * @returns the idempotency keys that have one
   */
  async recordedAmong(entries: readonly { readonly sessionId: string; readonly key: string }[]): Promise<Set<string>> {
    const recorded = new Set<string>();
    if (entries.length === 0) return recorded;
    const hashes = entries.map((entry) => this.#hash(entry.sessionId));
    const found = await (this.#redis as unknown as WithRecordCommand).vastRecordedAmong(entries.length, ...hashes, ...entries.map((entry) => entry.key));
    found.forEach((exists, i) => {
      if (exists === 1) recorded.add(entries[i]!.key);
    });
    return recorded;
  }

  /**
   * Records a final outcome (refreshing the session's expiry, appending it to the stream)
   * atomically. The records asked for in one turn of the event loop (the responses that arrived
   * together) go to Redis in one command: one socket write and one script run instead of one per
   * beacon, for a wait of at most that turn.
   * @returns once Redis has it
   */
  record(outcome: QueuedBeaconOutcome): Promise<void> {
    return this.#records.add(outcome);
  }

  async #write(batch: readonly PendingItem<QueuedBeaconOutcome>[]): Promise<void> {
    const { retentionMs, streamLength } = this.#options;
    const keys: string[] = [this.#stream, this.#sequence];
    const args: (string | number)[] = [retentionMs, streamLength];
    for (const { item: outcome } of batch) {
      keys.push(this.#hash(outcome.sessionId));
      args.push(outcome.key, JSON.stringify(outcome));
    }
    try {
      await (this.#redis as unknown as WithRecordCommand).vastRecordOutcomes(keys.length, ...keys, ...args);
      for (const { resolve } of batch) resolve();
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  /** Every recorded outcome of a session, oldest first. */
  async all(sessionId: string): Promise<QueuedBeaconOutcome[]> {
    const hash = this.#hash(sessionId);
    const values = await this.#redis.hvals(hash);
    return values.map((value) => parseStoredOutcome<QueuedBeaconOutcome>(value, hash)).sort((a, b) => a.at - b.at || a.outcome.beacon.id - b.outcome.beacon.id);
  }
}
