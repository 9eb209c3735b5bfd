import { BeaconQueueError } from './beacon-queue-error.js';

/**
 * Parses an outcome read from Redis.
 * @throws BeaconQueueError `BEACON_OUTCOME_CORRUPT` when it is not JSON of an outcome
 * @internal
 */
export function parseStoredOutcome<T>(text: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BeaconQueueError('BEACON_OUTCOME_CORRUPT', where, `the outcome stored at ${where} is not JSON`, { cause: error });
  }
  const record = value as { key?: unknown; sessionId?: unknown; outcome?: { kind?: unknown } } | null;
  if (typeof record !== 'object' || record === null || typeof record.key !== 'string' || typeof record.sessionId !== 'string' || typeof record.outcome?.kind !== 'string') {
    throw new BeaconQueueError('BEACON_OUTCOME_CORRUPT', where, `the outcome stored at ${where} is not one a worker wrote`);
  }
  return value as T;
}
