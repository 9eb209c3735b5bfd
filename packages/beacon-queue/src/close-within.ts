import { RealtimeTimeProvider } from '@vast/time';
import { BeaconQueueError } from './beacon-queue-error.js';

/**
 * Waits for a graceful close, at most `timeoutMs` of real time. Past it, `force` drops the
 * connections (a hung Redis would otherwise hold the close, and the process, forever) and the
 * close rejects with `BEACON_QUEUE_CLOSE_TIMEOUT`, so that the caller knows it was cut short.
 *
 * @param graceful - the close in progress
 * @param force - drops what the graceful close still waits on
 * @param timeoutMs - how long the graceful close may take
 * @param what - names the closed object in the error
 * @returns when closed, gracefully or not
 * @throws BeaconQueueError `BEACON_QUEUE_CLOSE_TIMEOUT` when it had to force the close
 * @internal
 */
export async function closeWithin(
  graceful: Promise<void>,
  force: () => Promise<void>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  // Network time is real time, whatever clock the caller's beacons run on.
  const time = new RealtimeTimeProvider();
  const timer = new AbortController();
  let expired = false;
  try {
    await Promise.race([graceful, time.sleep(timeoutMs, timer.signal).then(() => (expired = true))]);
  } finally {
    timer.abort('settled');
  }
  if (!expired) return;
  // The graceful close settles once the connections drop; nobody waits for it any more.
  graceful.catch(() => undefined);
  await force();
  throw new BeaconQueueError(
    'BEACON_QUEUE_CLOSE_TIMEOUT',
    'closeTimeoutMs',
    `${what} did not close within ${timeoutMs} ms (Redis did not answer): its connections were dropped`,
  );
}
