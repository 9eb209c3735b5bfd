import type { BeaconOutcome } from '@vast/tracker';

/**
 * Says in a few words what happened to a beacon: `sent 204`, `failed (timeout)`,
 * `dropped (unsupported-scheme)`, `recorded (not sent)` or `queued`.
 *
 * @param outcome - a beacon outcome from a transport
 * @returns the words
 */
export function describeOutcome(outcome: BeaconOutcome): string {
  switch (outcome.kind) {
    case 'sent':
      return `sent ${outcome.status}`;
    case 'failed':
      return `failed (${outcome.reason})`;
    case 'dropped':
      return `dropped (${outcome.reason})`;
    case 'recorded':
      return 'recorded (not sent)';
    case 'queued':
      return 'queued';
  }
}
