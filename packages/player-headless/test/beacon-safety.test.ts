import { isPlayerError } from '@vast/player-core';
import { HttpBeaconTransport, NullBeaconTransport, RecordingBeaconTransport, type Beacon, type BeaconOutcome, type BeaconTransport } from '@vast/tracker';
import { describe, expect, it } from 'vitest';
import { HeadlessPlayer } from '../src/index.js';
import { configWith, inlineAd } from './helpers.js';

const EXPECTED = ['impression', 'creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete'];

/** A transport of the caller's own that claims to send (counts what it is given). */
class CountingTransport implements BeaconTransport {
  readonly beacons: Beacon[] = [];
  send(beacon: Beacon): Promise<BeaconOutcome> {
    this.beacons.push(beacon);
    return Promise.resolve({ kind: 'sent', beacon, status: 204, attempts: 1 });
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

function refusal(make: () => unknown): string {
  try {
    make();
    return 'accepted';
  } catch (error) {
    return isPlayerError(error) ? error.code : String(error);
  }
}

describe('HeadlessPlayer beacon safety', () => {
  it('records beacons by default (a dry run) and says so in the session', async () => {
    const player = new HeadlessPlayer({ ad: inlineAd(), config: configWith() });
    const { outcomes } = await player.play();
    expect(outcomes.map((o) => o.kind)).toEqual(EXPECTED.map(() => 'recorded'));
    expect(outcomes.map((o) => o.beacon.event)).toEqual(EXPECTED);
    expect(player.getSessionObject().config).toMatchObject({ player: { beacons: 'recorded' } });
  });

  it('keeps the beacons in a recording transport the caller passes', async () => {
    const transport = new RecordingBeaconTransport();
    const player = new HeadlessPlayer({ ad: inlineAd(), config: configWith(), transport });
    await player.play();
    expect(transport.beacons().map((b) => b.event)).toEqual(EXPECTED);
    expect(player.getSessionObject().config).toMatchObject({ player: { beacons: 'recorded' } });
  });

  it('discards them with a null transport, and records that', async () => {
    const player = new HeadlessPlayer({ ad: inlineAd(), config: configWith(), transport: new NullBeaconTransport() });
    const { outcomes } = await player.play();
    expect(new Set(outcomes.map((o) => o.kind))).toEqual(new Set(['dropped']));
    expect(player.getSessionObject().config).toMatchObject({ player: { beacons: 'discarded' } });
  });

  it('refuses a sending transport (HTTP or the caller\'s own) unless headlessMaySendBeacons is on', async () => {
    const http = new HttpBeaconTransport();
    try {
      expect(refusal(() => new HeadlessPlayer({ ad: inlineAd(), config: configWith(), transport: http }))).toBe('BEACONS_NOT_ALLOWED');
    } finally {
      await http.close();
    }
    const counting = new CountingTransport();
    expect(refusal(() => new HeadlessPlayer({ ad: inlineAd(), config: configWith(), transport: counting }))).toBe('BEACONS_NOT_ALLOWED');
    expect(counting.beacons).toEqual([]);

    const player = new HeadlessPlayer({ ad: inlineAd(), config: configWith({}, { headlessMaySendBeacons: true }), transport: counting });
    const { outcomes } = await player.play();
    expect(counting.beacons.map((b) => b.event)).toEqual(EXPECTED);
    expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
    expect(player.getSessionObject().config).toMatchObject({ player: { beacons: 'sent' }, playback: { headlessMaySendBeacons: true } });
  });

  it('needs an ad, a config and an integer seed (regression: no options threw a TypeError)', () => {
    const config = configWith();
    expect(refusal(() => new HeadlessPlayer(undefined as never))).toBe('INVALID_PLAYER_OPTIONS');
    expect(refusal(() => new HeadlessPlayer({ config } as never))).toBe('INVALID_PLAYER_OPTIONS');
    expect(refusal(() => new HeadlessPlayer({ ad: inlineAd() } as never))).toBe('INVALID_PLAYER_OPTIONS');
    expect(refusal(() => new HeadlessPlayer({ ad: inlineAd(), config, seed: 1.5 }))).toBe('INVALID_PLAYER_OPTIONS');
  });
});
