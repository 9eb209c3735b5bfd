// A consumer of @vast/player-realtime alone: a task already due on the shared scheduler runs.
import { PlaybackScheduler } from '@vast/player-realtime';

const scheduler = new PlaybackScheduler();
let ran = false;
scheduler.schedule(0, () => (ran = true)); // due at once: time 0 of the scheduler's clock is past
for (let waited = 0; !ran && waited < 2_000; waited += 10) await new Promise((done) => setTimeout(done, 10));
scheduler.close();
if (!ran) throw new Error('the scheduled task did not run within 2 s');
console.log('scheduled task ran');
