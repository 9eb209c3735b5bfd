import { parseVast, type InlineAd, type LinearCreative, type WrapperAd } from '@vast/parser';
import { describe, expect, it } from 'vitest';
import { TRACKED_EVENTS, inlineVast, wrapperVast } from '../src/index.js';

const BASE = 'http://127.0.0.1:9/t/inline';

describe('inlineVast', () => {
  it('builds a valid inline ad whose every tracking URL points at the base', () => {
    const document = parseVast(inlineVast({ trackingBase: BASE, progressOffsets: ['00:00:05', '10%'] }), { strict: true });
    const ad = document.ads[0] as InlineAd;
    expect(ad).toMatchObject({ type: 'inline', id: 'inline-ad' });
    expect(ad.impressions.map((i) => i.url)).toEqual([`${BASE}/impression?cb=[CACHEBUSTING]`]);
    expect(ad.errors).toEqual([`${BASE}/error?code=[ERRORCODE]`]);
    const linear = ad.creatives[0] as LinearCreative;
    expect(linear).toMatchObject({ type: 'linear', id: 'creative-1', duration: 30 });
    expect(linear.trackingEvents.filter((t) => t.event !== 'progress').map((t) => t.event)).toEqual(TRACKED_EVENTS);
    expect(linear.trackingEvents.find((t) => t.event === 'start')?.url).toBe(`${BASE}/start?ph=[ADPLAYHEAD]`);
    expect(linear.trackingEvents.filter((t) => t.event === 'progress').map((t) => t.offset)).toEqual([
      { type: 'time', seconds: 5 },
      { type: 'percent', percent: 10 },
    ]);
    expect(linear.mediaFiles).toEqual([
      { url: 'https://cdn.example/ad-1280x720.mp4', delivery: 'progressive', type: 'video/mp4', width: 1280, height: 720, bitrate: 2000 },
    ]);
    expect(linear.skipOffset).toBeUndefined();
  });

  it('varies what a player test needs: duration, media, skip offset, expiry, sequence, linearity, ids', () => {
    const ad = parseVast(
      inlineVast({
        trackingBase: BASE,
        adId: 'a"<&',
        creativeId: 'c-2',
        version: '4.1',
        durationSeconds: 15.5,
        mediaFiles: [{ type: 'application/javascript', apiFramework: 'VPAID', url: 'https://cdn.example/unit.js', width: 640, height: 360, bitrate: 500, delivery: 'streaming' }],
        skipOffset: '00:00:05',
        expiresSeconds: 3600,
        sequence: 2,
      }),
    ).ads[0] as InlineAd;
    const linear = ad.creatives[0] as LinearCreative;
    expect(ad).toMatchObject({ id: 'a"<&', sequence: 2, expires: 3600 });
    expect(linear).toMatchObject({ id: 'c-2', duration: 15.5, skipOffset: { type: 'time', seconds: 5 } });
    expect(linear.mediaFiles[0]).toMatchObject({ apiFramework: 'VPAID', url: 'https://cdn.example/unit.js', delivery: 'streaming' });
    expect((parseVast(inlineVast({ trackingBase: BASE, durationSeconds: null })).ads[0]?.creatives[0] as LinearCreative).duration).toBeUndefined();
    expect(parseVast(inlineVast({ trackingBase: BASE, linear: false })).ads[0]?.creatives[0]?.type).toBe('nonlinear');
  });
});

describe('wrapperVast', () => {
  it('builds a wrapper to the next document with its own tracking', () => {
    const ad = parseVast(wrapperVast({ adTagUri: 'http://127.0.0.1:9/inline.xml', trackingBase: 'http://127.0.0.1:9/t/wrapper', progressOffsets: ['50%'] }), {
      strict: true,
    }).ads[0] as WrapperAd;
    expect(ad).toMatchObject({ type: 'wrapper', id: 'wrapper-ad', vastAdTagUri: 'http://127.0.0.1:9/inline.xml' });
    expect(ad.impressions.map((i) => i.url)).toEqual(['http://127.0.0.1:9/t/wrapper/impression?cb=[CACHEBUSTING]']);
    const linear = ad.creatives[0] as LinearCreative;
    expect(linear.trackingEvents.map((t) => t.event)).toEqual([...TRACKED_EVENTS, 'progress']);
  });
});
