import type { TimeProvider } from '@vast/time';
import { PlaybackSession } from './playback-session.js';
import type { PlaybackStatus } from './playback-status.js';
import type { PlaybackSessionJson } from './session-json.js';
import type { SessionStore, SessionStoreOperationOptions } from './session-store.js';

/** Options of {@link InMemorySessionStore}. */
export interface InMemorySessionStoreOptions {
  /** The clock the sessions read back from the store use. */
  readonly time: TimeProvider;
}

/**
 * A {@link SessionStore} in a `Map` of JSON snapshots: the same snapshot semantics as a remote
 * store, without the network. Each instance has its own map.
 *
 * @example
 * ```ts
 * const store = new InMemorySessionStore({ time });
 * await store.put(session);
 * const playing = await store.listByStatus('playing');
 * ```
 */
export class InMemorySessionStore implements SessionStore {
  readonly #time: TimeProvider;
  readonly #snapshots = new Map<string, { readonly status: PlaybackStatus; readonly json: PlaybackSessionJson }>();

  /**
   * @param options - the clock for sessions read back
   */
  constructor(options: InMemorySessionStoreOptions) {
    this.#time = options.time;
  }

  /** How many sessions the store holds. */
  get size(): number {
    return this.#snapshots.size;
  }

  /**
   * Reads a session (a new object restored from the snapshot).
   *
   * @param id - the session id
   * @param options - an abort signal
   * @returns the session, or `undefined`
   * @throws the signal's reason when it is aborted
   */
  get(id: string, options: SessionStoreOperationOptions = {}): Promise<PlaybackSession | undefined> {
    return this.#run(options, () => {
      const snapshot = this.#snapshots.get(id);
      return snapshot === undefined ? undefined : PlaybackSession.fromJSON(snapshot.json, { time: this.#time });
    });
  }

  /**
   * Saves a snapshot of a session.
   *
   * @param session - the session
   * @param options - an abort signal
   * @returns a promise that resolves once it is saved
   * @throws the signal's reason when it is aborted
   */
  put(session: PlaybackSession, options: SessionStoreOperationOptions = {}): Promise<void> {
    return this.#run(options, () => {
      this.#snapshots.set(session.id, { status: session.status, json: session.toJSON() });
    });
  }

  /**
   * Removes a session.
   *
   * @param id - the session id
   * @param options - an abort signal
   * @returns `true` if there was one
   * @throws the signal's reason when it is aborted
   */
  delete(id: string, options: SessionStoreOperationOptions = {}): Promise<boolean> {
    return this.#run(options, () => this.#snapshots.delete(id));
  }

  /**
   * Lists the sessions in a status, in the order they were first put.
   *
   * @param status - the status
   * @param options - an abort signal
   * @returns the sessions (new objects)
   * @throws the signal's reason when it is aborted
   */
  listByStatus(status: PlaybackStatus, options: SessionStoreOperationOptions = {}): Promise<PlaybackSession[]> {
    return this.#run(options, () =>
      [...this.#snapshots.values()]
        .filter((snapshot) => snapshot.status === status)
        .map((snapshot) => PlaybackSession.fromJSON(snapshot.json, { time: this.#time })),
    );
  }

  async #run<T>(options: SessionStoreOperationOptions, operation: () => T): Promise<T> {
    await Promise.resolve();
    options.signal?.throwIfAborted();
    return operation();
  }
}
