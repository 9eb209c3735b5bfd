import { expectTypeOf, test } from 'vitest';
import type { Offset } from '@vast/parser';
import type { ProgressOffset } from '../src/index.js';

// The session declares the offset it logs instead of importing it, so that installing it pulls no
// parser; this proves a parsed offset still goes into a session unchanged.
test('ProgressOffset is the parser’s Offset', () => {
  expectTypeOf<ProgressOffset>().toEqualTypeOf<Offset>();
});
