import { describe, expectTypeOf, it } from 'vitest';
import type { TrackerOptions } from '@vast/config';
import type { TimeProvider } from '@vast/time';
import type {
  BeaconOutcome,
  HttpBeaconTransport,
  HttpBeaconTransportOptions,
  MacroExpander,
  MacroExpanderOptions,
} from '../src/index.js';

describe('compatibility with @vast/config TrackerOptions', () => {
  it('a resolved tracker config spreads into the transport and the expander options', () => {
    const config = {} as TrackerOptions;
    const time = {} as TimeProvider;
    expectTypeOf({ ...config }).toExtend<HttpBeaconTransportOptions>();
    expectTypeOf({ ...config, time }).toExtend<MacroExpanderOptions>();
    expectTypeOf<ConstructorParameters<typeof HttpBeaconTransport>[0]>().toEqualTypeOf<HttpBeaconTransportOptions | undefined>();
    expectTypeOf<ConstructorParameters<typeof MacroExpander>[0]>().toEqualTypeOf<MacroExpanderOptions>();
  });
});

describe('BeaconOutcome', () => {
  it('narrows on kind', () => {
    const outcome = {} as BeaconOutcome;
    if (outcome.kind === 'sent') expectTypeOf(outcome.status).toEqualTypeOf<number>();
    if (outcome.kind === 'failed') expectTypeOf(outcome.reason).toEqualTypeOf<'http-status' | 'timeout' | 'network' | 'aborted'>();
    if (outcome.kind === 'dropped') expectTypeOf(outcome.reason).toExtend<string>();
  });
});
