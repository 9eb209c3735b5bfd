import type { PlaybackSession } from './playback-session.js';
import type { PlaybackStatus } from './playback-status.js';

/** Options every {@link SessionStore} operation takes. */
export interface SessionStoreOperationOptions {
  /**
   * Aborts the operation (a remote store stops waiting); it rejects with the signal's reason.
   * @defaultValue none
   */
  readonly signal?: AbortSignal;
}

/**
 * Where sessions are kept between requests. Implementations store a snapshot (the session's
 * JSON), so a session changed after `put` is not changed in the store until it is put again.
 * The in-memory store is {@link InMemorySessionStore}; a Redis store implements the same methods.
 */
export interface SessionStore {
  /**
   * Reads a session.
   *
   * @param id - the session id
   * @param options - an abort signal
   * @returns the session, or `undefined` when there is none with that id
   */
  get(id: string, options?: SessionStoreOperationOptions): Promise<PlaybackSession | undefined>;
  /**
   * Saves a snapshot of a session, replacing any with the same id.
   *
   * @param session - the session
   * @param options - an abort signal
   */
  put(session: PlaybackSession, options?: SessionStoreOperationOptions): Promise<void>;
  /**
   * Removes a session.
   *
   * @param id - the session id
   * @param options - an abort signal
   * @returns `true` if there was one to remove
   */
  delete(id: string, options?: SessionStoreOperationOptions): Promise<boolean>;
  /**
   * Lists the sessions in a status, in the order they were first put.
   *
   * @param status - the status
   * @param options - an abort signal
   * @returns the sessions
   */
  listByStatus(status: PlaybackStatus, options?: SessionStoreOperationOptions): Promise<PlaybackSession[]>;
}
