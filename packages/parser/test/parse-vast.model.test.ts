import { describe, expect, it } from 'vitest';
import {
  type CompanionCreative,
  type InlineAd,
  type LinearCreative,
  type NonLinearCreative,
  type VastAd,
  type WrapperAd,
  parseVast,
} from '../src/index.js';
import { fixture } from './fixtures.js';

function inline(ad: VastAd | undefined): InlineAd {
  if (ad?.type !== 'inline') throw new Error('expected an inline ad');
  return ad;
}
function wrapper(ad: VastAd | undefined): WrapperAd {
  if (ad?.type !== 'wrapper') throw new Error('expected a wrapper ad');
  return ad;
}

describe('parseVast: a VAST 4.3 InLine with every construct', () => {
  const doc = parseVast(fixture('inline-full-4.3.xml'));
  const ad = inline(doc.ads[0]);
  const [linear, companion, overlay] = ad.creatives as [LinearCreative, CompanionCreative, NonLinearCreative];

  it('reads the root and the document-level Error', () => {
    expect(doc.version).toBe('4.3');
    expect(doc.errors).toEqual(['https://err.test.invalid/doc?code=[ERRORCODE]']);
    expect(doc.warnings).toEqual([]);
    expect(doc.ads).toHaveLength(1);
  });

  it('reads the Ad attributes and the InLine elements, numbers as numbers', () => {
    expect(ad).toMatchObject({
      type: 'inline',
      id: 'ad-1',
      sequence: 1,
      adType: 'video',
      conditionalAd: false,
      adSystem: { name: 'Orchard Ads', version: '7.1' },
      adServingId: 'serving-42',
      adTitle: 'Orchard spring campaign',
      description: 'Fresh apples, delivered',
      advertiser: { name: 'Orchard Inc.', id: 'adv-9' },
      pricing: { value: 12.5, model: 'CPM', currency: 'EUR' },
      survey: { url: 'https://survey.test.invalid/s.js', type: 'text/javascript' },
      expires: 3600,
    });
    expect(ad.categories).toEqual([
      { value: 'IAB8-5', authority: 'https://iabtechlab.com/categoryauthority' },
      { value: 'IAB8-6', authority: 'https://iabtechlab.com/categoryauthority' },
    ]);
    expect(ad.blockedAdCategories).toEqual([{ value: 'IAB25', authority: 'https://iabtechlab.com/categoryauthority' }]);
  });

  it('trims URLs, decodes entities outside CDATA, and leaves out empty Impressions', () => {
    expect(ad.impressions).toEqual([
      { url: 'https://track.test.invalid/imp?a=1&b=2', id: 'imp-a' },
      { url: 'https://track.test.invalid/imp2?x=1&y=2' },
    ]);
    expect(ad.errors).toEqual(['https://err.test.invalid/ad?code=[ERRORCODE]']);
  });

  it('reads ViewableImpression and AdVerifications with their resources, parameters and tracking', () => {
    expect(ad.viewableImpression).toEqual({
      id: 'vi-1',
      viewable: ['https://track.test.invalid/viewable'],
      notViewable: ['https://track.test.invalid/not-viewable'],
      viewUndetermined: ['https://track.test.invalid/undetermined'],
    });
    expect(ad.verifications).toEqual([
      {
        vendor: 'measure.test-omid',
        javascriptResources: [{ url: 'https://verify.test.invalid/omid.js', apiFramework: 'omid', browserOptional: true }],
        executableResources: [
          {
            url: 'https://verify.test.invalid/exec.bin',
            apiFramework: 'custom',
            type: 'application/octet-stream',
            language: 'native',
          },
        ],
        parameters: '{"campaign":"spring","weight":3}',
        trackingEvents: [
          { event: 'verificationNotExecuted', url: 'https://verify.test.invalid/not-executed?r=[REASON]' },
        ],
      },
    ]);
  });

  it('keeps Extensions as raw XML with attributes, and builds their tree on demand', () => {
    const [waterfall, note] = ad.extensions;
    expect(waterfall?.type).toBe('waterfall');
    expect(waterfall?.attributes).toEqual({ type: 'waterfall', source: 'orchard' });
    expect(waterfall?.xml).toContain('<Step index="2">second &amp; last</Step>');
    expect(waterfall?.xml).toContain('<![CDATA[ first ]]>');
    expect(waterfall?.children).toEqual([
      { name: 'Step', attributes: { index: '1' }, children: [], text: 'first' },
      { name: 'Step', attributes: { index: '2' }, children: [], text: 'second & last' },
    ]);
    expect(waterfall?.children).toBe(waterfall?.children);
    expect(note?.xml).toBe('<Text>plain</Text>');
    expect(note?.children[0]?.text).toBe('plain');
  });

  it('reads the creative attributes, several UniversalAdIds and CreativeExtensions', () => {
    expect(linear).toMatchObject({ type: 'linear', id: 'cr-linear', adId: 'ad-id-1', sequence: 1, apiFramework: 'SIMID' });
    expect(linear.universalAdIds).toEqual([
      { idRegistry: 'ad-id.org', value: 'ORCH0001000H' },
      { idRegistry: 'clearcast.co.uk', value: 'CC/ORCH/1' },
    ]);
    expect(linear.creativeExtensions[0]?.type).toBe('application/json');
    expect(linear.creativeExtensions[0]?.xml).toBe('<![CDATA[{"brand":"orchard"}]]>');
  });

  it('reads the Linear duration and skipoffset in seconds', () => {
    expect(linear.duration).toBe(30.25);
    expect(linear.skipOffset).toEqual({ type: 'time', seconds: 5.5 });
  });

  it('reads every MediaFile attribute, Mezzanine, InteractiveCreativeFile and ClosedCaptionFiles', () => {
    expect(linear.mediaFiles[0]).toEqual({
      url: 'https://cdn.test.invalid/spring-1080.mp4',
      id: 'mf-hd',
      delivery: 'progressive',
      type: 'video/mp4',
      width: 1920,
      height: 1080,
      codec: 'avc1.640028',
      bitrate: 4500,
      minBitrate: 4000,
      maxBitrate: 5000,
      scalable: true,
      maintainAspectRatio: false,
      fileSize: 16900000,
      mediaType: '2D',
    });
    expect(linear.mediaFiles.map((m) => m.url)).toEqual([
      'https://cdn.test.invalid/spring-1080.mp4',
      'https://cdn.test.invalid/spring.m3u8',
      'https://cdn.test.invalid/vpaid.js',
    ]);
    expect(linear.mediaFiles[2]?.apiFramework).toBe('VPAID');
    expect(linear.mezzanines).toEqual([
      {
        url: 'https://cdn.test.invalid/spring-mezzanine.mp4',
        id: 'mz',
        delivery: 'progressive',
        type: 'video/mp4',
        width: 3840,
        height: 2160,
        codec: 'hvc1',
        fileSize: 900000000,
        mediaType: '2D',
      },
    ]);
    expect(linear.interactiveCreativeFiles).toEqual([
      { url: 'https://cdn.test.invalid/simid.html', type: 'text/html', apiFramework: 'SIMID', variableDuration: true },
    ]);
    expect(linear.closedCaptionFiles).toEqual([
      { url: 'https://cdn.test.invalid/spring.en.vtt', type: 'text/vtt', language: 'en' },
      { url: 'https://cdn.test.invalid/spring.fr.ttml', type: 'application/ttml+xml', language: 'fr' },
    ]);
  });

  it('reads AdParameters and VideoClicks', () => {
    expect(linear.adParameters).toEqual({ value: '{"autoplay":true}', xmlEncoded: false });
    expect(linear.videoClicks).toEqual({
      clickThrough: { url: 'https://orchard.test.invalid/spring', id: 'landing' },
      clickTrackings: [{ url: 'https://track.test.invalid/click1', id: 'ct-1' }, { url: 'https://track.test.invalid/click2' }],
      customClicks: [{ url: 'https://track.test.invalid/custom', id: 'menu' }],
    });
  });

  it('reads tracking events in document order, with progress offsets as time or percent', () => {
    expect(linear.trackingEvents.map((t) => t.event)).toEqual([
      'creativeView',
      'start',
      'progress',
      'progress',
      'firstQuartile',
      'midpoint',
      'thirdQuartile',
      'complete',
      'skip',
      'customThing',
    ]);
    expect(linear.trackingEvents[2]).toEqual({
      event: 'progress',
      url: 'https://track.test.invalid/p10s',
      offset: { type: 'time', seconds: 10 },
    });
    expect(linear.trackingEvents[3]?.offset).toEqual({ type: 'percent', percent: 25 });
  });

  it('reads every part of an Icon', () => {
    expect(linear.icons).toEqual([
      {
        program: 'AdChoices',
        width: 20,
        height: 15,
        xPosition: 'right',
        yPosition: 'top',
        duration: 10,
        offset: 1,
        apiFramework: 'none',
        pxratio: 2,
        altText: 'Ad choices',
        hoverText: 'Why this ad?',
        resources: [
          { type: 'static', url: 'https://cdn.test.invalid/adchoices.png', creativeType: 'image/png' },
          { type: 'iframe', url: 'https://cdn.test.invalid/adchoices.html' },
          { type: 'html', html: '<b>i</b>' },
        ],
        clickThrough: 'https://choices.test.invalid/',
        clickTrackings: ['https://track.test.invalid/icon-click'],
        clickFallbackImages: [
          { url: 'https://cdn.test.invalid/fallback.png', width: 300, height: 200, altText: 'Our privacy notice' },
        ],
        viewTrackings: ['https://track.test.invalid/icon-view'],
      },
    ]);
  });

  it('reads CompanionAds with resources, clicks, tracking and all attributes', () => {
    expect(companion.required).toBe('any');
    expect(companion.companions[0]).toEqual({
      id: 'comp-1',
      width: 300,
      height: 250,
      assetWidth: 300,
      assetHeight: 250,
      expandedWidth: 600,
      expandedHeight: 500,
      apiFramework: 'none',
      adSlotId: 'sidebar',
      pxratio: 1.5,
      renderingMode: 'end-card',
      resources: [{ type: 'static', url: 'https://cdn.test.invalid/companion.jpg', creativeType: 'image/jpeg' }],
      adParameters: { value: 'slot=sidebar', xmlEncoded: false },
      altText: 'Spring apples',
      clickThrough: 'https://orchard.test.invalid/companion',
      clickTrackings: [{ url: 'https://track.test.invalid/companion-click', id: 'cct' }],
      trackingEvents: [{ event: 'creativeView', url: 'https://track.test.invalid/companion-view' }],
    });
    expect(companion.companions[1]?.resources).toEqual([
      { type: 'iframe', url: 'https://cdn.test.invalid/banner.html' },
      { type: 'html', html: '<p>Banner</p>' },
    ]);
  });

  it('reads NonLinearAds with their NonLinear and shared tracking', () => {
    expect(overlay.nonLinears).toEqual([
      {
        id: 'nl-1',
        width: 480,
        height: 70,
        expandedWidth: 640,
        expandedHeight: 360,
        scalable: true,
        maintainAspectRatio: false,
        minSuggestedDuration: 8,
        apiFramework: 'none',
        resources: [{ type: 'static', url: 'https://cdn.test.invalid/overlay.png', creativeType: 'image/png' }],
        adParameters: { value: '<cfg/>', xmlEncoded: true },
        clickThrough: 'https://orchard.test.invalid/overlay',
        clickTrackings: [{ url: 'https://track.test.invalid/overlay-click', id: 'nlct' }],
      },
    ]);
    expect(overlay.trackingEvents.map((t) => t.event)).toEqual(['acceptInvitation', 'close']);
  });

  it('returns a deeply frozen model', () => {
    const seen = new Set<object>();
    const check = (value: unknown): void => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      expect(Object.isFrozen(value)).toBe(true);
      for (const child of Object.values(value)) check(child);
    };
    check(doc);
    expect(seen.size).toBeGreaterThan(50);
    expect(() => {
      (doc.ads as VastAd[]).push(ad);
    }).toThrow(TypeError);
  });
});

describe('parseVast: wrappers', () => {
  it('returns wrappers with their tag URI, attributes and tracking, and does no I/O', () => {
    const doc = parseVast(fixture('wrapper-4.2.xml'));
    const first = wrapper(doc.ads[0]);
    expect(first).toMatchObject({
      type: 'wrapper',
      id: 'wrap-1',
      vastAdTagUri: 'https://next.test.invalid/vast?id=7&cb=[CACHEBUSTING]',
      followAdditionalWrappers: false,
      allowMultipleAds: true,
      fallbackOnNoAd: true,
      impressions: [{ url: 'https://relay.test.invalid/imp' }],
      errors: ['https://relay.test.invalid/err?c=[ERRORCODE]'],
      pricing: { value: 3, model: 'CPM', currency: 'USD' },
      blockedAdCategories: [{ value: 'IAB26' }],
    });
    expect('adTitle' in first).toBe(false);
    const linear = first.creatives[0] as LinearCreative;
    expect(linear.duration).toBeUndefined();
    expect(linear.trackingEvents).toEqual([{ event: 'start', url: 'https://relay.test.invalid/start' }]);
    expect(linear.videoClicks.clickTrackings).toEqual([{ url: 'https://relay.test.invalid/click' }]);
    expect(doc.warnings).toEqual([]);
  });

  it('applies the spec defaults of the wrapper attributes', () => {
    const second = wrapper(parseVast(fixture('wrapper-4.2.xml')).ads[1]);
    expect(second.followAdditionalWrappers).toBe(true);
    expect(second.allowMultipleAds).toBe(false);
    expect('fallbackOnNoAd' in second).toBe(false);
    expect(second.creatives).toEqual([]);
  });

  it('reads the VAST 2 VASTAdTagURL form, with or without a URL child', () => {
    const doc = parseVast(fixture('wrapper-legacy-2.0.xml'));
    expect(doc.ads.map((ad) => wrapper(ad).vastAdTagUri)).toEqual([
      'https://old.test.invalid/vast.xml',
      'https://old.test.invalid/direct.xml',
    ]);
  });
});

describe('parseVast: VAST 3.0, pods and empty responses', () => {
  it('reads VAST 3 skip offsets in percent, AdID, long durations and progress percentages', () => {
    const ad = inline(parseVast(fixture('inline-3.0.xml')).ads[0]);
    const [first, second] = ad.creatives as [LinearCreative, LinearCreative];
    expect(first.adId).toBe('legacy-ad-id');
    expect(first.sequence).toBe(2);
    expect(first.duration).toBe(3723);
    expect(first.skipOffset).toEqual({ type: 'percent', percent: 10 });
    expect(first.trackingEvents[0]?.offset).toEqual({ type: 'percent', percent: 50 });
    expect(second.skipOffset).toEqual({ type: 'time', seconds: 3 });
    expect(ad.survey).toEqual({ url: 'https://three.test.invalid/survey' });
  });

  it('keeps the ads of a pod in document order with their sequence', () => {
    const doc = parseVast(fixture('pod-4.1.xml'));
    expect(doc.ads.map((ad) => [ad.id, ad.sequence])).toEqual([
      ['second', 2],
      ['first', 1],
      ['buffet', undefined],
    ]);
    expect(doc.errors).toEqual(['https://pod.test.invalid/no-ad']);
  });

  it('returns a valid empty result, with the Error URLs, for a response without ads', () => {
    const doc = parseVast(fixture('no-ads.xml'));
    expect(doc).toEqual({
      version: '4.2',
      errors: ['https://empty.test.invalid/error?code=[ERRORCODE]'],
      ads: [],
      warnings: [],
    });
  });

  it('accepts HTML in CDATA even when it holds a DOCTYPE, and keeps CDATA content as written', () => {
    const doc = parseVast(fixture('html-with-doctype-in-cdata.xml'));
    const companion = inline(doc.ads[0]).creatives[0] as CompanionCreative;
    expect(companion.companions[0]?.resources).toEqual([
      {
        type: 'html',
        html: '<!DOCTYPE html><html><body><a href="https://x.test.invalid/?a=1&amp;b=2">Go</a></body></html>',
      },
    ]);
  });
});

describe('parseVast: input forms', () => {
  it('reads UTF-8 bytes like the same text, with or without a byte order mark', () => {
    const text = fixture('inline-full-4.3.xml');
    const bytes = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(parseVast(bytes)).toEqual(parseVast(text));
    expect(parseVast(withBom)).toEqual(parseVast(text));
    expect(parseVast(`\uFEFF${text}`)).toEqual(parseVast(text));
  });

  it('reads non-ASCII text and CRLF line ends', () => {
    const xml = fixture('no-ads.xml').replace('<VAST version="4.2">', '<VAST version="4.2">\r\n<Ad><InLine><AdSystem>Pomme élan 🍎</AdSystem><AdTitle>t</AdTitle><Impression>https://i.test.invalid/</Impression><Creatives/></InLine></Ad>\r\n');
    const ad = inline(parseVast(xml).ads[0]);
    expect(ad.adSystem?.name).toBe('Pomme élan 🍎');
  });
});
