import type { Beacon } from './beacon.js';
import { checkBeaconUrl, type BeaconOutcome } from './beacon-outcome.js';
import type { BeaconTransport } from './beacon-transport.js';

/**
 * Keeps every beacon and sends nothing: the default of headless (simulated) playback, so that
 * CI and QA never inflate real campaigns. URLs that could not be sent (not http or https) are
 * still reported as dropped, so a dry run shows what a live run would do.
 *
 * @example
 * ```ts
 * const transport = new RecordingBeaconTransport();
 * // ... play ...
 * transport.beacons().map((b) => `${b.event} ${b.url}`);
 * ```
 */
export class RecordingBeaconTransport implements BeaconTransport {
  readonly #beacons: Beacon[] = [];
  #closed = false;

  /**
   * Records the beacon.
   * @param beacon - the beacon
   * @returns `recorded`, or `dropped` for a URL that could not be sent or after `close()`
   */
  send(beacon: Beacon): Promise<BeaconOutcome> {
    if (this.#closed) {
      return Promise.resolve({ kind: 'dropped', beacon, reason: 'transport-closed', message: 'the transport is closed' });
    }
    const dropped = checkBeaconUrl(beacon);
    if (dropped !== undefined) return Promise.resolve(dropped);
    this.#beacons.push(beacon);
    return Promise.resolve({ kind: 'recorded', beacon });
  }

  /**
   * The recorded beacons, oldest first.
   * @returns a copy of the list
   */
  beacons(): Beacon[] {
    return [...this.#beacons];
  }

  /** Forgets the recorded beacons. */
  clear(): void {
    this.#beacons.length = 0;
  }

  /**
   * Nothing is ever in flight.
   * @returns a resolved promise
   */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Stops recording; the beacons recorded so far stay readable.
   * @returns a resolved promise
   */
  close(): Promise<void> {
    this.#closed = true;
    return Promise.resolve();
  }
}
