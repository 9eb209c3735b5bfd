import { describe, expect, it } from 'vitest';
import { NullBeaconTransport, RecordingBeaconTransport, type Beacon } from '../src/index.js';

const beacon = (url: string): Beacon => ({ id: 1, event: 'start', url, template: url, level: 0, time: 0 });

describe('RecordingBeaconTransport', () => {
  it('keeps every beacon without sending and reports it as recorded', async () => {
    const t = new RecordingBeaconTransport();
    expect(await t.send(beacon('https://a.example/1'))).toMatchObject({ kind: 'recorded' });
    expect(await t.send(beacon('http://a.example/2'))).toMatchObject({ kind: 'recorded' });
    expect(t.beacons().map((b) => b.url)).toEqual(['https://a.example/1', 'http://a.example/2']);
    await t.flush();
    // flush() has nothing to send: what was recorded stays until clear().
    expect(t.beacons()).toHaveLength(2);
    t.clear();
    expect(t.beacons()).toEqual([]);
  });

  it('reports what a live run would drop', async () => {
    const t = new RecordingBeaconTransport();
    expect(await t.send(beacon('mailto:a@b.example'))).toMatchObject({ kind: 'dropped', reason: 'unsupported-scheme' });
    expect(t.beacons()).toEqual([]);
  });

  it('drops after close and keeps what it recorded', async () => {
    const t = new RecordingBeaconTransport();
    await t.send(beacon('https://a.example/1'));
    await t.close();
    expect(await t.send(beacon('https://a.example/2'))).toMatchObject({ kind: 'dropped', reason: 'transport-closed' });
    expect(t.beacons()).toHaveLength(1);
  });
});

describe('NullBeaconTransport', () => {
  it('drops everything with its own reason', async () => {
    const t = new NullBeaconTransport();
    expect(await t.send(beacon('https://a.example/1'))).toMatchObject({ kind: 'dropped', reason: 'null-transport' });
    await expect(t.flush()).resolves.toBeUndefined();
    await expect(t.close()).resolves.toBeUndefined();
    expect(await t.send(beacon('https://a.example/2'))).toMatchObject({ kind: 'dropped', reason: 'null-transport' });
  });
});
