import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  ConfigResolver,
  type ConfigOverrides,
  type InterruptionRule,
  type InterruptionType,
  type MacroSyntax,
  type PlaybackMode,
  type PlaybackSessionConfig,
  type PlaybackSessionConfigSchema,
  type ResolvedConfig,
  type TrackerOptions,
} from '@vast/config';

describe('public types', () => {
  it('are the zod output types, read-only', () => {
    expectTypeOf<PlaybackSessionConfig['mode']>().toEqualTypeOf<z.output<typeof PlaybackSessionConfigSchema>['mode']>();
    expectTypeOf<PlaybackMode>().toEqualTypeOf<'real' | 'headless' | 'auto'>();
    expectTypeOf<MacroSyntax>().toEqualTypeOf<'iab' | 'percent' | 'dollar' | 'brace'>();
    expectTypeOf<InterruptionType>().toEqualTypeOf<
      'viewerPause' | 'viewerExit' | 'channelChange' | 'appBackgrounded' | 'networkError' | 'bufferingTimeout' | 'deviceSleep'
    >();
    expectTypeOf<TrackerOptions['macroSyntaxes']>().toEqualTypeOf<readonly MacroSyntax[]>();
    expectTypeOf<InterruptionRule['outcome']>().toHaveProperty('kind');
    expectTypeOf(new ConfigResolver().resolve('tiger')).toEqualTypeOf<ResolvedConfig>();
  });

  it('let overrides leave anything out but reject unknown fields and wrong types', () => {
    expectTypeOf<{ playback: { seed: 1 } }>().toExtend<ConfigOverrides>();
    expectTypeOf<{ tracker: { macroSyntaxes: readonly ['brace'] } }>().toExtend<ConfigOverrides>();
    expectTypeOf<{ playback: { seed: 'one' } }>().not.toExtend<ConfigOverrides>();
    expectTypeOf<{ playback: { mode: 'fast' } }>().not.toExtend<ConfigOverrides>();
    // Unknown fields: excess property checks refuse them in an overrides literal, at any depth.
    // @ts-expect-error -- `sed` is not a playback field
    const nested: ConfigOverrides = { playback: { seed: 1, sed: 2 } };
    // @ts-expect-error -- `playbak` is not a section
    const section: ConfigOverrides = { playbak: { seed: 1 } };
    expectTypeOf(nested).toEqualTypeOf<ConfigOverrides>();
    expectTypeOf(section).toEqualTypeOf<ConfigOverrides>();
  });
});
