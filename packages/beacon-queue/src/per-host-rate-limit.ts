import type { Redis } from 'ioredis';

/** A cap on requests per host, shared by every worker of the queue. */
export interface PerHostRateLimit {
  /** Requests per window and host. */
  readonly max: number;
  /** The window, in milliseconds. */
  readonly durationMs: number;
}

// A sliding log of the host's requests of the last window, on Redis' own clock (shared by every
// worker): take a slot when fewer than max were made, else say when the oldest leaves the window.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3] .. '@' .. now)
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

/**
 * A sliding-window log per host in Redis: at most `max` requests in any `durationMs`. BullMQ's own limiter is global to a queue (per-group
 * limits are a BullMQ Pro feature), and `RateLimitError` pauses the whole queue, so one slow
 * host would hold back all others: a beacon over its host's limit is delayed alone instead.
 *
 * @internal
 */
export class HostRateLimiter {
  readonly #redis: Redis;
  readonly #limit: PerHostRateLimit;
  readonly #keyPrefix: string;

  constructor(redis: Redis, keyPrefix: string, limit: PerHostRateLimit) {
    this.#redis = redis;
    this.#keyPrefix = keyPrefix;
    this.#limit = limit;
  }

  /**
   * Takes a request slot for the host.
   * @param host - the host (and port) of the beacon URL
   * @param id - names this request in the log
   * @returns 0 when the request may go now (the slot is taken), otherwise how long until a slot
   *   frees up
   */
  async reserve(host: string, id: string): Promise<number> {
    const { max, durationMs } = this.#limit;
    return (await this.#redis.eval(RESERVE, 1, `${this.#keyPrefix}${host}`, durationMs, max, id)) as number;
  }
}
