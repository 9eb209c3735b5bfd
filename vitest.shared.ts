import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every package shares: sources of sibling packages through the
 * `@vast/source` export condition (no build needed), v8 coverage with a 90% floor for lines and
 * branches, and a JSON report that `scripts/test-summary.mjs` totals for the whole workspace.
 */
export function packageTestConfig() {
  return defineConfig({
    resolve: { conditions: ['@vast/source', 'module', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: ['@vast/source', 'module', 'node', 'import', 'default'] } },
    test: {
      include: ['test/**/*.test.ts'],
      environment: 'node',
      // Generous: property tests and real sockets share 2 cores with other packages' runs; a
      // timeout here means a hang, never a slow machine (timings belong to benchmarks).
      testTimeout: 30_000,
      hookTimeout: 30_000,
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/index.ts'],
        reporter: ['text-summary', 'json-summary'],
        thresholds: { lines: 90, branches: 90, functions: 90, statements: 90 },
      },
    },
  });
}
