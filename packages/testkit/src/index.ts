/**
 * @packageDocumentation
 * A mock ad server on loopback for tests: serves VAST, records beacons, injects faults.
 */
export {};
