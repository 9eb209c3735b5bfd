import type { ConfigSnapshotCache, SessionStoreOperationOptions } from '@vast/session';
import type { TimeProvider } from '@vast/time';
import type { Redis, RedisOptions } from 'ioredis';

/**
 * Options of {@link RedisSessionStore}. Give either `client` (a connection you own) or
 * `url` and/or `redisOptions` (the store opens its own connection and `close()` ends it).
 */
export interface RedisSessionStoreOptions {
  /** The clock the sessions read back from the store use (as for `InMemorySessionStore`). */
  readonly time: TimeProvider;
  /**
   * An ioredis connection you own: the store uses it and never closes it. Give it
   * `maxRetriesPerRequest` and `commandTimeout` (see the README) so that commands do not wait
   * in its queue long after the store gave up on them.
   * @defaultValue none: the store opens its own from `url` and `redisOptions`
   */
  readonly client?: Redis | undefined;
  /**
   * Where Redis is, e.g. `redis://127.0.0.1:6379/0`, for a connection the store opens and owns.
   * @defaultValue none (ioredis's default, `127.0.0.1:6379`, when only `redisOptions` is given)
   */
  readonly url?: string | undefined;
  /**
   * ioredis options for a connection the store opens, over the store's defaults: a bounded
   * offline queue (`maxRetriesPerRequest: 1`), `commandTimeout` equal to `operationTimeoutMs`,
   * reconnection every 50 ms to 1 s for as long as the store is open.
   * @defaultValue none
   */
  readonly redisOptions?: RedisOptions | undefined;
  /**
   * The start of every key the store writes: sessions are `<prefix>id:<id>` (a hash), the status
   * index `<prefix>status:<status>` (sorted sets), the version counter `<prefix>version`.
   * On a Redis Cluster, put a hash tag in it (`{vast:session}:`) so that all keys share a slot.
   * @defaultValue `'vast:session:'`
   */
  readonly prefix?: string | undefined;
  /**
   * How long a session that has not ended lives after its last put (ms).
   * @defaultValue `86_400_000` (one day)
   */
  readonly liveTtlMs?: number | undefined;
  /**
   * How long a session in a terminal status (completed, stopped, interrupted, failed) lives
   * after its last put (ms).
   * @defaultValue `3_600_000` (one hour)
   */
  readonly finishedTtlMs?: number | undefined;
  /**
   * The longest any one operation waits for Redis (ms); past it, it rejects with
   * `SESSION_STORE_TIMEOUT`. {@link RedisSessionStore.update} takes up to two per attempt.
   * @defaultValue `1000`
   */
  readonly operationTimeoutMs?: number | undefined;
  /**
   * The clock that times `operationTimeoutMs`: keep it a wall clock even when `time` is simulated.
   * @defaultValue a `RealtimeTimeProvider`
   */
  readonly timeoutClock?: TimeProvider | undefined;
  /**
   * Shared by the sessions the store restores (see `ConfigSnapshotCache` of `@vast/session`).
   * @defaultValue a cache of the store's own
   */
  readonly configCache?: ConfigSnapshotCache | undefined;
}

/** Options of {@link RedisSessionStore.put}. */
export interface RedisSessionPutOptions extends SessionStoreOperationOptions {
  /**
   * Save only if the session is at this version in Redis (`0`: only if there is none), else
   * reject with `SESSION_CONFLICT`.
   * @defaultValue the version this store last read or wrote for this session object; unchecked
   *   for an object the store has not seen
   */
  readonly expectedVersion?: number | undefined;
}

/** Options of {@link RedisSessionStore.update}. */
export interface RedisSessionUpdateOptions extends SessionStoreOperationOptions {
  /**
   * How many times to read, apply and save before giving up with the last `SESSION_CONFLICT`.
   * @defaultValue `5`
   */
  readonly maxAttempts?: number | undefined;
}
