import { describe, expectTypeOf, it } from 'vitest';
import { VastErrorCode, isVastErrorCode } from '../src/index.js';

describe('VastErrorCode as a type', () => {
  it('is the union of the named numbers', () => {
    expectTypeOf(VastErrorCode.WRAPPER_LIMIT_REACHED).toEqualTypeOf<302>();
    expectTypeOf<100>().toExtend<VastErrorCode>();
    expectTypeOf<404>().not.toExtend<VastErrorCode>();
  });

  it('isVastErrorCode narrows unknown to number', () => {
    const value: unknown = 302;
    if (isVastErrorCode(value)) expectTypeOf(value).toEqualTypeOf<number>();
  });
});
