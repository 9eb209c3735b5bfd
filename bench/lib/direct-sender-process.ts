// HttpBeaconTransport sending directly from its own process, for bench/beacon-queue.bench.ts: the
// baseline that sends as a worker process does (across processes to the HTTP server), unlike a
// sender sharing the server's event loop. argv[2]: { urls: string[], http: options }. Prints
// `ready`, sends every URL once `go` arrives on stdin, then prints `done` and exits.
import { createInterface } from 'node:readline';
import { HttpBeaconTransport, type HttpBeaconTransportOptions } from '@vast/tracker';

const { urls, http } = JSON.parse(process.argv[2] ?? '{}') as { urls: string[]; http: Omit<HttpBeaconTransportOptions, 'retries'> };
const transport = new HttpBeaconTransport({ ...http, retries: 0 });
const beacons = urls.map((url, i) => ({ id: i + 1, event: 'impression', url, template: url, level: 0, time: 0 }));
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
