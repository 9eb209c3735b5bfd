import { ConfigResolver, type ConfigOverrides, type ResolvedConfig } from '@vast/config';
import { parseVast, type InlineAd, type WrapperAd } from '@vast/parser';
import { SimulatedTimeProvider, createSeededRandom, type TimeProvider } from '@vast/time';
import { inlineVast, wrapperVast, type InlineVastOptions } from '@vast/testkit';
import { RecordingBeaconTransport, type BeaconTransport } from '@vast/tracker';
import { BaseVastPlayer, type BaseVastPlayerOptions, type ResolvedAdLike } from '../src/index.js';

export const INLINE = 'https://inline.example/t';
export const WRAPPER = 'https://wrapper.example/t';

/** Options of the test player: the base's, a transport, and a time provider it can tick. */
export interface StepPlayerOptions extends Omit<BaseVastPlayerOptions, 'config'> {
  readonly config?: ResolvedConfig;
  readonly transport?: BeaconTransport;
}

/**
 * The smallest concrete player: it moves the playhead from stop to stop on a manual simulated
 * clock (ticking the clock by the distance), yielding between stops so listeners can act, and
 * waits while paused. It exercises the template without the headless player's interruption model.
 */
export class StepPlayer extends BaseVastPlayer {
  readonly transport: BeaconTransport;

  constructor(options: StepPlayerOptions) {
    const transport = options.transport ?? new RecordingBeaconTransport();
    super({ ...options, config: options.config ?? resolve() }, { mode: 'headless', transport, sessionId: 'step-1', random: createSeededRandom(7) });
    this.transport = transport;
  }

  protected defaultTimeProvider(): TimeProvider {
    return new SimulatedTimeProvider({ mode: 'manual' });
  }

  protected async runProgress(): Promise<void> {
    this.advanceTo(0);
    while (!this.session.ended) {
      if (this.status === 'paused') {
        await this.waitWhilePaused();
        continue;
      }
      const from = this.session.position;
      const next = this.nextStop(from);
      (this.time as SimulatedTimeProvider).tick(next - from);
      this.advanceTo(next);
      await Promise.resolve();
    }
  }

  /** The deadline, for tests of the base's arithmetic. */
  get deadline(): number {
    return this.deadlineMonotonic;
  }

  /** Ends at the deadline, as a subclass does. */
  endNow(): void {
    this.endAtDeadline();
  }
}

/** A resolved config of the global profile with overrides. */
export function resolve(overrides?: ConfigOverrides): ResolvedConfig {
  return new ConfigResolver().resolve('global', undefined, overrides);
}

/** A parsed inline ad built by the testkit with its tracking at {@link INLINE}. */
export function inlineAd(options: Partial<InlineVastOptions> = {}): InlineAd {
  return parseVast(inlineVast({ trackingBase: INLINE, ...options })).ads[0] as InlineAd;
}

/** A wrapper whose tracking is at {@link WRAPPER}. */
function wrapperAd(): WrapperAd {
  return parseVast(wrapperVast({ adTagUri: 'https://ads.example/inline.xml', trackingBase: WRAPPER })).ads[0] as WrapperAd;
}

/** A two-level resolved ad: a wrapper and the inline ad. */
export function chainAd(options: Partial<InlineVastOptions> = {}, extra: Partial<ResolvedAdLike> = {}): ResolvedAdLike {
  const inline = inlineAd(options);
  return { ad: inline, inline, wrappers: [wrapperAd()], ...extra };
}

/** The recorded beacons as `<host>/<path>` with their query, in order. */
export function urls(transport: BeaconTransport): string[] {
  return (transport as RecordingBeaconTransport).beacons().map((b) => b.url.replace(/^https:\/\//, ''));
}

/** The recorded beacons as `<level>:<event>`, in order. */
export function events(transport: BeaconTransport): string[] {
  return (transport as RecordingBeaconTransport).beacons().map((b) => `${b.level}:${b.event}`);
}
