// Runs the macro cases of bench/tracker.bench.ts in a process of its own, so that the bench can
// measure them under other V8 flags (a larger young generation) beside its own run. argv[2]:
// { rounds, ms }. Prints the results as one line of JSON.
import { measureMacroCases } from './macro-cases.js';

const { rounds, ms } = JSON.parse(process.argv[2] ?? '{}') as { rounds: number; ms: number };
process.stdout.write(`${JSON.stringify(measureMacroCases(rounds, ms))}\n`);
