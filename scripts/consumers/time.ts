// A consumer of @vast/time alone: a simulated clock moves 30 s without waiting.
import { SimulatedTimeProvider } from '@vast/time';

const time = new SimulatedTimeProvider({ startTime: 0 });
await time.sleep(30_000);
if (time.now() !== 30_000) throw new Error(`expected the clock at 30000, got ${time.now()}`);
console.log('time.now() after sleep(30000):', time.now());
