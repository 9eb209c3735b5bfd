// The full fixture reshaped three ways: without any attribute, with every attribute empty, and
// with every text emptied. Optional fields must then be absent (never undefined-valued, never
// invented), and empty URLs left out or reported.
import { describe, expect, it } from 'vitest';
import {
  type CompanionCreative,
  type InlineAd,
  type LinearCreative,
  type NonLinearCreative,
  type VastDocument,
  parseVast,
} from '../src/index.js';
import { fixture } from './fixtures.js';

const full = fixture('inline-full-4.3.xml');

function parts(doc: VastDocument): [InlineAd, LinearCreative, CompanionCreative, NonLinearCreative] {
  const ad = doc.ads[0] as InlineAd;
  return [ad, ...(ad.creatives as [LinearCreative, CompanionCreative, NonLinearCreative])];
}

/** Keys whose value is `undefined` anywhere in the model (there must be none). */
function undefinedKeys(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [`${path}.${key}`] : undefinedKeys(child, `${path}.${key}`),
  );
}

describe('parseVast: the full fixture without any attribute', () => {
  const doc = parseVast(full.replace(/\s[\w:]+="[^"]*"/g, ''));
  const [ad, linear, companion, overlay] = parts(doc);

  it('leaves every attribute-born field out and applies the documented defaults', () => {
    expect(doc.version).toBeUndefined();
    expect(Object.keys(ad).filter((k) => ['id', 'sequence', 'adType', 'conditionalAd'].includes(k))).toEqual([]);
    expect(ad.adSystem).toEqual({ name: 'Orchard Ads' });
    expect(ad.advertiser).toEqual({ name: 'Orchard Inc.' });
    expect(ad.pricing).toEqual({ value: 12.5 });
    expect(ad.survey).toEqual({ url: 'https://survey.test.invalid/s.js' });
    expect(ad.categories[0]).toEqual({ value: 'IAB8-5' });
    expect(ad.viewableImpression?.id).toBeUndefined();
    expect(ad.verifications[0]).toEqual({
      javascriptResources: [{ url: 'https://verify.test.invalid/omid.js' }],
      executableResources: [{ url: 'https://verify.test.invalid/exec.bin' }],
      parameters: '{"campaign":"spring","weight":3}',
      trackingEvents: [],
    });
    expect(ad.extensions[0]?.attributes).toEqual({});
    expect(ad.extensions[0] && 'type' in ad.extensions[0]).toBe(false);
    expect(linear.mediaFiles[0]).toEqual({ url: 'https://cdn.test.invalid/spring-1080.mp4' });
    expect(linear.mezzanines[0]).toEqual({ url: 'https://cdn.test.invalid/spring-mezzanine.mp4' });
    expect(linear.interactiveCreativeFiles[0]).toEqual({ url: 'https://cdn.test.invalid/simid.html' });
    expect(linear.closedCaptionFiles[0]).toEqual({ url: 'https://cdn.test.invalid/spring.en.vtt' });
    expect(linear.adParameters).toEqual({ value: '{"autoplay":true}', xmlEncoded: false });
    expect(linear.universalAdIds[0]).toEqual({ idRegistry: 'unknown', value: 'ORCH0001000H' });
    expect(linear.icons[0]?.resources[0]).toEqual({ type: 'static', url: 'https://cdn.test.invalid/adchoices.png' });
    expect(linear.icons[0]?.clickFallbackImages[0]).toEqual({
      url: 'https://cdn.test.invalid/fallback.png',
      altText: 'Our privacy notice',
    });
    expect(companion.required).toBeUndefined();
    expect(companion.companions[0]?.id).toBeUndefined();
    expect(overlay.nonLinears[0]?.width).toBeUndefined();
    expect(undefinedKeys(doc)).toEqual([]);
  });

  it('reports the attributes VAST requires', () => {
    expect(doc.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining(['VAST has no version attribute', 'Tracking has no event attribute', 'UniversalAdId has no idRegistry']),
    );
  });
});

describe('parseVast: the full fixture with every attribute empty', () => {
  const doc = parseVast(full.replace(/="[^"]*"/g, '=""'));
  const [ad, linear, companion, overlay] = parts(doc);

  it('treats an empty attribute as absent', () => {
    expect(doc.version).toBeUndefined();
    expect(ad.id).toBeUndefined();
    expect(ad.sequence).toBeUndefined();
    expect(ad.impressions[0]).toEqual({ url: 'https://track.test.invalid/imp?a=1&b=2' });
    expect(linear.mediaFiles[0]).toEqual({ url: 'https://cdn.test.invalid/spring-1080.mp4' });
    expect(linear.mezzanines[0]).toEqual({ url: 'https://cdn.test.invalid/spring-mezzanine.mp4' });
    expect(linear.interactiveCreativeFiles[0]).toEqual({ url: 'https://cdn.test.invalid/simid.html' });
    expect(linear.closedCaptionFiles[0]).toEqual({ url: 'https://cdn.test.invalid/spring.en.vtt' });
    expect(linear.skipOffset).toBeUndefined();
    expect(linear.icons[0]).toMatchObject({ clickThrough: 'https://choices.test.invalid/' });
    expect(linear.icons[0]?.program).toBeUndefined();
    expect(companion.companions[0]?.width).toBeUndefined();
    expect(overlay.nonLinears[0]?.minSuggestedDuration).toBeUndefined();
    expect(ad.extensions[0] && 'type' in ad.extensions[0]).toBe(false);
    expect(undefinedKeys(doc)).toEqual([]);
  });
});

describe('parseVast: the full fixture with every text emptied', () => {
  const emptied = full.replace(/<!\[CDATA\[[^]*?\]\]>/g, '').replace(/>[^<]+</g, '><');
  const doc = parseVast(emptied);
  const [ad, linear, companion, overlay] = parts(doc);

  it('leaves empty URLs out, reporting the ones VAST requires', () => {
    expect(doc.errors).toEqual([]);
    expect(ad.impressions).toEqual([]);
    expect(ad.errors).toEqual([]);
    expect(ad.survey).toBeUndefined();
    expect(ad.pricing).toBeUndefined();
    expect(ad.viewableImpression).toEqual({ id: 'vi-1', viewable: [], notViewable: [], viewUndetermined: [] });
    expect(ad.verifications[0]?.javascriptResources).toEqual([]);
    expect(linear.mediaFiles).toEqual([]);
    expect(linear.mezzanines).toEqual([]);
    expect(linear.interactiveCreativeFiles).toEqual([]);
    expect(linear.closedCaptionFiles).toEqual([]);
    expect(linear.trackingEvents).toEqual([]);
    expect(linear.videoClicks).toEqual({ clickTrackings: [], customClicks: [] });
    expect(linear.icons[0]?.resources).toEqual([]);
    expect(linear.icons[0]?.clickTrackings).toEqual([]);
    expect(linear.icons[0]?.viewTrackings).toEqual([]);
    expect(linear.icons[0] && 'clickThrough' in linear.icons[0]).toBe(false);
    expect(companion.companions[0]?.resources).toEqual([]);
    expect(companion.companions[0]?.clickTrackings).toEqual([]);
    expect(companion.companions[0] && 'altText' in companion.companions[0]).toBe(false);
    expect(overlay.nonLinears[0]?.resources).toEqual([]);
    expect(overlay.nonLinears[0] && 'clickThrough' in overlay.nonLinears[0]).toBe(false);
    expect(linear.universalAdIds[0]).toEqual({ idRegistry: 'ad-id.org', value: 'unknown' });
    expect(undefinedKeys(doc)).toEqual([]);
    expect(doc.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining(['MediaFile has no URL', 'Mezzanine has no URL', 'Duration is not a time: ""']),
    );
  });

  it('reads the VAST 4.0 idValue attribute when UniversalAdId has no text', () => {
    const xml = full.replace('<UniversalAdId idRegistry="ad-id.org">ORCH0001000H</UniversalAdId>', '<UniversalAdId idRegistry="ad-id.org" idValue="ORCH9"/>');
    expect((parts(parseVast(xml))[1]).universalAdIds[0]).toEqual({ idRegistry: 'ad-id.org', value: 'ORCH9' });
  });
});
