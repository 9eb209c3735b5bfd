// A consumer of @vast/player-headless alone: a seeded interruption plan.
import { planInterruptions } from '@vast/player-headless';

const plan = planInterruptions({}, 30_000, { next: () => 0.5 });
if (plan.length !== 0) throw new Error('no rules, no interruptions');
console.log('planned interruptions without rules:', plan.length);
