import type { Beacon } from './beacon.js';
import type { BeaconOutcome } from './beacon-outcome.js';

/**
 * Where beacons go. A transport never rejects: every beacon resolves to a {@link BeaconOutcome}.
 * Implementations: {@link HttpBeaconTransport}, {@link RecordingBeaconTransport},
 * {@link NullBeaconTransport}.
 */
export interface BeaconTransport {
  /**
   * Sends (or records, or drops) one beacon.
   * @param beacon - the beacon
   * @param signal - aborts waiting and sending; the outcome is then `failed` with `aborted`
   * @returns its outcome, once known
   */
  send(beacon: Beacon, signal?: AbortSignal): Promise<BeaconOutcome>;
  /**
   * Waits until every beacon handed over so far has an outcome.
   * @returns when nothing is in flight or queued
   */
  flush(): Promise<void>;
  /**
   * Stops taking beacons (later ones are dropped with `transport-closed`), waits for those in
   * flight, and frees the connections.
   * @returns when everything is settled and closed
   */
  close(): Promise<void>;
}
