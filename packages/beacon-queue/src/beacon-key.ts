import { createHash } from 'node:crypto';
import { onceKeyOf, type Beacon } from '@vast/tracker';

/**
 * The idempotency key of a beacon: one delivery per key. It joins the session, the level of the
 * ad chain, the tracker's exactly-once key of the event (`impression`, `progress@5s`,
 * `error@402`; for events that may repeat, such as `pause` or `clickTracking`, the event and the
 * beacon's id, which the tracker never reuses within a session) and a digest of the URL template
 * (so two impression URLs of one level stay two beacons, while the same URL expanded twice with
 * other cache-busting values stays one). It never contains `:` (Redis key names use it as a
 * separator; the key is part of its claim's key name).
 *
 * @param sessionId - the playback session the beacon belongs to
 * @param beacon - the beacon
 * @returns the key, e.g. `s-42|0|impression|Yk3...`
 * @example
 * ```ts
 * beaconKey('s-42', beacon); // 's-42|0|start|q1w2e3r4t5y6u7i8'
 * ```
 */
export function beaconKey(sessionId: string, beacon: Beacon): string {
  const event = onceKeyOf(beacon) ?? `${beacon.event}#${beacon.id}`;
  const template = createHash('sha256').update(beacon.template).digest('base64url').slice(0, 16);
  // encodeURIComponent turns ':' (the key names' separator) into %3A; '|' cannot occur in the parts.
  return `${encodeURIComponent(sessionId)}|${beacon.level}|${encodeURIComponent(event)}|${template}`;
}
