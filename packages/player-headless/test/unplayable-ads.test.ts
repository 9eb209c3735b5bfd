import type { InlineAd } from '@vast/parser';
import { DEFAULT_SIMULATED_START_TIME } from '@vast/time';
import type { InlineVastOptions } from '@vast/testkit';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd, wrapperAd } from './helpers.js';

const T0 = DEFAULT_SIMULATED_START_TIME;
// Interruptions certain to happen, to show that a failed ad draws none.
const config = configWith({ viewerExit: { probability: 1, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } } });

/** An ad of two levels shaped like the client's `ResolvedAd`, its inline document fetched at `fetchedAt`. */
function resolved(inline: InlineAd, fetchedAt?: number) {
  return {
    ad: inline,
    inline,
    wrappers: [wrapperAd()],
    ...(fetchedAt === undefined ? {} : { chain: [{ startedAt: fetchedAt - 300, durationMs: 100 }, { startedAt: fetchedAt - 100, durationMs: 100 }] }),
  };
}

async function failure(options: Partial<InlineVastOptions>, fetchedAt?: number) {
  const player = new HeadlessPlayer({ ad: resolved(inlineAd(options), fetchedAt), config });
  const result = await player.play();
  return { player, ...result };
}

/** Only the Error URLs of both levels fired, with the code, and the log holds only the error. */
function expectOnlyErrors(result: Awaited<ReturnType<typeof failure>>, code: number): void {
  expect(result.status).toBe('failed');
  expect(result.session.failure).toMatchObject({ code });
  expect(result.session.events.map((e) => e.type)).toEqual(['error']);
  expect(result.interruptions).toEqual([]);
  expect(result.outcomes.map((o) => [o.beacon.event, o.beacon.level, o.beacon.url]).sort()).toEqual([
    ['error', 0, `https://track.example/inline/error?code=${code}`],
    ['error', 1, `https://track.example/wrapper/error?code=${code}`],
  ]);
}

describe('HeadlessPlayer with an ad it cannot play', () => {
  it('403 when the only media file is VPAID', async () => {
    const result = await failure({ mediaFiles: [{ type: 'application/javascript', apiFramework: 'VPAID', url: 'https://cdn.example/vpaid.js' }] });
    expectOnlyErrors(result, 403);
    expect(result.mediaFile).toBeNull();
  });

  it('403 when a VPAID MP4 is all there is too (the API framework decides, not the type)', async () => {
    expectOnlyErrors(await failure({ mediaFiles: [{ type: 'video/mp4', apiFramework: 'VPAID' }] }), 403);
  });

  it('403 when only unsupported types are offered', async () => {
    expectOnlyErrors(await failure({ mediaFiles: [{ type: 'video/x-flv' }, { type: 'video/webm' }] }), 403);
  });

  it('201 without a linear creative', async () => {
    expectOnlyErrors(await failure({ linear: false }), 201);
  });

  it('202 without a duration', async () => {
    expectOnlyErrors(await failure({ durationSeconds: null }), 202);
  });

  it('900 when the ad expired: <Expires> counts from the end of the last fetch of the chain', async () => {
    // Fetched an hour before the player's clock starts, valid for 60 s.
    expectOnlyErrors(await failure({ expiresSeconds: 60 }, T0 - 3_600_000), 900);
  });

  it('plays an ad still within its <Expires>, and one whose arrival is unknown', async () => {
    const fresh = await failure({ expiresSeconds: 60 }, T0 - 30_000);
    expect(fresh.status).toBe('interrupted');
    expect(fresh.outcomes.map((o) => o.beacon.event)).toContain('impression');
    const unknown = await new HeadlessPlayer({ ad: inlineAd({ expiresSeconds: 1 }), config, interruptions: false }).play();
    expect(unknown.status).toBe('completed');
  });

  it('takes receivedAt from the caller over the chain', async () => {
    const ad = resolved(inlineAd({ expiresSeconds: 60 }), T0);
    const { status } = await new HeadlessPlayer({ ad, config, receivedAt: T0 - 120_000 }).play();
    expect(status).toBe('failed');
  });
});
