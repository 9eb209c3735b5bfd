import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocExamples, formatDiagnostics } from '../src/check-doc-examples.js';
import { checkExamples } from '../src/check-examples.js';
import { extractExamples } from '../src/extract-examples.js';
import { findDocFiles } from '../src/find-doc-files.js';

const PACKAGE_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
const options = { baseDir: PACKAGE_DIR, tsconfig: join(PACKAGE_DIR, 'tsconfig.json') };

describe('the examples of this repository', () => {
  it('every ts block of README.md, docs/*.md and the package READMEs type-checks against the sources', () => {
    const result = checkDocExamples();
    expect(result.files).toContain('docs/errors.md');
    expect(result.files).toContain('packages/factory/README.md');
    expect(result.files.some((file) => file.startsWith('docs/api'))).toBe(false);
    expect(result.checked).toBeGreaterThan(30);
    expect(formatDiagnostics(result)).toBe('');
  });
});

describe('checkExamples', () => {
  it('locates an error on its Markdown line, and resolves @vast/* to the sources', () => {
    const markdown = [
      'Intro',
      '```ts',
      "import { VastErrorCode } from '@vast/parser';",
      'const code: string = VastErrorCode.XML_PARSE_ERROR;',
      '```',
    ].join('\n');
    const result = checkExamples(extractExamples(markdown, 'docs/bad.md'), options);
    expect(result.checked).toBe(1);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'docs/bad.md', line: 4, column: 7, code: 2322 });
    expect(formatDiagnostics(result)).toMatch(/^docs\/bad\.md:4:7 TS2322 Type 'number' is not assignable to type 'string'/);
  });

  it('reports an API the packages do not export', () => {
    const markdown = "```ts\nimport { NoSuchThing } from '@vast/player-headless';\nNoSuchThing;\n```";
    const [diagnostic] = checkExamples(extractExamples(markdown, 'a.md'), options).diagnostics;
    expect(diagnostic).toMatchObject({ line: 2, code: 2305 });
  });

  it('gives every block the preamble, lets a block shadow it, and keeps blocks apart', () => {
    const markdown = [
      '```ts',
      'const seed: number = config.playback.seed;',
      '```',
      '```ts',
      "const config = { mine: true };",
      'const mine: boolean = config.mine;',
      '```',
      '```ts',
      'const seed = 1; // the first block\'s seed is not visible here',
      'await Promise.resolve(seed);',
      '```',
    ].join('\n');
    const result = checkExamples(extractExamples(markdown, 'a.md'), options);
    expect(result.checked).toBe(3);
    expect(result.diagnostics).toEqual([]);
  });

  it('leaves no-check blocks out and counts them', () => {
    const result = checkExamples(extractExamples('```ts no-check\nnot TypeScript at all (\n```', 'a.md'), options);
    expect(result).toEqual({ checked: 0, skipped: 1, diagnostics: [] });
  });

  it('reports a syntax error', () => {
    const result = checkExamples(extractExamples('```ts\nconst = ;\n```', 'a.md'), options);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics[0]?.line).toBe(2);
  });

  it('reports an error in a custom preamble as the preamble', () => {
    const result = checkExamples([], { ...options, preamble: 'declare const x: NoSuchType;' });
    expect(result.diagnostics).toMatchObject([{ file: 'preamble', line: 1, code: 2304 }]);
  });

  it('throws when the tsconfig cannot be read', () => {
    expect(() => checkExamples([], { ...options, tsconfig: join(PACKAGE_DIR, 'no-such-tsconfig.json') })).toThrow();
  });
});

describe('findDocFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'doc-examples-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists README.md, docs/*.md (not docs/api) and the READMEs of packages, apps and tools', () => {
    for (const dir of ['docs/api', 'packages/a', 'packages/b', 'apps/demo', 'tools/t']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['README.md', 'docs/guide.md', 'docs/notes.txt', 'docs/api/index.md', 'packages/a/README.md', 'apps/demo/README.md', 'tools/t/README.md']) {
      writeFileSync(join(root, file), '# x\n');
    }
    expect(findDocFiles(root)).toEqual(['README.md', 'apps/demo/README.md', 'docs/guide.md', 'packages/a/README.md', 'tools/t/README.md']);
  });

  it('finds nothing in an empty directory', () => {
    expect(findDocFiles(mkdtempSync(join(root, 'empty-')))).toEqual([]);
  });
});
