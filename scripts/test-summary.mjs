// Totals the vitest JSON reports of every workspace package into one closing line, so a reader
// (or CI) sees at a glance how many tests ran across the workspace.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const root of ['packages', 'apps', 'tools']) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const file = join(root, name, 'test-results.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const skippedHere = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += skippedHere;
    rows.push(`  ${join(root, name).padEnd(28)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
process.stdout.write(`\n${rows.join('\n')}\n\n`);
process.stdout.write(`workspace: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
