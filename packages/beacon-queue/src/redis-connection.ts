/**
 * Where the Redis of the queue is. The same fields as ioredis' options of the same names.
 */
export interface RedisConnection {
  /** Host name or address. @defaultValue `'127.0.0.1'` */
  readonly host?: string;
  /** TCP port. @defaultValue 6379 */
  readonly port?: number;
  /** ACL user name. */
  readonly username?: string;
  /** Password. */
  readonly password?: string;
  /** Database number. @defaultValue 0 */
  readonly db?: number;
}

/** The ioredis options of a connection. @internal */
export function redisOptions(connection: RedisConnection): { host: string; port: number; username?: string; password?: string; db?: number } {
  return {
    host: connection.host ?? '127.0.0.1',
    port: connection.port ?? 6379,
    ...(connection.username === undefined ? {} : { username: connection.username }),
    ...(connection.password === undefined ? {} : { password: connection.password }),
    ...(connection.db === undefined ? {} : { db: connection.db }),
  };
}

/** The queue name and key prefix shared by producers and workers. */
export interface QueueLocation {
  /** Redis connection. */
  readonly connection: RedisConnection;
  /** BullMQ queue name; producers and workers of one fleet must agree. @defaultValue `'vast-beacons'` */
  readonly queueName?: string;
  /** Prefix of every Redis key. @defaultValue `'vast'` */
  readonly prefix?: string;
}

/** The Redis key of a session's outcome hash. @internal */
export function outcomesKey(prefix: string, queueName: string, sessionId: string): string {
  return `${prefix}:${queueName}:outcomes:${sessionId}`;
}

/** The Redis key of an idempotency key's claim. @internal */
export function claimKey(prefix: string, queueName: string, key: string): string {
  return `${prefix}:${queueName}:claim:${key}`;
}

/** What BullMQ puts before a job id to make the key of the job's hash. @internal */
export function jobKeyPrefix(prefix: string, queueName: string): string {
  return `${prefix}:${queueName}:`;
}

/** The Redis key of the queue's stream of final outcomes. @internal */
export function outcomeStreamKey(prefix: string, queueName: string): string {
  return `${prefix}:${queueName}:outcome-stream`;
}

/** The Redis key of the counter that numbers the stream's entries. @internal */
export function outcomeSequenceKey(prefix: string, queueName: string): string {
  return `${prefix}:${queueName}:outcome-seq`;
}
