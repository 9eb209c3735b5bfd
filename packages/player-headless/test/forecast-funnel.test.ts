import { describe, expect, it } from 'vitest';
import { FUNNEL_STEPS, forecastFunnel } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

const ad = inlineAd();
const busy = configWith(
  {
    viewerPause: { probability: 0.3, outcome: { kind: 'resumed', resumeAfter: { kind: 'fixed', ms: 3_000 } } },
    viewerExit: { probability: 0.2, when: { kind: 'weights', weights: [4, 3, 2, 1] }, outcome: { kind: 'stopped' } },
    bufferingTimeout: { probability: 0.1, when: { kind: 'early' }, outcome: { kind: 'failed', errorCode: 402 } },
  },
  { seed: 21 },
);

describe('forecastFunnel', () => {
  it('is deterministic by seed, and the seed defaults to the config', async () => {
    const first = await forecastFunnel({ ad, config: busy, sessions: 2_000, seed: 1 });
    expect(await forecastFunnel({ ad, config: busy, sessions: 2_000, seed: 1 })).toEqual(first);
    expect(await forecastFunnel({ ad, config: busy, sessions: 2_000, seed: 2 })).not.toEqual(first);
    const fromConfig = await forecastFunnel({ ad, config: busy, sessions: 2_000 });
    expect(fromConfig.seed).toBe(21);
    expect(fromConfig).toEqual(await forecastFunnel({ ad, config: busy, sessions: 2_000, seed: 21, provider: 'tiger' }));
  });

  it('counts a funnel that never grows along its steps, and statuses, interruptions and errors that add up', async () => {
    const forecast = await forecastFunnel({ ad, config: busy, sessions: 5_000, seed: 3 });
    expect(forecast.sessions).toBe(5_000);
    const steps = FUNNEL_STEPS.map((step) => forecast.funnel[step]);
    expect(steps[0]).toBe(5_000);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThanOrEqual(steps[i - 1]!);
    // Early failures and exits take sessions out at every quartile: each step loses some.
    expect(new Set(steps.slice(1)).size).toBe(steps.length - 1);

    const { completed, stopped, interrupted, failed } = forecast.statuses;
    expect(completed + stopped + interrupted + failed).toBe(5_000);
    expect(completed).toBe(forecast.funnel.complete);
    expect(stopped).toBe(0);
    expect(interrupted).toBe(forecast.interruptions.viewerExit);
    expect(failed).toBe(forecast.interruptions.bufferingTimeout);
    expect(forecast.errors).toEqual({ '402': failed });
    expect(Object.keys(forecast.interruptions).sort()).toEqual(['bufferingTimeout', 'viewerExit', 'viewerPause']);
  });

  it('plays everything to the end with interruptions: false', async () => {
    const forecast = await forecastFunnel({ ad, config: busy, sessions: 500, interruptions: false });
    expect(forecast.funnel).toEqual(Object.fromEntries(FUNNEL_STEPS.map((step) => [step, 500])));
    expect(forecast.statuses).toEqual({ completed: 500, stopped: 0, interrupted: 0, failed: 0 });
    expect(forecast.interruptions).toEqual({});
    expect(forecast.errors).toEqual({});
  });

  it('counts an ad that cannot play by its error code, with an empty funnel', async () => {
    const vpaid = inlineAd({ mediaFiles: [{ type: 'application/javascript', apiFramework: 'VPAID' }] });
    const forecast = await forecastFunnel({ ad: vpaid, config: busy, sessions: 50 });
    expect(forecast.funnel).toEqual(Object.fromEntries(FUNNEL_STEPS.map((step) => [step, 0])));
    expect(forecast.statuses.failed).toBe(50);
    expect(forecast.errors).toEqual({ '403': 50 });
  });

  it('reports progress about every 1% and at the end', async () => {
    const calls: [number, number][] = [];
    await forecastFunnel({ ad, config: busy, sessions: 205, onProgress: (done, total) => calls.push([done, total]) });
    // Every 2 sessions (1% of 205, rounded down), then the last one.
    expect(calls).toHaveLength(103);
    expect(calls[0]).toEqual([2, 205]);
    expect(calls.at(-1)).toEqual([205, 205]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
    const small: number[] = [];
    await forecastFunnel({ ad, config: busy, sessions: 3, onProgress: (done) => small.push(done) });
    expect(small).toEqual([1, 2, 3]);
  });

  it('stops early on the signal: the forecast covers the sessions played', async () => {
    const controller = new AbortController();
    const forecast = await forecastFunnel({
      ad,
      config: busy,
      sessions: 10_000,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 300) controller.abort();
      },
    });
    expect(forecast.sessions).toBe(300);
    expect(forecast.funnel.impression).toBe(300);
    const aborted = new AbortController();
    aborted.abort();
    const none = await forecastFunnel({ ad, config: busy, sessions: 10, signal: aborted.signal });
    expect(none.sessions).toBe(0);
    expect(none.funnel.impression).toBe(0);
  });

  it('takes only a positive integer number of sessions', async () => {
    for (const sessions of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(forecastFunnel({ ad, config: busy, sessions })).rejects.toMatchObject({ name: 'PlayerError', code: 'INVALID_ARGUMENT' });
    }
  });
});
