import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inlineVast } from '@vast/testkit';
import { playTwice } from './fixtures/playback-modes-example.js';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** The first ```ts block of a markdown file. */
function firstTsBlock(markdown: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(markdown);
  if (match?.[1] === undefined) throw new Error('no ts block');
  return match[1];
}

describe('the example of docs/playback-modes.md', () => {
  it('is the type-checked example file, with the package name as users import it', () => {
    const example = read('./fixtures/playback-modes-example.ts').replace("'../../src/index.js'", "'@vast/factory'");
    expect(firstTsBlock(read('../../../docs/playback-modes.md'))).toBe(example);
  });

  it('runs: auto in CI is headless for the ci reason; the explicit mode is recorded as requested', async () => {
    const [auto, explicit] = await playTwice(inlineVast({ trackingBase: 'http://127.0.0.1:9/t', durationSeconds: 5 }));
    expect(auto).toMatchObject({ mode: 'headless', requested: 'auto', source: 'config', reason: 'ci', variable: 'CI' });
    expect(explicit).toMatchObject({ mode: 'headless', requested: 'headless', source: 'option', reason: 'requested' });
  });
});
