import { BeaconQueueError } from './beacon-queue-error.js';

/**
 * Checks a numeric option: absent, or a finite number from `min` to `max` (an integer when asked).
 * @param path - the option's name, for the error
 * @param value - its value
 * @param min - the least it may be
 * @param rules - whether it must be an integer, and the most it may be
 * @throws BeaconQueueError `INVALID_BEACON_QUEUE_OPTIONS` naming the option
 * @internal
 */
export function checkNumberOption(path: string, value: number | undefined, min: number, rules: { integer?: boolean; max?: number } = {}): void {
  if (value === undefined) return;
  const { integer = false, max = Number.POSITIVE_INFINITY } = rules;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = max === Number.POSITIVE_INFINITY ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new BeaconQueueError('INVALID_BEACON_QUEUE_OPTIONS', path, `${path} must be ${integer ? 'an integer' : 'a finite number'} ${range}, got ${String(value)}`);
  }
}
