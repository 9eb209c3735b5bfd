import { describe, expectTypeOf, it } from 'vitest';
import type { MacroSyntax } from '@vast/config';
import type { Creative, InlineAd, Offset, TrackingEvent, VastAd, WrapperAd } from '@vast/parser';
import type { MacroSyntaxName, ProgressOffset, TrackableAd, TrackableCreative, TrackingUrl } from '../src/index.js';

// The tracker declares the shapes it reads instead of importing them, so that installing it pulls
// neither the parser nor the config; these prove the parser's and the config's types still fit.
describe('structural compatibility with @vast/parser and @vast/config', () => {
  it('every parsed ad, creative and tracking event is what the tracker reads', () => {
    expectTypeOf<InlineAd>().toExtend<TrackableAd>();
    expectTypeOf<WrapperAd>().toExtend<TrackableAd>();
    expectTypeOf<VastAd>().toExtend<TrackableAd>();
    expectTypeOf<Creative>().toExtend<TrackableCreative>();
    expectTypeOf<TrackingEvent>().toExtend<TrackingUrl>();
  });

  it('offsets and macro syntaxes are the same types', () => {
    expectTypeOf<ProgressOffset>().toEqualTypeOf<Offset>();
    expectTypeOf<MacroSyntaxName>().toEqualTypeOf<MacroSyntax>();
  });
});
