import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkExamples, type CheckResult } from './check-examples.js';
import { extractExamples } from './extract-examples.js';
import { findDocFiles } from './find-doc-files.js';

/** This package's directory: the examples resolve `@vast/*` through its dependencies. */
const PACKAGE_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Checks every TypeScript example of a repository's docs and READMEs (see {@link findDocFiles})
 * against the workspace sources, with this package's tsconfig.
 *
 * @param root - the repository root; by default the one this package lives in
 * @returns what was checked and every error
 */
export function checkDocExamples(root: string = join(PACKAGE_DIR, '..', '..')): CheckResult & { readonly files: readonly string[] } {
  const files = findDocFiles(root);
  const examples = files.flatMap((file) => extractExamples(readFileSync(join(root, file), 'utf8'), file));
  const result = checkExamples(examples, { baseDir: PACKAGE_DIR, tsconfig: join(PACKAGE_DIR, 'tsconfig.json') });
  return { ...result, files };
}

/**
 * Formats errors one per line as `file:line:column TS1234 message`, for a terminal or a test
 * failure.
 *
 * @param result - the result of a check
 * @returns the lines, joined with newlines
 */
export function formatDiagnostics(result: CheckResult): string {
  return result.diagnostics
    .map((d) => `${d.file}:${d.line}:${d.column} TS${d.code} ${d.message.replace(/\n/g, '\n    ')}`)
    .join('\n');
}
