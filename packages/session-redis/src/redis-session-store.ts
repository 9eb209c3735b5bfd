import {
  ConfigSnapshotCache,
  InvalidSessionJsonError,
  PLAYBACK_STATUSES,
  PlaybackSession,
  isTerminalStatus,
  type PlaybackStatus,
  type SessionStore,
  type SessionStoreOperationOptions,
} from '@vast/session';
import { RealtimeTimeProvider, type TimeProvider } from '@vast/time';
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisSessionPutOptions, RedisSessionStoreOptions, RedisSessionUpdateOptions } from './redis-session-store-options.js';
import { runWithDeadline } from './run-with-deadline.js';
import { SessionConflictError } from './session-conflict-error.js';
import { DELETE_SCRIPT, LIST_SCRIPT, PUT_SCRIPT } from './session-scripts.js';
import { SessionStoreError, isSessionStoreError } from './session-store-error.js';

/** The commands the store defines on its connection (EVALSHA, falling back to EVAL after a restart). */
interface ScriptCommands {
  vastSessionPut(...keysAndArgs: (string | number)[]): Promise<[number, number]>;
  vastSessionDelete(...keysAndArgs: string[]): Promise<number>;
  vastSessionList(...keysAndArgs: string[]): Promise<string[]>;
}

/** A positive whole number of ms, or the error naming the option. */
function positiveMs(value: number | undefined, fallback: number, name: string): number {
  const ms = value ?? fallback;
  if (!Number.isSafeInteger(ms) || ms < 1) throw new RangeError(`${name} must be a positive integer (ms), got ${String(value)}`);
  return ms;
}

/**
 * A {@link SessionStore} on Redis, for a fleet of instances that share sessions: each session is a
 * hash holding its JSON text, a version and its status, with a TTL; a sorted set per status lists
 * them in first-put order without scanning keys. Every write is one Lua script, so the session and
 * the index never disagree, and a put that expects a version either finds it or writes nothing
 * (`SESSION_CONFLICT`). Every operation is bounded by `operationTimeoutMs` and its `AbortSignal`.
 *
 * Put is checked for a session object that this store read (get, listByStatus, update) or wrote:
 * it must still be at the version the store saw, so two instances never silently overwrite each
 * other. A session object the store has not seen is put unchecked (last writer wins), as
 * `SessionStore.put` says. Use {@link RedisSessionStore.update} to read, change and save with
 * retries.
 *
 * @example
 * ```ts
 * import { RedisSessionStore } from '@vast/session-redis';
 *
 * const store = new RedisSessionStore({ url: 'redis://127.0.0.1:6379', time });
 * await store.put(session);
 * await store.update(session.id, (s) => void s.pause(), { maxAttempts: 5 });
 * const playing = await store.listByStatus('playing');
 * await store.close();
 * ```
 */
export class RedisSessionStore implements SessionStore {
  readonly #time: TimeProvider;
  readonly #clock: TimeProvider;
  readonly #client: Redis;
  readonly #scripts: ScriptCommands;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #liveTtlMs: number;
  readonly #finishedTtlMs: number;
  readonly #timeoutMs: number;
  readonly #configCache: ConfigSnapshotCache;
  readonly #indexKeys: readonly string[];
  // The version this store last read or wrote, per session object.
  readonly #versions = new WeakMap<PlaybackSession, number>();
  #closed = false;

  /**
   * @param options - the connection (or client), the clock, prefix, TTLs and timeout
   * @throws TypeError when both `client` and `url`/`redisOptions` are given, or neither
   * @throws RangeError when a TTL or the timeout is not a positive integer
   */
  constructor(options: RedisSessionStoreOptions) {
    this.#time = options.time;
    this.#clock = options.timeoutClock ?? new RealtimeTimeProvider();
    this.#prefix = options.prefix ?? 'vast:session:';
    this.#liveTtlMs = positiveMs(options.liveTtlMs, 86_400_000, 'liveTtlMs');
    this.#finishedTtlMs = positiveMs(options.finishedTtlMs, 3_600_000, 'finishedTtlMs');
    this.#timeoutMs = positiveMs(options.operationTimeoutMs, 1_000, 'operationTimeoutMs');
    this.#configCache = options.configCache ?? new ConfigSnapshotCache();
    this.#indexKeys = PLAYBACK_STATUSES.map((status) => `${this.#prefix}status:${status}`);
    const connects = options.url !== undefined || options.redisOptions !== undefined;
    if (options.client !== undefined && connects) throw new TypeError('give either client or url/redisOptions, not both');
    if (options.client === undefined && !connects) throw new TypeError('give url, redisOptions or client');
    this.#ownsClient = options.client === undefined;
    this.#client = options.client ?? this.#connect(options.url, options.redisOptions);
    this.#client.defineCommand('vastSessionPut', { numberOfKeys: 2 + this.#indexKeys.length, lua: PUT_SCRIPT });
    this.#client.defineCommand('vastSessionDelete', { numberOfKeys: 1 + this.#indexKeys.length, lua: DELETE_SCRIPT });
    this.#client.defineCommand('vastSessionList', { numberOfKeys: 1, lua: LIST_SCRIPT });
    this.#scripts = this.#client as unknown as ScriptCommands;
  }

  /**
   * The version of a session object as this store last read or wrote it (versions come from one
   * counter per prefix and only grow).
   *
   * @param session - a session object
   * @returns the version, or `undefined` for an object this store has not seen
   */
  versionOf(session: PlaybackSession): number | undefined {
    return this.#versions.get(session);
  }

  /**
   * Reads a session (a new object restored from its JSON).
   *
   * @param id - the session id
   * @param options - an abort signal
   * @returns the session, or `undefined` when there is none (or it expired)
   * @throws {@link SessionStoreError} `SESSION_STORE_UNAVAILABLE`, `SESSION_STORE_TIMEOUT`,
   *   `SESSION_STORE_REDIS_ERROR`; `InvalidSessionJsonError` (`INVALID_SESSION_JSON`) for a
   *   corrupted entry; the signal's reason when it aborts
   */
  async get(id: string, options: SessionStoreOperationOptions = {}): Promise<PlaybackSession | undefined> {
    const [json, version] = await this.#run(`get ${JSON.stringify(id)}`, options, () => this.#client.hmget(this.#sessionKey(id), 'json', 'v'));
    return json === null || json === undefined ? undefined : this.#restore(id, json, version);
  }

  /**
   * Saves a snapshot of a session, with the TTL of its status. Checked against the version this
   * store saw for this object, or `options.expectedVersion`; unchecked for an object the store
   * has not seen.
   *
   * @param session - the session
   * @param options - an abort signal, and the version to expect
   * @returns a promise that resolves once Redis has it
   * @throws {@link SessionConflictError} (`SESSION_CONFLICT`) when the session is at another
   *   version in Redis (nothing is written); the errors of {@link RedisSessionStore.get}
   */
  async put(session: PlaybackSession, options: RedisSessionPutOptions = {}): Promise<void> {
    const expected = options.expectedVersion ?? this.#versions.get(session) ?? -1;
    if (!Number.isSafeInteger(expected) || expected < -1) {
      throw new RangeError(`expectedVersion must be a non-negative integer, got ${String(options.expectedVersion)}`);
    }
    const status = session.status;
    const ttl = isTerminalStatus(status) ? this.#finishedTtlMs : this.#liveTtlMs;
    const json = session.toJSONText();
    const [written, version] = await this.#run(`put ${JSON.stringify(session.id)}`, options, () =>
      this.#scripts.vastSessionPut(
        this.#sessionKey(session.id),
        `${this.#prefix}version`,
        ...this.#indexKeys,
        session.id,
        json,
        status,
        ttl,
        expected,
        Math.max(this.#liveTtlMs, this.#finishedTtlMs),
      ),
    );
    if (written !== 1) throw new SessionConflictError(session.id, expected, version);
    this.#versions.set(session, version);
  }

  /**
   * Removes a session and its index entry.
   *
   * @param id - the session id
   * @param options - an abort signal
   * @returns `true` if there was one to remove
   * @throws the errors of {@link RedisSessionStore.get}
   */
  async delete(id: string, options: SessionStoreOperationOptions = {}): Promise<boolean> {
    const removed = await this.#run(`delete ${JSON.stringify(id)}`, options, () =>
      this.#scripts.vastSessionDelete(this.#sessionKey(id), ...this.#indexKeys, id),
    );
    return removed === 1;
  }

  /**
   * Lists the sessions in a status, in the order they were first put, from the status's index
   * (no scan of the keyspace). Entries whose session expired are dropped from the index here.
   *
   * @param status - the status
   * @param options - an abort signal
   * @returns the sessions (new objects)
   * @throws the errors of {@link RedisSessionStore.get}
   */
  async listByStatus(status: PlaybackStatus, options: SessionStoreOperationOptions = {}): Promise<PlaybackSession[]> {
    const index = PLAYBACK_STATUSES.indexOf(status);
    if (index < 0) throw new TypeError(`not a playback status: ${JSON.stringify(status)}`);
    const flat = await this.#run(`listByStatus ${status}`, options, () =>
      this.#scripts.vastSessionList(this.#indexKeys[index] as string, `${this.#prefix}id:`, status),
    );
    const sessions: PlaybackSession[] = [];
    for (let i = 0; i < flat.length; i += 2) sessions.push(this.#restore(undefined, flat[i] as string, flat[i + 1]));
    return sessions;
  }

  /**
   * Reads a session, applies `change` to it and saves it, checked against the version read; on
   * `SESSION_CONFLICT` (another instance saved it meanwhile) it reads again and applies `change`
   * to the newer session, up to `maxAttempts` times. `change` must therefore be safe to run more
   * than once, each time on a fresh object.
   *
   * @example
   * ```ts
   * const paused = await store.update('s-1', (session) => void session.pause(), { maxAttempts: 5 });
   * ```
   *
   * @param id - the session id
   * @param change - changes the session (may be async); what it throws is thrown, nothing saved
   * @param options - an abort signal and the number of attempts
   * @returns the saved session, or `undefined` when there is none with that id
   * @throws {@link SessionConflictError} when every attempt met a conflict; the errors of
   *   {@link RedisSessionStore.put}
   */
  async update(
    id: string,
    change: (session: PlaybackSession) => void | Promise<void>,
    options: RedisSessionUpdateOptions = {},
  ): Promise<PlaybackSession | undefined> {
    const maxAttempts = options.maxAttempts ?? 5;
    if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${String(maxAttempts)}`);
    const signal = options.signal === undefined ? {} : { signal: options.signal };
    for (let attempt = 1; ; attempt++) {
      const session = await this.get(id, signal);
      if (session === undefined) return undefined;
      await change(session);
      try {
        await this.put(session, signal);
        return session;
      } catch (error) {
        if (!isSessionStoreError(error) || error.code !== 'SESSION_CONFLICT' || attempt >= maxAttempts) throw error;
      }
    }
  }

  /**
   * Ends the connection the store opened (a `client` you gave stays open). Operations after it
   * reject with `SESSION_STORE_UNAVAILABLE`. Safe to call twice.
   *
   * @returns a promise that resolves once the connection is closed
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.#ownsClient) return;
    if (this.#client.status === 'ready') {
      await runWithDeadline(() => this.#client.quit(), { what: 'QUIT', timeoutMs: this.#timeoutMs, clock: this.#clock }).catch(() => undefined);
    }
    // Also stops reconnecting when Redis is away.
    this.#client.disconnect();
  }

  #connect(url: string | undefined, redisOptions: RedisOptions | undefined): Redis {
    const defaults: RedisOptions = {
      // A command waits in the offline queue through one reconnection attempt at most; the
      // store's own deadline bounds it anyway, this keeps the queue from growing while Redis is away.
      maxRetriesPerRequest: 1,
      commandTimeout: this.#timeoutMs,
      retryStrategy: (times) => Math.min(times * 50, 1_000),
    };
    // The store reads arrays: keep ioredis's default reply mapping whatever the options say.
    const merged = { ...defaults, ...redisOptions, replyMapping: 'legacy' as const };
    const client = url === undefined ? new Redis(merged) : new Redis(url, merged);
    // Connection errors reach callers as typed errors of their operations; without a listener,
    // ioredis would print each reconnection failure.
    client.on('error', () => undefined);
    return client;
  }

  #sessionKey(id: string): string {
    return `${this.#prefix}id:${id}`;
  }

  #run<T>(what: string, options: SessionStoreOperationOptions, run: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      options.signal?.throwIfAborted();
      return Promise.reject(new SessionStoreError('SESSION_STORE_UNAVAILABLE', `the store was closed before ${what}`));
    }
    return runWithDeadline(run, { what, timeoutMs: this.#timeoutMs, clock: this.#clock, signal: options.signal });
  }

  #restore(id: string | undefined, json: string, version: string | null | undefined): PlaybackSession {
    const session = PlaybackSession.fromJSON(json, { time: this.#time, configCache: this.#configCache });
    if (id !== undefined && session.id !== id) {
      throw new InvalidSessionJsonError([{ path: 'id', message: `is not the id it is stored under (${JSON.stringify(id)})` }], session.id);
    }
    this.#versions.set(session, Number(version ?? 0));
    return session;
  }
}
