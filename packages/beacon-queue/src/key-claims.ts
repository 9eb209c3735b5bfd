import type { Redis } from 'ioredis';

// Claims idempotency keys for one batch. KEYS[i]: the claim of entry i (n entries). ARGV[1]: the
// batch (its job id); ARGV[2]: how long a claim lasts (ms); ARGV[3]: the prefix of job keys;
// ARGV[4]: the grace (ms); ARGV[4 + i]: entry i's outcome hash; ARGV[4 + n + i]: its field.
// A key another batch holds stays with it, unless that claim is an orphan: older than the grace,
// its batch job gone and its beacon without a recorded outcome (the producer that claimed it
// died before adding the job, or Redis refused the job). A completed batch's beacons all have
// outcomes, so they stay claimed. Returns the (1-based) indexes of the keys the batch now holds.
const CLAIM = `
local n = #KEYS
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local value = ARGV[1] .. '|' .. now
local grace = tonumber(ARGV[4])
local held = {}
for i = 1, n do
  if redis.call('SET', KEYS[i], value, 'NX', 'PX', ARGV[2]) then
    held[#held + 1] = i
  else
    local owner = redis.call('GET', KEYS[i]) or ''
    local bar = string.find(owner, '|', 1, true)
    if bar then
      local batch = string.sub(owner, 1, bar - 1)
      local since = tonumber(string.sub(owner, bar + 1)) or now
      if batch ~= ARGV[1] and now - since > grace and redis.call('EXISTS', ARGV[3] .. batch) == 0
        and redis.call('HEXISTS', ARGV[4 + i], ARGV[4 + n + i]) == 0 then
        redis.call('SET', KEYS[i], value, 'PX', ARGV[2])
        held[#held + 1] = i
      end
    end
  end
end
return held`;

// Gives back the claims of a batch whose job Redis did not store. KEYS: the claims; ARGV[1]: the batch.
const RELEASE = `
local mine = ARGV[1] .. '|'
local released = 0
for i = 1, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  if owner and string.sub(owner, 1, #mine) == mine then
    redis.call('DEL', KEYS[i])
    released = released + 1
  end
end
return released`;

/** The commands {@link KeyClaims} defines on its connection. */
interface WithClaimCommands {
  vastClaimKeys(...args: (string | number)[]): Promise<number[]>;
  vastReleaseKeys(...args: string[]): Promise<number>;
}

/** A beacon to claim: its session and its idempotency key. */
export interface ClaimedKey {
  /** The session (whose outcome hash tells whether the beacon was delivered). */
  readonly sessionId: string;
  /** The idempotency key. */
  readonly key: string;
}

/** Where the claims, the jobs and the outcomes of one queue live in Redis. */
export interface ClaimKeys {
  /** The key of an idempotency key's claim. */
  claim(key: string): string;
  /** The key of a session's outcome hash. */
  outcomes(sessionId: string): string;
  /** What BullMQ puts before a job id to make the job's key. */
  readonly jobPrefix: string;
}

/**
 * Enqueued at most once per idempotency key: before a batch job is added, its beacons' keys are
 * claimed in one script; a key already claimed (by this or another instance) is left out of the
 * job. A claim lasts the queue's retention; one whose producer died before adding its job is
 * taken over after a grace period.
 *
 * @internal
 */
export class KeyClaims {
  readonly #redis: Redis;
  readonly #keys: ClaimKeys;
  readonly #ttlMs: number;
  readonly #graceMs: number;

  /**
   * @param redis - the producer's connection
   * @param keys - where the claims, jobs and outcomes are
   * @param ttlMs - how long a claim lasts (the retention)
   * @param graceMs - how old a claim without a job must be before another batch takes it over
   */
  constructor(redis: Redis, keys: ClaimKeys, ttlMs: number, graceMs: number) {
    this.#redis = redis;
    this.#keys = keys;
    this.#ttlMs = ttlMs;
    this.#graceMs = graceMs;
    // ioredis sends them as EVALSHA, loading them again (EVAL) after a Redis restart.
    if (!('vastClaimKeys' in redis)) {
      redis.defineCommand('vastClaimKeys', { lua: CLAIM });
      redis.defineCommand('vastReleaseKeys', { lua: RELEASE });
    }
  }

  /**
   * Claims the keys of a batch.
   * @param batchId - the job id the batch will have
   * @param entries - its beacons
   * @returns for each entry, whether the batch holds its key (false: another batch has it)
   */
  async claim(batchId: string, entries: readonly ClaimedKey[]): Promise<boolean[]> {
    const claims = entries.map((entry) => this.#keys.claim(entry.key));
    const args = [
      entries.length,
      ...claims,
      batchId,
      this.#ttlMs,
      this.#keys.jobPrefix,
      this.#graceMs,
      ...entries.map((entry) => this.#keys.outcomes(entry.sessionId)),
      ...entries.map((entry) => entry.key),
    ];
    const held = await (this.#redis as unknown as WithClaimCommands).vastClaimKeys(...args);
    const result = entries.map(() => false);
    for (const index of held) result[index - 1] = true;
    return result;
  }

  /**
   * Gives back the claims of a batch whose job was not stored, so the beacons can be queued again.
   * @param batchId - the batch
   * @param entries - the beacons it claimed
   */
  async release(batchId: string, entries: readonly ClaimedKey[]): Promise<void> {
    const claims = entries.map((entry) => this.#keys.claim(entry.key));
    await (this.#redis as unknown as WithClaimCommands).vastReleaseKeys(String(claims.length), ...claims, batchId);
  }
}
