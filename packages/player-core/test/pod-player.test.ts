import { describe, expect, it } from 'vitest';
import { RecordingBeaconTransport } from '@vast/tracker';
import { PodPlayer, type PlayableAd, type PodSlot } from '../src/index.js';
import { StepPlayer, chainAd } from './step-player.js';

function pod(ads: PlayableAd[], buffet?: PlayableAd[], signal?: AbortSignal) {
  const transport = new RecordingBeaconTransport();
  const slots: PodSlot[] = [];
  const player = new PodPlayer({
    ads,
    ...(buffet === undefined ? {} : { buffet }),
    ...(signal === undefined ? {} : { signal }),
    createPlayer: (ad, slot) => {
      slots.push(slot);
      return new StepPlayer({ ad, transport });
    },
  });
  return { player, transport, slots };
}

describe('PodPlayer', () => {
  it('plays the ads in sequence order, each with its own chain’s tracking and its [PODSEQUENCE]', async () => {
    const { player, transport } = pod([chainAd({ adId: 'b', sequence: 2 }, { sequence: 2 }), chainAd({ adId: 'a', sequence: 1 }, { sequence: 1 })]);
    const result = await player.play();
    expect(result.slots.map((s) => [s.slot.index, s.slot.sequence, s.result.ad.id, s.result.status])).toEqual([
      [0, 1, 'a', 'completed'],
      [1, 2, 'b', 'completed'],
    ]);
    expect(result.completed).toBe(2);
    expect(transport.beacons().filter((b) => b.event === 'impression')).toHaveLength(4);
  });

  it('fills the slot of an ad that fails with the next buffet ad, marked with the sequence it replaces', async () => {
    const failing = chainAd({ adId: 'vpaid', sequence: 1, mediaFiles: [{ apiFramework: 'VPAID' }] }, { sequence: 1 });
    const { player, transport } = pod([failing, chainAd({ adId: 'two', sequence: 2 }, { sequence: 2 })], [chainAd({ adId: 'buffet' })]);
    const result = await player.play();
    expect(result.slots.map((s) => [s.slot.sequence, s.slot.replacesSequence, s.result.ad.id, s.result.status])).toEqual([
      [1, undefined, 'vpaid', 'failed'],
      [1, 1, 'buffet', 'completed'],
      [2, undefined, 'two', 'completed'],
    ]);
    expect(transport.beacons().filter((b) => b.event === 'error').map((b) => b.errorCode)).toEqual([403, 403]);
  });

  it('without a buffet moves on after a failed ad; a slot the client already filled says what it replaces', async () => {
    const failing = chainAd({ adId: 'no-duration', durationSeconds: null, sequence: 1 }, { sequence: 1 });
    const filled = chainAd({ adId: 'filled' }, { sequence: 2, replacesSequence: 2 });
    const { player, slots } = pod([failing, filled]);
    const result = await player.play();
    expect(result.slots.map((s) => s.result.status)).toEqual(['failed', 'completed']);
    expect(slots[1]?.replacesSequence).toBe(2);
    await expect(player.play()).rejects.toMatchObject({ code: 'ILLEGAL_PLAYER_STATE' });
  });

  it('stops starting ads once its signal aborts', async () => {
    const controller = new AbortController();
    const { player } = pod([chainAd({}, { sequence: 1 }), chainAd({}, { sequence: 2 })], [], controller.signal);
    controller.abort();
    expect((await player.play()).slots).toEqual([]);
  });
});
