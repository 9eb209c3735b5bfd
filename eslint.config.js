// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layer of each package (ARCHITECTURE.md). A package may import only packages of a lower
 * layer; apps may import any package.
 */
const LAYERS = {
  // Below layer 0: the IAB error-code registry, with no dependencies, that layer-0 config and
  // parser import (a same-layer import would be refused).
  'error-codes': -1,
  time: 0,
  config: 0,
  parser: 0,
  session: 1,
  tracker: 1,
  client: 2,
  testkit: 2,
  'session-redis': 2,
  'beacon-queue': 2,
  'player-core': 3,
  'player-realtime': 4,
  'player-headless': 4,
  factory: 5,
};

/** Imports that reach into another package's files instead of its exports map. */
const deepImport = {
  group: ['@vast/*/*', '!@vast/*/package.json'],
  message: 'Import a @vast package through its exports map only (no deep imports).',
};

/**
 * The import rule for one package's sources, or for its tests and benchmarks, which may also use
 * the testkit (a dev-only helper whatever its layer).
 * @param {string} name
 * @param {'src' | 'test'} scope
 */
function layerRule(name, scope) {
  const layer = LAYERS[/** @type {keyof typeof LAYERS} */ (name)];
  const forbidden = Object.entries(LAYERS)
    .filter(([other, otherLayer]) => other !== name && otherLayer >= layer)
    .filter(([other]) => scope === 'src' || other !== 'testkit')
    .map(([other]) => `@vast/${other}`);
  return {
    files: scope === 'src' ? [`packages/${name}/src/**/*.ts`] : [`packages/${name}/test/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.map((path) => ({
            name: path,
            message: `@vast/${name} (layer ${layer}) may import only lower layers (ARCHITECTURE.md).`,
          })),
          patterns: [deepImport],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/coverage/**', 'docs/api/**', '**/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [deepImport] }],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Time is injected: use a TimeProvider from @vast/time.' },
        { name: 'setInterval', message: 'Time is injected: use a TimeProvider from @vast/time.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is injected: use a TimeProvider from @vast/time.' },
        { object: 'performance', property: 'now', message: 'Time is injected: use a TimeProvider from @vast/time.' },
        { object: 'Math', property: 'random', message: 'Randomness is injected and seeded.' },
      ],
    },
  },
  ...Object.keys(LAYERS).flatMap((name) => [layerRule(name, 'src'), layerRule(name, 'test')]),
  {
    // The clock itself, tests and benchmarks measure or drive real time on purpose.
    files: ['packages/time/src/**/*.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
