import { describe, expectTypeOf, it } from 'vitest';
import {
  type Creative,
  type InlineAd,
  type LinearCreative,
  type Offset,
  type VastAd,
  type VastDocument,
  type VastErrorCode,
  type WrapperAd,
  isVastError,
  parseVast,
} from '../src/index.js';

describe('the model types', () => {
  it('parseVast takes text or bytes and gives a VastDocument', () => {
    expectTypeOf(parseVast).parameter(0).toEqualTypeOf<string | Uint8Array>();
    expectTypeOf(parseVast).returns.toEqualTypeOf<VastDocument>();
  });

  it('narrows ads and creatives on their type', () => {
    const ad = {} as VastAd;
    if (ad.type === 'wrapper') expectTypeOf(ad).toEqualTypeOf<WrapperAd>();
    else expectTypeOf(ad).toEqualTypeOf<InlineAd>();
    const creative = {} as Creative;
    if (creative.type === 'linear') expectTypeOf(creative.duration).toEqualTypeOf<number | undefined>();
    const offset = {} as Offset;
    if (offset.type === 'percent') expectTypeOf(offset.percent).toEqualTypeOf<number>();
  });

  it('is readonly all the way down', () => {
    expectTypeOf<VastDocument['ads']>().toEqualTypeOf<readonly VastAd[]>();
    const doc = {} as VastDocument;
    // @ts-expect-error the document's fields cannot be assigned
    doc.ads = [];
    const linear = {} as LinearCreative;
    // @ts-expect-error fields cannot be assigned
    linear.duration = 1;
  });

  it('narrows an unknown error to a VastError with an IAB code', () => {
    const error: unknown = new Error('x');
    if (isVastError(error)) {
      expectTypeOf(error.errorCode).toEqualTypeOf<VastErrorCode>();
      expectTypeOf(error.code).toEqualTypeOf<'VAST_ERROR'>();
    }
  });
});
