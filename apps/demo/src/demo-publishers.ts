import type { ConfigOverrides } from '@vast/config';

/**
 * The publishers the demo's `ConfigResolver` knows, to show the publisher level at work:
 * `acme` turns viewer pauses off and asks for a one-second beacon timeout. Any other id adds no
 * overrides, as with a real resolver.
 */
export const DEMO_PUBLISHERS: Readonly<Record<string, ConfigOverrides>> = {
  acme: {
    playback: { interruptions: { viewerPause: { enabled: false } } },
    tracker: { timeoutMs: 1000 },
  },
};
