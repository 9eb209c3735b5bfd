import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/run-demo.js';

describe('runDemo', () => {
  it('prints every package in one aligned table and exits 0', () => {
    let text = '';
    const code = runDemo([], { write: (chunk: string) => (text += chunk) });
    expect(code).toBe(0);
    const rows = text.split('\n').filter((line) => line.startsWith('  @vast/'));
    expect(rows).toHaveLength(11);
    const descriptionColumn = rows.map((row) => row.search(/ {2}\S/u));
    expect(new Set(descriptionColumn).size).toBe(1);
  });
});
