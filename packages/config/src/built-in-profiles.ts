import { deepFreeze } from './deep-freeze.js';
import { BuiltInProvider, type ProviderProfile } from './provider-profile.js';

// Every number below is a starting default for teams to tune to their own traffic. None of them is
// a measurement of a real network, and the static macro values are placeholders.

const globalProfile: ProviderProfile = {
  name: BuiltInProvider.GLOBAL,
  description: 'The base every provider starts from: IAB [MACRO] syntax and modest interruption rates.',
  config: {
    playback: {
      interruptions: {
        viewerPause: {
          probability: 0.05,
          when: { kind: 'uniform' },
          outcome: { kind: 'resumed', resumeAfter: { kind: 'uniform', minMs: 2_000, maxMs: 20_000 } },
        },
        viewerExit: {
          probability: 0.04,
          when: { kind: 'weights', weights: [4, 3, 2, 1] },
          outcome: { kind: 'stopped' },
        },
        channelChange: { probability: 0.03, when: { kind: 'early' }, outcome: { kind: 'stopped' } },
        appBackgrounded: {
          probability: 0.01,
          when: { kind: 'uniform' },
          outcome: { kind: 'resumed', resumeAfter: { kind: 'exponential', meanMs: 15_000, maxMs: 120_000 } },
        },
        networkError: { probability: 0.005, when: { kind: 'uniform' }, outcome: { kind: 'failed', errorCode: 405 } },
        bufferingTimeout: { probability: 0.01, when: { kind: 'early' }, outcome: { kind: 'failed', errorCode: 402 } },
        deviceSleep: { probability: 0.002, when: { kind: 'late' }, outcome: { kind: 'stopped' } },
      },
    },
    tracker: { macroSyntaxes: ['iab'], staticMacros: { CLIENTUA: 'vast-middleware' } },
  },
};

const tiger: ProviderProfile = {
  name: BuiltInProvider.TIGER,
  description: 'Tiger: [MACRO] and %%MACRO%% syntax, more zapping and exits.',
  config: {
    playback: {
      interruptions: {
        viewerExit: { probability: 0.06 },
        channelChange: { probability: 0.05 },
        networkError: { probability: 0.01 },
      },
    },
    tracker: { macroSyntaxes: ['iab', 'percent'], staticMacros: { PLATFORM: 'ctv', SDK: 'vast-middleware' } },
  },
};

const leto: ProviderProfile = {
  name: BuiltInProvider.LETO,
  description: 'Leto: ${MACRO} syntax, fewer pauses, more buffering timeouts.',
  config: {
    playback: {
      interruptions: {
        viewerPause: { probability: 0.03 },
        bufferingTimeout: { probability: 0.02, when: { kind: 'uniform' } },
      },
    },
    tracker: { macroSyntaxes: ['dollar'], staticMacros: { SSP: 'leto', DEVICE_TYPE: 'smarttv' } },
  },
};

const yandex: ProviderProfile = {
  name: BuiltInProvider.YANDEX,
  description: 'Yandex: {macro} and [MACRO] syntax, more exits and backgrounding.',
  config: {
    playback: {
      interruptions: {
        viewerExit: { probability: 0.05 },
        appBackgrounded: { probability: 0.02 },
      },
    },
    tracker: { macroSyntaxes: ['brace', 'iab'], staticMacros: { page_ref: 'ctv-app', device_type: 'tv' } },
  },
};

const google: ProviderProfile = {
  name: BuiltInProvider.GOOGLE,
  description: 'Google: [MACRO] and %%MACRO%% syntax, fewer network errors.',
  config: {
    playback: {
      interruptions: {
        viewerPause: { probability: 0.04 },
        networkError: { probability: 0.003 },
      },
    },
    tracker: { macroSyntaxes: ['iab', 'percent'], staticMacros: { PLAYERCAPABILITIES: 'fullscreen' } },
  },
};

const custom: ProviderProfile = {
  name: BuiltInProvider.CUSTOM,
  description: 'Empty: the global profile unchanged, for users to fill.',
  config: {},
};

/**
 * The six built-in provider profiles, `global` first. Their numbers are defaults for teams to tune
 * (register a profile of the same name to replace one), not measurements of real networks.
 */
export const BUILT_IN_PROFILES: readonly ProviderProfile[] = deepFreeze([globalProfile, tiger, leto, yandex, google, custom]);
