import type { Beacon } from './beacon.js';
import type { BeaconOutcome } from './beacon-outcome.js';
import type { BeaconTransport } from './beacon-transport.js';

/**
 * Discards every beacon: each outcome is `dropped` with reason `null-transport`. For runs that
 * need neither sending nor a record.
 */
export class NullBeaconTransport implements BeaconTransport {
  /**
   * Drops the beacon.
   * @param beacon - the beacon
   * @returns a `dropped` outcome
   */
  send(beacon: Beacon): Promise<BeaconOutcome> {
    return Promise.resolve({ kind: 'dropped', beacon, reason: 'null-transport', message: 'discarded by NullBeaconTransport' });
  }

  /**
   * Nothing to wait for.
   * @returns a resolved promise
   */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Nothing to close.
   * @returns a resolved promise
   */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
