import { PodPlayer, type PlayableAd, type PodSlot } from '@vast/player-core';
import { RecordingBeaconTransport } from '@vast/tracker';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

const config = configWith();
const VPAID_ONLY = [{ type: 'application/javascript', apiFramework: 'VPAID' }];

/** A pod ad shaped like the client's `ResolvedAd` (one level), with its own tracking base. */
function podAd(id: string, sequence: number | undefined, options: { unplayable?: boolean } = {}): PlayableAd {
  const ad = inlineAd({ adId: id, trackingBase: `https://track.example/${id}`, ...(options.unplayable === true ? { mediaFiles: VPAID_ONLY } : {}) });
  return { ad, ...(sequence === undefined ? {} : { sequence }) };
}

function pod(ads: PlayableAd[], buffet?: PlayableAd[]) {
  const transport = new RecordingBeaconTransport();
  const slots: PodSlot[] = [];
  const player = new PodPlayer({
    ads,
    ...(buffet === undefined ? {} : { buffet }),
    createPlayer: (ad, slot) => {
      slots.push(slot);
      return new HeadlessPlayer({ ad, config, transport, sessionId: `slot-${slots.length}` });
    },
  });
  return { player, transport, slots };
}

describe('PodPlayer with HeadlessPlayers', () => {
  it('plays the pod in sequence order, each ad with its own tracking', async () => {
    const { player, transport } = pod([podAd('c', 3), podAd('a', 1), podAd('b', 2)]);
    const { slots, completed } = await player.play();
    expect(slots.map((s) => [s.slot.index, s.slot.sequence, s.result.ad.id, s.result.status])).toEqual([
      [0, 1, 'a', 'completed'],
      [1, 2, 'b', 'completed'],
      [2, 3, 'c', 'completed'],
    ]);
    expect(completed).toBe(3);
    const completes = transport.beacons().filter((b) => b.event === 'complete').map((b) => b.url);
    expect(completes).toEqual(['a', 'b', 'c'].map((id) => `https://track.example/${id}/complete?ph=00%3A00%3A30.000`));
  });

  it('replaces an ad that fails (403) by a buffet ad, whose slot says which sequence it replaces', async () => {
    const { player, transport } = pod([podAd('a', 1), podAd('broken', 2, { unplayable: true }), podAd('c', 3)], [podAd('spare', undefined)]);
    const { slots, completed } = await player.play();
    expect(slots.map((s) => [s.result.ad.id, s.result.status, s.slot.replacesSequence])).toEqual([
      ['a', 'completed', undefined],
      ['broken', 'failed', undefined],
      ['spare', 'completed', 2],
      ['c', 'completed', undefined],
    ]);
    expect(slots[1]?.result.session.failure).toMatchObject({ code: 403 });
    expect(completed).toBe(3);
    expect(transport.beacons().filter((b) => b.url.includes('/broken/')).map((b) => b.url)).toEqual(['https://track.example/broken/error?code=403']);
  });

  it('moves on without a buffet', async () => {
    const { player } = pod([podAd('a', 1), podAd('broken', 2, { unplayable: true }), podAd('c', 3)]);
    const { slots, completed } = await player.play();
    expect(slots.map((s) => [s.result.ad.id, s.result.status])).toEqual([
      ['a', 'completed'],
      ['broken', 'failed'],
      ['c', 'completed'],
    ]);
    expect(completed).toBe(2);
  });
});
