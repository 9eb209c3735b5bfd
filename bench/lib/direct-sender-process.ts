// HttpBeaconTransport sending directly from its own process, for bench/beacon-queue.bench.ts: the
// baseline that sends as a worker process does (across processes to the HTTP server), unlike a
// sender sharing the server's event loop. argv[2]: { base, count, http }: beacon i goes to
// `${base}${i}?cb=${i}`. Prints `ready`, sends them all once `go` arrives on stdin, then prints
// `done` and exits.
import { createInterface } from 'node:readline';
import { HttpBeaconTransport, type HttpBeaconTransportOptions } from '@vast/tracker';

const { base, count, http } = JSON.parse(process.argv[2] ?? '{}') as { base: string; count: number; http: Omit<HttpBeaconTransportOptions, 'retries'> };
const transport = new HttpBeaconTransport({ ...http, retries: 0 });
const beacons = Array.from({ length: count }, (_, i) => ({ id: i + 1, event: 'impression', url: `${base}${i}?cb=${i}`, template: `${base}${i}`, level: 0, time: 0 }));
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line !== 'go') continue;
  const outcomes = await Promise.all(beacons.map((beacon) => transport.send(beacon)));
  if (outcomes.some((o) => o.kind !== 'sent')) process.stdout.write('failed\n');
  await transport.close();
  process.stdout.write('done\n');
  process.exit(0);
}
