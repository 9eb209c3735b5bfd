import { checkDocExamples, formatDiagnostics } from './check-doc-examples.js';

// `pnpm --filter @vast/doc-examples check`: the test's check, with every error printed.
const result = checkDocExamples();
if (result.diagnostics.length > 0) process.stdout.write(`${formatDiagnostics(result)}\n\n`);
process.stdout.write(
  `${result.files.length} files, ${result.checked} examples checked, ${result.skipped} marked no-check, ${result.diagnostics.length} errors\n`,
);
process.exitCode = result.diagnostics.length > 0 ? 1 : 0;
