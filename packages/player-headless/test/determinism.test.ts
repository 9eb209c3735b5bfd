import { createSeededRandom } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

// Rules likely enough that almost every session draws something different.
const busy = configWith({
  viewerPause: { probability: 0.6, outcome: { kind: 'resumed', resumeAfter: { kind: 'uniform', minMs: 1_000, maxMs: 9_000 } } },
  viewerExit: { probability: 0.4, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } },
  networkError: { probability: 0.3, when: { kind: 'uniform' }, outcome: { kind: 'failed', errorCode: 405 } },
});

async function playJson(options: { seed?: number; config?: typeof busy; sessionId?: string }): Promise<string> {
  const player = new HeadlessPlayer({ ad: inlineAd({ progressOffsets: ['00:00:05', '10%'] }), config: options.config ?? busy, ...options });
  await player.play();
  return player.getSessionJson();
}

/** The log and the beacon URLs of a session: what differs with the draws, not with the id or config. */
async function playedEvents(options: ConstructorParameters<typeof HeadlessPlayer>[0]): Promise<string> {
  const player = new HeadlessPlayer(options);
  const { session, outcomes } = await player.play();
  return JSON.stringify({ events: session.toJSON().events, urls: outcomes.map((o) => o.beacon.url) });
}

describe('HeadlessPlayer determinism', () => {
  it('gives byte-identical session JSON for the same seed and config', async () => {
    for (const seed of [0, 1, 42, 0xffff_ffff]) {
      const first = await playJson({ seed });
      const second = await playJson({ seed });
      expect(second).toBe(first);
      expect(JSON.parse(first)).toMatchObject({ id: `headless-${seed}`, mode: 'headless' });
    }
  });

  it('gives different sessions for different seeds when interruptions are likely', async () => {
    const sessions = new Set<string>();
    for (let seed = 0; seed < 20; seed++) sessions.add(await playJson({ seed, sessionId: 'same-id' }));
    // 20 seeds under these rules: each draws its own positions, so nearly all sessions differ.
    expect(sessions.size).toBeGreaterThanOrEqual(18);
  });

  it('takes the seed from the config when the call gives none, and the call wins over the config', async () => {
    const ad = inlineAd();
    const seeded7 = configWith({ viewerExit: { probability: 0.5, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } } }, { seed: 7 });
    const seeded0 = configWith({ viewerExit: { probability: 0.5, when: { kind: 'uniform' }, outcome: { kind: 'stopped' } } });

    const fromConfig = new HeadlessPlayer({ ad, config: seeded7 });
    expect(fromConfig.seed).toBe(7);
    const fromCall = new HeadlessPlayer({ ad, config: seeded0, seed: 7 });
    expect(fromCall.seed).toBe(7);
    const base = { sessionId: 's' };
    expect(await playedEvents({ ad, config: seeded7, ...base })).toBe(await playedEvents({ ad, config: seeded0, seed: 7, ...base }));

    const overridden = new HeadlessPlayer({ ad, config: seeded7, seed: 8 });
    expect(overridden.seed).toBe(8);
    expect(await playedEvents({ ad, config: seeded7, seed: 8, ...base })).toBe(await playedEvents({ ad, config: seeded0, seed: 8, ...base }));
    await overridden.play();
    expect(overridden.getSessionObject().config).toMatchObject({ player: { beacons: 'recorded', seed: 8 } });
  });

  it('draws the cache buster from the seeded source too', async () => {
    const impression = async (seed: number): Promise<string | undefined> => {
      const { outcomes } = await new HeadlessPlayer({ ad: inlineAd(), config: configWith(), seed }).play();
      return outcomes.find((o) => o.beacon.event === 'impression')?.beacon.url;
    };
    expect(await impression(3)).toBe(await impression(3));
    expect(await impression(3)).not.toBe(await impression(4));
    expect(await impression(3)).toMatch(/\/impression\?cb=\d+$/);
  });

  it('continues a shared random source from one session to the next, reproducibly', async () => {
    const ad = inlineAd();
    const run = async (): Promise<string[]> => {
      const random = createSeededRandom(5);
      const sessions: string[] = [];
      for (let i = 0; i < 5; i++) {
        const player = new HeadlessPlayer({ ad, config: busy, random, sessionId: `s${i}` });
        expect(player.seed).toBe(5);
        await player.play();
        sessions.push(player.getSessionJson());
      }
      return sessions;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    // The second session drew after the first: it is not the session a fresh source of seed 5 gives.
    const fresh = new HeadlessPlayer({ ad, config: busy, random: createSeededRandom(5), sessionId: 's1' });
    await fresh.play();
    expect(fresh.getSessionJson()).not.toBe(first[1]);
    expect(new Set(first.map((json) => JSON.stringify((JSON.parse(json) as { events: unknown }).events))).size).toBeGreaterThan(1);
  });

  it('round-trips the session through getSessionObject and getSessionJson', async () => {
    const player = new HeadlessPlayer({ ad: inlineAd(), config: busy, seed: 11 });
    await player.play();
    expect(JSON.stringify(player.getSessionObject())).toBe(player.getSessionJson());
  });
});
