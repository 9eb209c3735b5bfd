import { describe, expect, it } from 'vitest';
import { NO_CHECK_MARKER, extractExamples } from '../src/extract-examples.js';

describe('extractExamples', () => {
  it('finds ts and typescript blocks with the line of their first code line', () => {
    const markdown = ['# Title', '', '```ts', 'const a = 1;', '```', 'text', '```typescript', 'const b = 2;', 'b;', '```'].join('\n');
    expect(extractExamples(markdown, 'docs/x.md')).toEqual([
      { file: 'docs/x.md', line: 4, code: 'const a = 1;', check: true },
      { file: 'docs/x.md', line: 8, code: 'const b = 2;\nb;', check: true },
    ]);
  });

  it('skips other languages, including ts-looking code inside them', () => {
    const markdown = ['````md', '```ts', 'not an example', '```', '````', '```sh', 'pnpm test', '```', '```json', '{}', '```'].join('\n');
    expect(extractExamples(markdown, 'a.md')).toEqual([]);
  });

  it(`keeps a block marked ${NO_CHECK_MARKER} out of the check, but reports it`, () => {
    const markdown = ['```ts no-check', 'partial(', '```'].join('\n');
    expect(extractExamples(markdown, 'a.md')).toEqual([{ file: 'a.md', line: 2, code: 'partial(', check: false }]);
  });

  it('removes the indentation of a fence inside a list item', () => {
    const markdown = ['- step', '  ```ts', '  const a = 1;', '    nested;', '  ```'].join('\n');
    expect(extractExamples(markdown, 'a.md')[0]?.code).toBe('const a = 1;\n  nested;');
  });

  it('runs an unclosed fence to the end of the text, and reads CRLF line ends', () => {
    expect(extractExamples('```ts\r\nconst a = 1;\r\n', 'a.md')).toEqual([{ file: 'a.md', line: 2, code: 'const a = 1;\n', check: true }]);
  });

  it('reads tilde fences', () => {
    expect(extractExamples('~~~ts\nconst a = 1;\n~~~\n', 'a.md').map((e) => e.code)).toEqual(['const a = 1;']);
  });
});
