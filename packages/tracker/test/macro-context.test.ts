import { describe, expect, it } from 'vitest';
import { mergeMacroContexts } from '../src/index.js';

describe('mergeMacroContexts', () => {
  it('merges values by name, joins withheld lists, and lets the second context win', () => {
    const merged = mergeMacroContexts(
      { values: { DEVICEIP: '1.1.1.1', ADCOUNT: 1 }, withheld: ['IFA'], adPlayheadMs: 1 },
      { values: { ADCOUNT: 2 }, withheld: ['LATLONG'], adPlayheadMs: 2 },
    );
    expect(merged).toEqual({ values: { DEVICEIP: '1.1.1.1', ADCOUNT: 2 }, withheld: ['IFA', 'LATLONG'], adPlayheadMs: 2 });
  });

  it('keeps one side as it is when the other is missing or lacks the field', () => {
    const base = { values: { A: 'a' } };
    expect(mergeMacroContexts(base, undefined)).toBe(base);
    expect(mergeMacroContexts(undefined, base)).toBe(base);
    expect(mergeMacroContexts(undefined, undefined)).toEqual({});
    expect(mergeMacroContexts(base, { errorCode: 402 })).toEqual({ values: { A: 'a' }, errorCode: 402 });
  });
});
