import type { Redis } from 'ioredis';

/** A cap on requests per host, shared by every worker of the queue. */
export interface PerHostRateLimit {
  /** Requests per window and host. */
  readonly max: number;
  /** The window, in milliseconds. */
  readonly durationMs: number;
}

// INCR the host's counter of the current window, starting the window on its first request.
const RESERVE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * A fixed-window counter per host in Redis. BullMQ's own limiter is global to a queue (per-group
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
   * @returns 0 when the request may go now, otherwise how long to wait (the rest of this window,
   *   plus a whole window for each `max` requests already waiting ahead)
   */
  async reserve(host: string): Promise<number> {
    const { max, durationMs } = this.#limit;
    const [count, ttl] = (await this.#redis.eval(RESERVE, 1, `${this.#keyPrefix}${host}`, durationMs)) as [number, number];
    if (count <= max) return 0;
    return Math.max(1, ttl) + Math.floor((count - max - 1) / max) * durationMs;
  }
}
