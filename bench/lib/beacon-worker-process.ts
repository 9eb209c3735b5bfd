// A BeaconWorker in its own process for bench/beacon-queue.bench.ts: argv[2] is its options as
// JSON. Prints `ready` once it takes jobs; SIGTERM closes it gracefully.
import { BeaconWorker, type BeaconWorkerOptions } from '@vast/beacon-queue';

const worker = new BeaconWorker(JSON.parse(process.argv[2] ?? '{}') as BeaconWorkerOptions);
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
await worker.ready();
process.stdout.write('ready\n');
