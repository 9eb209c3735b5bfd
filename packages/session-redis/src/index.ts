/**
 * @packageDocumentation
 * A `SessionStore` of `@vast/session` on Redis: optimistic concurrency, TTLs, a status index.
 */
export { RedisSessionStore } from './redis-session-store.js';
export type { RedisSessionPutOptions, RedisSessionStoreOptions, RedisSessionUpdateOptions } from './redis-session-store-options.js';
export { SessionStoreError, isSessionStoreError } from './session-store-error.js';
export type { SessionStoreErrorCode } from './session-store-error.js';
export { SessionConflictError } from './session-conflict-error.js';
