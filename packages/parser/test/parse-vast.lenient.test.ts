import { describe, expect, it } from 'vitest';
import { type InlineAd, type LinearCreative, parseVast } from '../src/index.js';
import { fixture, vastErrorOf } from './fixtures.js';

describe('parseVast: lenient by default', () => {
  const doc = parseVast(fixture('lenient-problems.xml'));

  it('keeps what it can read', () => {
    expect(doc.ads.map((ad) => ad.id)).toEqual(['problems']);
    const ad = doc.ads[0] as InlineAd;
    expect(ad.creatives).toHaveLength(1);
    const linear = ad.creatives[0] as LinearCreative;
    expect(linear.duration).toBeUndefined();
    expect(linear.skipOffset).toBeUndefined();
    expect(linear.mediaFiles).toEqual([
      { url: 'https://lenient.test.invalid/ok.mp4', delivery: 'progressive', type: 'video/mp4', width: 640, height: 360 },
    ]);
    expect(linear.trackingEvents).toEqual([{ event: 'start', url: 'https://lenient.test.invalid/start' }]);
    expect(ad.sequence).toBeUndefined();
  });

  it('reports each problem as a 101 warning with the element path', () => {
    expect(doc.warnings.every((w) => w.code === 101)).toBe(true);
    expect(doc.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'VAST: VAST has no version attribute',
      'VAST/Ad[0]: Ad has no InLine or Wrapper',
      'VAST/Ad[1]: sequence is not an integer: "first"',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear/Duration: Duration is not a time: "about thirty seconds"',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear/MediaFiles/MediaFile[0]: MediaFile has no URL',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear/TrackingEvents/Tracking[0]: Tracking has no event attribute',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear/TrackingEvents/Tracking[1]: progress Tracking has no offset',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear/TrackingEvents/Tracking[2]: offset is not a time or a percentage: "later"',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear/TrackingEvents/Tracking[3]: offset is not a time or a percentage: "150%"',
      'VAST/Ad[1]/InLine/Creatives/Creative[0]/Linear: skipoffset is not a time or a percentage: "soon"',
      'VAST/Ad[1]/InLine/Creatives/Creative[1]: Creative has no Linear, NonLinearAds or CompanionAds',
      'VAST/Ad[1]/InLine: InLine has no AdSystem',
      'VAST/Ad[1]/InLine: InLine has no Impression',
      'VAST/Ad[1]/InLine: InLine has no AdTitle',
      'VAST/Ad[2]/Wrapper: Wrapper has no VASTAdTagURI',
    ]);
  });

  it('reads bare seconds as a Duration, with a warning', () => {
    const xml = fixture('inline-3.0.xml').replace('<Duration>00:00:15</Duration>', '<Duration>15</Duration>');
    const lenient = parseVast(xml);
    expect(((lenient.ads[0] as InlineAd).creatives[1] as LinearCreative).duration).toBe(15);
    expect(lenient.warnings[0]?.message).toContain('read as seconds');
    expect(vastErrorOf(() => parseVast(xml, { strict: true })).errorCode).toBe(101);
  });

  it('reports unreadable numbers and booleans of every kind of element', () => {
    const xml = fixture('inline-full-4.3.xml')
      .replace('bitrate="4500"', 'bitrate="fast"')
      .replace('scalable="1"', 'scalable="yes"')
      .replace('pxratio="1.5"', 'pxratio="x"')
      .replace('duration="00:00:10"', 'duration="ten"')
      .replace('minSuggestedDuration="00:00:08"', 'minSuggestedDuration="8s"')
      .replace('browserOptional="true"', 'browserOptional="sometimes"')
      .replace('<Pricing model="CPM" currency="EUR"> 12.50 </Pricing>', '<Pricing>free</Pricing>')
      .replace('<Expires>3600</Expires>', '<Expires>soon</Expires>')
      .replace('<UniversalAdId idRegistry="ad-id.org">', '<UniversalAdId>')
      .replace('<IconClickFallbackImage width="300" height="200">', '<IconClickFallbackImage width="300" height="200"><AltText>x</AltText></IconClickFallbackImage><IconClickFallbackImage>')
      .replace(/<ExecutableResource[^]*?<\/ExecutableResource>/, '')
      .replace(/<JavaScriptResource[^]*?<\/JavaScriptResource>/, '');
    const doc = parseVast(xml);
    const messages = doc.warnings.map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'bitrate is not an integer: "fast"',
        'scalable is not a boolean: "yes"',
        'pxratio is not a decimal number: "x"',
        'duration is not a time: "ten"',
        'minSuggestedDuration is not a time: "8s"',
        'Pricing is not a decimal number: "free"',
        'Expires is not an integer: "soon"',
        'UniversalAdId has no idRegistry',
        'IconClickFallbackImage has no StaticResource',
        'Verification has no JavaScriptResource or ExecutableResource',
      ]),
    );
    const ad = doc.ads[0] as InlineAd;
    expect(ad.pricing).toBeUndefined();
    expect((ad.creatives[0] as LinearCreative).universalAdIds[0]).toEqual({ idRegistry: 'unknown', value: 'ORCH0001000H' });
  });

  it('reports an Ad or a Creative with two bodies and keeps the first', () => {
    const xml = `<VAST version="4.0"><Ad><InLine><AdSystem>a</AdSystem><AdTitle>t</AdTitle><Impression>https://i.test.invalid/</Impression>
      <Creatives><Creative><CompanionAds/><Linear><Duration>00:00:01</Duration><MediaFiles/></Linear></Creative></Creatives></InLine>
      <Wrapper><VASTAdTagURI>https://w.test.invalid/</VASTAdTagURI></Wrapper></Ad></VAST>`;
    const doc = parseVast(xml);
    expect(doc.ads[0]?.type).toBe('inline');
    expect(doc.ads[0]?.creatives[0]?.type).toBe('companion');
    expect(doc.warnings.map((w) => w.message)).toEqual([
      'Ad has both InLine and Wrapper; the first is kept',
      'Creative has both CompanionAds and Linear; the first is kept',
    ]);
  });

  it('reports an InLine without Creatives, and a Linear without Duration or MediaFiles', () => {
    const noCreatives = parseVast('<VAST version="4.0"><Ad><InLine><AdSystem>a</AdSystem><AdTitle>t</AdTitle><Impression>https://i.test.invalid/</Impression></InLine></Ad></VAST>');
    expect(noCreatives.warnings.map((w) => w.message)).toEqual(['InLine has no Creatives']);
    expect(noCreatives.ads[0]?.creatives).toEqual([]);
    const bareLinear = parseVast('<VAST version="4.0"><Ad><InLine><AdSystem>a</AdSystem><AdTitle>t</AdTitle><Impression>https://i.test.invalid/</Impression><Creatives><Creative><Linear/></Creative></Creatives></InLine></Ad></VAST>');
    expect(bareLinear.warnings.map((w) => w.message)).toEqual(['Linear has no Duration', 'Linear has no MediaFiles']);
  });
});

describe('parseVast: strict mode', () => {
  it('throws the first problem as a VastError 101 with its path', () => {
    const error = vastErrorOf(() => parseVast(fixture('lenient-problems.xml'), { strict: true }));
    expect(error.errorCode).toBe(101);
    expect(error.path).toBe('VAST');
    expect(error.message).toBe('VAST has no version attribute (at VAST)');
  });

  it('throws for an unparseable Duration, naming the element', () => {
    const xml = fixture('inline-3.0.xml').replace('<Duration>01:02:03</Duration>', '<Duration>1:99:00</Duration>');
    expect(parseVast(xml).warnings).toHaveLength(1);
    const error = vastErrorOf(() => parseVast(xml, { strict: true }));
    expect(error.path).toBe('VAST/Ad[0]/InLine/Creatives/Creative[0]/Linear/Duration');
  });

  it('parses a clean document exactly as lenient mode does', () => {
    const xml = fixture('inline-full-4.3.xml');
    expect(parseVast(xml, { strict: true })).toEqual(parseVast(xml));
  });
});
