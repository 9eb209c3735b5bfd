import type { Redis } from 'ioredis';
import type { TimeProvider } from '@vast/time';
import type { QueuedBeaconOutcome } from './beacon-job.js';
import { isBeaconQueueError } from './beacon-queue-error.js';
import { parseStoredOutcome } from './parse-stored-outcome.js';

/** What {@link BeaconQueue.watchOutcomes} yields. */
export type OutcomeStreamEvent =
  | {
      /** A final outcome, recorded by any worker of the queue. */
      readonly kind: 'outcome';
      /** Its position in the stream (`<stream id>#<number>`): pass it as `after` to resume there. */
      readonly id: string;
      /** The outcome. */
      readonly outcome: QueuedBeaconOutcome;
    }
  | {
      /**
       * Outcomes this reader missed: the stream is capped (`outcomeStreamLength` of the workers)
       * and they left it before the reader got to them. They are still in
       * {@link BeaconQueue.outcomesOf} for their sessions.
       */
      readonly kind: 'missed';
      /** How many. */
      readonly count: number;
    }
  | {
      /**
       * An entry of the stream that is not an outcome a worker wrote (something else wrote under
       * the queue's keys); the reader goes on after it.
       */
      readonly kind: 'invalid';
      /** Its id in the stream. */
      readonly id: string;
      /** What is wrong with it (the `BEACON_OUTCOME_CORRUPT` error's message). */
      readonly message: string;
    }
  | {
      /** Redis did not answer a read; the reader tries again after `retryMs`, from where it was. */
      readonly kind: 'unavailable';
      /** What the client said. */
      readonly message: string;
    };

/** Options of {@link BeaconQueue.watchOutcomes}. */
export interface WatchOutcomesOptions {
  /** Ends the iteration (at once, even during a read). */
  readonly signal?: AbortSignal;
  /**
   * Where to start: `'now'` (outcomes recorded from now on), `'start'` (the oldest still in the
   * stream), or the `id` of an event already seen (the ones after it; those that left the stream
   * since are counted in a `missed` event).
   * @defaultValue 'now'
   */
  readonly after?: string;
  /** The most outcomes one read returns. @defaultValue 500 */
  readonly batchSize?: number;
  /** How long one read waits for new outcomes (the reader then reads again). @defaultValue 5000 */
  readonly blockMs?: number;
  /** The wait after Redis did not answer, before reading again. @defaultValue 1000 */
  readonly retryMs?: number;
}

type StreamReply = [string, [string, string[]][]][] | null;

/**
 * Follows a queue's outcome stream (`XREAD BLOCK` on a connection of its own) and yields each
 * outcome once, in the order they were recorded, with the gaps the stream's cap made.
 * @internal
 */
export async function* readOutcomeStream(redis: Redis, stream: string, time: TimeProvider, options: WatchOutcomesOptions): AsyncGenerator<OutcomeStreamEvent> {
  const { signal, batchSize = 500, blockMs = 5000, retryMs = 1000 } = options;
  // An event's position is its stream id and its number (`<id>#<n>`): resuming from one knows
  // the number, so what left the stream since is counted even when that event left it too.
  const [streamAfter, numberAfter] = (options.after ?? 'now').split('#');
  let after = streamAfter ?? 'now';
  // The number of the last outcome seen: a later one more than one above it means missed ones.
  let sequence: number | undefined = numberAfter === undefined ? undefined : Number(numberAfter);
  let resumed = sequence === undefined && after !== 'now' && after !== 'start';
  const stop = () => redis.disconnect();
  // A function, not the property: TypeScript would take the loop's test to hold inside the loop.
  const aborted = () => signal?.aborted === true;
  signal?.addEventListener('abort', stop, { once: true });
  try {
    while (!aborted()) {
      let reply: StreamReply;
      try {
        // 'now' becomes the id of the newest entry, so nothing recorded between two reads is lost.
        if (after === 'now') after = await lastId(redis, stream);
        // Resuming after an event seen before: its number counts what left the stream since.
        if (resumed) {
          sequence = await sequenceOf(redis, stream, after);
          resumed = false;
        }
        reply = await redis.xread('COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', stream, after === 'start' ? '0-0' : after);
      } catch (error) {
        if (aborted()) return;
        yield { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
        await time.sleep(retryMs, signal).catch(() => undefined);
        continue;
      }
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        after = id;
        const number = Number(fieldOf(fields, 'n'));
        if (sequence !== undefined && number > sequence + 1) yield { kind: 'missed', count: number - sequence - 1 };
        sequence = number;
        let outcome: QueuedBeaconOutcome;
        try {
          outcome = parseStoredOutcome<QueuedBeaconOutcome>(fieldOf(fields, 'o'), `${stream} ${id}`);
        } catch (error) {
          if (!isBeaconQueueError(error)) throw error;
          yield { kind: 'invalid', id, message: error.message };
          continue;
        }
        yield { kind: 'outcome', id: `${id}#${number}`, outcome };
      }
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    redis.disconnect();
  }
}

async function lastId(redis: Redis, stream: string): Promise<string> {
  const newest = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
  return newest[0]?.[0] ?? '0-0';
}

/** The number of the entry `id`, if it is still in the stream. */
async function sequenceOf(redis: Redis, stream: string, id: string): Promise<number | undefined> {
  const [entry] = await redis.xrange(stream, id, id);
  const number = entry === undefined ? Number.NaN : Number(fieldOf(entry[1], 'n'));
  return Number.isInteger(number) ? number : undefined;
}

function fieldOf(fields: string[], name: string): string {
  const index = fields.indexOf(name);
  return index >= 0 && index % 2 === 0 ? (fields[index + 1] ?? '') : '';
}
