import { describe, expect, it } from 'vitest';
import * as errorCodes from '@vast/error-codes';
import * as parser from '@vast/parser';
import { VastErrorCode, describeVastErrorCode, isVastErrorCode } from '../src/index.js';

describe('the factory re-exports the IAB error-code registry', () => {
  it('the same table and functions as @vast/error-codes and @vast/parser, so one install is enough', () => {
    expect(VastErrorCode).toBe(errorCodes.VastErrorCode);
    expect(isVastErrorCode).toBe(errorCodes.isVastErrorCode);
    expect(describeVastErrorCode).toBe(errorCodes.describeVastErrorCode);
    expect(isVastErrorCode).toBe(parser.isVastErrorCode);
    expect(describeVastErrorCode(VastErrorCode.WRAPPER_LIMIT_REACHED)).toBe('Wrapper limit reached');
    expect(isVastErrorCode(903)).toBe(false);
  });
});
