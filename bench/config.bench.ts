// Resolve with a warm cache vs a cold one (`@vast/config` ConfigResolver).
// Run: npx -y pnpm@10.34.9 bench config
import { ConfigResolver, type ConfigOverrides } from '../packages/config/src/index.js';
import { opsPerSecond, table, writeSection } from './lib/report.js';

const COMMAND = 'npx -y pnpm@10.34.9 bench config';

const resolver = new ConfigResolver({
  publishers: {
    acme: {
      playback: { interruptions: { viewerPause: { enabled: false }, channelChange: { probability: 0.04 } } },
      tracker: { staticMacros: { APPNAME: 'acme-tv' } },
    },
  },
});
const overrides: ConfigOverrides = { playback: { mode: 'headless', seed: 42 }, parser: { strict: true } };
const makeOverrides = (): ConfigOverrides => ({ playback: { mode: 'headless', seed: 42 }, parser: { strict: true } });

/** Median of three runs, to damp the noise of a shared machine. */
function median(fn: () => void): number {
  const runs = [opsPerSecond(fn, 400), opsPerSecond(fn, 400), opsPerSecond(fn, 400)].sort((a, b) => a - b);
  return runs[1] as number;
}

const cases = {
  cold: median(() => {
    resolver.clearCache();
    resolver.resolve('tiger', 'acme');
  }),
  coldOverrides: median(() => {
    resolver.clearCache();
    resolver.resolve('tiger', 'acme', overrides);
  }),
  warm: median(() => {
    resolver.resolve('tiger', 'acme');
  }),
  warmSameObject: median(() => {
    resolver.resolve('tiger', 'acme', overrides);
  }),
  warmEqualObject: median(() => {
    resolver.resolve('tiger', 'acme', makeOverrides());
  }),
};

const ns = (ops: number) => 1e9 / ops;
const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const verdict = (warm: number, cold: number) =>
  warm / cold >= 50 && ns(warm) < 2000 ? 'meets target' : 'misses target (>= 50x and < 2 µs)';

const rows = [
  ['cold: clearCache() + resolve(provider, publisher)', fmt(ns(cases.cold)), '1x (baseline)', ''],
  ['warm: resolve(provider, publisher)', fmt(ns(cases.warm)), `${fmt(cases.warm / cases.cold)}x`, verdict(cases.warm, cases.cold)],
  ['cold: clearCache() + resolve with request overrides', fmt(ns(cases.coldOverrides)), '1x (baseline)', ''],
  [
    'warm: the same overrides object (identity hit)',
    fmt(ns(cases.warmSameObject)),
    `${fmt(cases.warmSameObject / cases.coldOverrides)}x`,
    verdict(cases.warmSameObject, cases.coldOverrides),
  ],
  [
    'warm: an equal, newly built overrides object (content key)',
    fmt(ns(cases.warmEqualObject)),
    `${fmt(cases.warmEqualObject / cases.coldOverrides)}x`,
    verdict(cases.warmEqualObject, cases.coldOverrides),
  ],
];

const markdown = `## config: ConfigResolver.resolve, warm cache vs cold

Command: \`${COMMAND}\`

Each figure is the median of three runs of at least 400 ms. "Cold" clears the cache before every
resolve, so it measures the four-level merge, the zod validation, the cross-rule checks and the deep
freeze; "warm" is a cache hit. Speed-up = warm ops/s divided by the cold ops/s of the same inputs,
measured in the same run. Target (issue 4): a cached resolve at least 50x faster than an uncached
one and under 2 µs. The machine has 2 cores shared with other work, so absolute figures are noisy;
the ratios are the figures to compare.

${table(['case', 'ns per resolve', 'speed-up vs cold', 'target'], rows)}
`;

writeSection('config', markdown);
process.stdout.write(`${markdown}\n`);
