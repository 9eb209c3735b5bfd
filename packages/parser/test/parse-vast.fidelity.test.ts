// Issue 14, parser half: nothing lost between the bytes and the model. Each case reads what the
// schema allows the way the schema spells it; wrong input is recovered whole with a warning, or
// refused with its IAB code, never dropped quietly. Every document is built here.
import { describe, expect, it } from 'vitest';
import {
  type CompanionCreative,
  type InlineAd,
  type LinearCreative,
  type NonLinearCreative,
  type VastDocument,
  parseVast,
} from '../src/index.js';
import { vastErrorOf } from './fixtures.js';

/** An InLine ad document around `creatives` (Creative elements) and `extra` (more InLine children). */
function inline(creatives: string, extra = '', version = '4.2'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VAST version="${version}"><Ad id="a1"><InLine>
  <AdSystem>Test</AdSystem><AdTitle>Spot</AdTitle><Impression>https://t.test.invalid/imp</Impression>
  <Creatives>${creatives}</Creatives>${extra}
</InLine></Ad></VAST>`;
}

function linear(inner: string, attributes = ''): string {
  return `<Creative><Linear${attributes}><Duration>00:00:15</Duration>
  <MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="640" height="360">https://cdn.test.invalid/a.mp4</MediaFile></MediaFiles>
  ${inner}</Linear></Creative>`;
}

const firstAd = (doc: VastDocument): InlineAd => doc.ads[0] as InlineAd;
const firstLinear = (doc: VastDocument): LinearCreative => firstAd(doc).creatives[0] as LinearCreative;
const messages = (doc: VastDocument): string[] => doc.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`);

describe('issue 14: Companion adSlotId as each schema spells it', () => {
  it.each([
    ['3.0', 'adSlotId'],
    ['4.0', 'adSlotID'],
    ['4.1', 'adSlotId'],
    ['4.2', 'adSlotId'],
  ])('reads VAST %s %s', (version, attribute) => {
    const xml = inline(
      `<Creative><CompanionAds><Companion width="300" height="250" ${attribute}="slot-1"><StaticResource creativeType="image/png">https://cdn.test.invalid/c.png</StaticResource></Companion></CompanionAds></Creative>`,
      '',
      version,
    );
    const companion = (firstAd(parseVast(xml, { strict: true })).creatives[0] as CompanionCreative).companions[0];
    expect(companion?.adSlotId).toBe('slot-1');
  });
});

describe('issue 14: verifications written the pre-4.1 OMID way', () => {
  const extension = `<Extensions><Extension type="AdVerifications"><AdVerifications>
    <Verification vendor="vendor.test"><JavaScriptResource apiFramework="omid" browserOptional="true"><![CDATA[https://v.test.invalid/omid.js]]></JavaScriptResource>
      <VerificationParameters><![CDATA[{"k":1}]]></VerificationParameters>
      <TrackingEvents><Tracking event="verificationNotExecuted">https://v.test.invalid/ne?r=[REASON]</Tracking></TrackingEvents>
    </Verification></AdVerifications></Extension></Extensions>`;

  it('surfaces an Extension\'s AdVerifications as verifications (VAST 2.0 to 4.0)', () => {
    const doc = parseVast(inline(linear(''), extension, '2.0'), { strict: true });
    expect(firstAd(doc).verifications).toEqual([
      {
        vendor: 'vendor.test',
        javascriptResources: [{ url: 'https://v.test.invalid/omid.js', apiFramework: 'omid', browserOptional: true }],
        executableResources: [],
        parameters: '{"k":1}',
        trackingEvents: [{ event: 'verificationNotExecuted', url: 'https://v.test.invalid/ne?r=[REASON]' }],
      },
    ]);
    // The Extension itself is still there, as written.
    expect(firstAd(doc).extensions[0]?.type).toBe('AdVerifications');
  });

  it('lets the ad\'s own AdVerifications take precedence over the Extension', () => {
    const own = '<AdVerifications><Verification vendor="own"><JavaScriptResource>https://v.test.invalid/own.js</JavaScriptResource></Verification></AdVerifications>';
    const doc = parseVast(inline(linear(''), extension + own));
    expect(firstAd(doc).verifications.map((v) => v.vendor)).toEqual(['own']);
  });

  it('reports a problem of a legacy verification with its path inside the Extension', () => {
    const empty = '<Extensions><Extension type="AdVerifications"><AdVerifications><Verification vendor="x"/></AdVerifications></Extension></Extensions>';
    const doc = parseVast(inline(linear(''), empty));
    expect(messages(doc)).toEqual([
      '101 VAST/Ad[0]/InLine/Extensions/Extension[0]/AdVerifications/Verification[0]: Verification has no JavaScriptResource or ExecutableResource',
    ]);
    expect(vastErrorOf(() => parseVast(inline(linear(''), empty), { strict: true })).errorCode).toBe(101);
  });
});

describe('issue 14: a second TrackingEvents or VideoClicks adds to the first', () => {
  const tracking = (event: string): string => `<Tracking event="${event}">https://t.test.invalid/${event}</Tracking>`;

  it('merges the tracking and clicks of a Linear, with a warning, and strict refuses it', () => {
    const xml = inline(
      linear(`<TrackingEvents>${tracking('start')}</TrackingEvents><VideoClicks><ClickThrough>https://c.test.invalid/1</ClickThrough><ClickTracking>https://c.test.invalid/t1</ClickTracking></VideoClicks>
        <TrackingEvents>${tracking('complete')}${tracking('midpoint')}</TrackingEvents><VideoClicks><ClickThrough>https://c.test.invalid/2</ClickThrough><ClickTracking>https://c.test.invalid/t2</ClickTracking></VideoClicks>`),
    );
    const doc = parseVast(xml);
    const creative = firstLinear(doc);
    expect(creative.trackingEvents.map((t) => t.event)).toEqual(['start', 'complete', 'midpoint']);
    expect(creative.videoClicks.clickTrackings.map((c) => c.url)).toEqual(['https://c.test.invalid/t1', 'https://c.test.invalid/t2']);
    expect(creative.videoClicks.clickThrough?.url).toBe('https://c.test.invalid/1');
    const path = 'VAST/Ad[0]/InLine/Creatives/Creative[0]/Linear';
    expect(messages(doc)).toEqual([
      `101 ${path}/TrackingEvents[1]: TrackingEvents appears more than once; the contents are merged`,
      `101 ${path}/VideoClicks[1]: VideoClicks appears more than once; the contents are merged`,
      `101 ${path}/VideoClicks[1]/ClickThrough: a second ClickThrough is left out: "https://c.test.invalid/2"`,
    ]);
    expect(vastErrorOf(() => parseVast(xml, { strict: true })).errorCode).toBe(101);
  });

  it('merges the tracking of NonLinearAds and of a Companion', () => {
    const xml = inline(`<Creative><NonLinearAds><NonLinear><StaticResource creativeType="image/png">https://cdn.test.invalid/o.png</StaticResource></NonLinear>
        <TrackingEvents>${tracking('creativeView')}</TrackingEvents><TrackingEvents>${tracking('close')}</TrackingEvents></NonLinearAds></Creative>
      <Creative><CompanionAds><Companion width="1" height="1"><StaticResource creativeType="image/png">https://cdn.test.invalid/c.png</StaticResource>
        <TrackingEvents>${tracking('creativeView')}</TrackingEvents><TrackingEvents>${tracking('close')}</TrackingEvents></Companion></CompanionAds></Creative>`);
    const doc = parseVast(xml);
    const [overlay, companions] = firstAd(doc).creatives as [NonLinearCreative, CompanionCreative];
    expect(overlay.trackingEvents.map((t) => t.event)).toEqual(['creativeView', 'close']);
    expect(companions.companions[0]?.trackingEvents.map((t) => t.event)).toEqual(['creativeView', 'close']);
    expect(doc.warnings.map((w) => w.path)).toEqual([
      'VAST/Ad[0]/InLine/Creatives/Creative[0]/NonLinearAds/TrackingEvents[1]',
      'VAST/Ad[0]/InLine/Creatives/Creative[1]/CompanionAds/Companion[0]/TrackingEvents[1]',
    ]);
  });

  it('merges repeated Extensions, AdVerifications and CreativeExtensions', () => {
    const xml = inline(
      `<Creative><CreativeExtensions><CreativeExtension type="a"/></CreativeExtensions><CreativeExtensions><CreativeExtension type="b"/></CreativeExtensions>${linear('').replace('<Creative>', '')}`,
      `<Extensions><Extension type="x"/></Extensions><Extensions><Extension type="y"/></Extensions>
       <AdVerifications><Verification vendor="v1"><JavaScriptResource>https://v.test.invalid/1.js</JavaScriptResource></Verification></AdVerifications>
       <AdVerifications><Verification vendor="v2"><JavaScriptResource>https://v.test.invalid/2.js</JavaScriptResource></Verification></AdVerifications>`,
    );
    const doc = parseVast(xml);
    const ad = firstAd(doc);
    expect(ad.extensions.map((e) => e.type)).toEqual(['x', 'y']);
    expect(ad.verifications.map((v) => v.vendor)).toEqual(['v1', 'v2']);
    expect(ad.creatives[0]?.creativeExtensions.map((e) => e.type)).toEqual(['a', 'b']);
    expect(doc.warnings).toHaveLength(3);
  });
});

describe('issue 14: times never parse to a non-finite number', () => {
  const huge = `${'9'.repeat(400)}:00:00`;

  it('reports a Duration, skipoffset and progress offset whose hours overflow, and leaves them out', () => {
    const xml = inline(
      linear(`<TrackingEvents><Tracking event="progress" offset="${huge}">https://t.test.invalid/p</Tracking></TrackingEvents>`, ` skipoffset="${huge}"`).replace(
        '<Duration>00:00:15</Duration>',
        `<Duration>${huge}</Duration>`,
      ),
    );
    const doc = parseVast(xml);
    const creative = firstLinear(doc);
    expect(creative.duration).toBeUndefined();
    expect(creative.skipOffset).toBeUndefined();
    expect(creative.trackingEvents).toEqual([]);
    expect(doc.warnings.map((w) => w.message.slice(0, 30))).toEqual([
      'Duration is not a time: "99999',
      'offset is not a time or a perc',
      'skipoffset is not a time or a ',
    ]);
    expect(JSON.stringify(doc)).not.toContain('null');
    expect(vastErrorOf(() => parseVast(xml, { strict: true })).errorCode).toBe(101);
  });

  it('does not read overflowing bare seconds as a Duration', () => {
    const doc = parseVast(inline(linear('').replace('<Duration>00:00:15</Duration>', `<Duration>${'9'.repeat(400)}</Duration>`)));
    expect(firstLinear(doc).duration).toBeUndefined();
    expect(doc.warnings[0]?.message).toContain('Duration is not a time');
  });
});

describe('issue 14: attributes that are not well-formed', () => {
  const xml = inline(linear('').replace('<MediaFile delivery="progressive" type="video/mp4"', '<MediaFile delivery=progressive type="video/mp4" bitrate=800'));

  it('reads every attribute, unquoted or not, and warns with 100 and the element path', () => {
    const doc = parseVast(xml);
    expect(firstLinear(doc).mediaFiles[0]).toEqual({
      url: 'https://cdn.test.invalid/a.mp4',
      delivery: 'progressive',
      type: 'video/mp4',
      bitrate: 800,
      width: 640,
      height: 360,
    });
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({ code: 100, path: 'VAST/Ad/InLine/Creatives/Creative/Linear/MediaFiles/MediaFile' });
    expect(doc.warnings[0]?.message).toContain('delivery=progressive');
  });

  it('refuses them with 100 in strict mode', () => {
    const error = vastErrorOf(() => parseVast(xml, { strict: true }));
    expect(error.errorCode).toBe(100);
    expect(error.message).toContain('<MediaFile>');
  });

  it.each([
    ['a name without a value', '<Ad id="a" novalue>'],
    ['no space between two attributes', '<Ad id="a"sequence="1">'],
    ['an equals sign with nothing after it', '<Ad id=>'],
    ['a quote where a name belongs', '<Ad "x">'],
    ['a stray equals sign', '<Ad = "x">'],
    ['an unquoted value in a self-closing tag', '<Error a=b/>'],
  ])('reports %s', (_, tag) => {
    const doc = parseVast(`<VAST version="4.2">${tag.endsWith('/>') ? tag : `${tag}</Ad>`}</VAST>`);
    expect(doc.warnings[0]?.code).toBe(100);
  });

  it('takes well-formed attributes as they are', () => {
    const doc = parseVast('<VAST version="4.2" ><Ad id = "a" sequence=\'1\' /><Ad\n\tid="b"/></VAST>');
    expect(doc.warnings.filter((w) => w.code === 100)).toEqual([]);
  });
});

describe('issue 14: integers and decimals read as the schema writes them', () => {
  it.each([
    ['sequence', '0x10', 'sequence is not an integer: "0x10"'],
    ['width', '0x280', 'width is not an integer: "0x280"'],
    ['height', '1e3', 'height is not an integer: "1e3"'],
    ['bitrate', '-500', 'bitrate is negative: "-500"'],
    ['fileSize', 'Infinity', 'fileSize is not an integer: "Infinity"'],
    ['width', '640.0', 'width is not an integer: "640.0"'],
    ['height', '9'.repeat(400), `height is too large: "${'9'.repeat(400)}"`],
  ])('reports %s="%s" and leaves it out', (attribute, value, message) => {
    const xml =
      attribute === 'sequence'
        ? inline(linear('')).replace('<Ad id="a1">', `<Ad id="a1" sequence="${value}">`)
        : inline(linear(''))
            .replace(/ (width|height)="\d+"/g, (whole, name: string) => (name === attribute ? '' : whole))
            .replace('<MediaFile ', `<MediaFile ${attribute}="${value}" `);
    const doc = parseVast(xml);
    expect(doc.warnings.map((w) => w.message)).toEqual([message]);
    if (attribute === 'sequence') expect(firstAd(doc).sequence).toBeUndefined();
    else expect(firstLinear(doc).mediaFiles[0]).not.toHaveProperty(attribute);
    expect(vastErrorOf(() => parseVast(xml, { strict: true })).errorCode).toBe(101);
  });

  it('accepts what xs:integer and xs:decimal allow: signs, leading zeros, fractions of decimals', () => {
    const xml = inline(
      `<Creative sequence="-1"><CompanionAds><Companion width="+0300" height="0250" pxratio=".5"><StaticResource creativeType="image/png">https://cdn.test.invalid/c.png</StaticResource></Companion></CompanionAds></Creative>`,
      '<Pricing model="CPM" currency="USD">-0.5</Pricing>',
    ).replace('<Ad id="a1">', '<Ad id="a1" sequence="-0">');
    const doc = parseVast(xml, { strict: true });
    const ad = firstAd(doc);
    expect(Object.is(ad.sequence, 0)).toBe(true);
    expect(ad.pricing?.value).toBe(-0.5);
    const creative = ad.creatives[0] as CompanionCreative;
    expect(creative.sequence).toBe(-1);
    expect(creative.companions[0]).toMatchObject({ width: 300, height: 250, pxratio: 0.5 });
  });
});

describe('issue 14: text beside comments and CDATA', () => {
  it('keeps the whitespace beside CDATA when the element also holds a comment', () => {
    const doc = parseVast(inline(linear(''), '<Description>Hello <!-- note --><![CDATA[big]]> World<?pi x?></Description>'));
    expect(firstAd(doc).description).toBe('Hello big World');
  });

  it('reads text split by a comment as one text', () => {
    const doc = parseVast(inline(linear(''), '<Description> a &amp; <!-- c --> b </Description>'));
    expect(firstAd(doc).description).toBe('a &  b');
  });
});

describe('issue 14: opaque content written as markup keeps its entities', () => {
  const companion = (html: string): string =>
    inline(`<Creative><CompanionAds><Companion width="1" height="1"><HTMLResource>${html}</HTMLResource></Companion></CompanionAds></Creative>`);
  const htmlOf = (doc: VastDocument): unknown => (firstAd(doc).creatives[0] as CompanionCreative).companions[0]?.resources[0];

  it('keeps markup without CDATA exactly as written', () => {
    const html = '<div title="say &quot;hi&quot;">a &amp; b<!-- c --></div>';
    expect(htmlOf(parseVast(companion(`\n  ${html}\n`)))).toEqual({ type: 'html', html });
  });

  it('still decodes HTML written escaped, and takes CDATA as written', () => {
    expect(htmlOf(parseVast(companion('&lt;b&gt;x &amp;amp; y&lt;/b&gt;')))).toEqual({ type: 'html', html: '<b>x &amp; y</b>' });
    expect(htmlOf(parseVast(companion('<!-- c --><![CDATA[<b title="&quot;">x</b>]]>')))).toEqual({ type: 'html', html: '<b title="&quot;">x</b>' });
  });

  it('applies the same rule to AdParameters and VerificationParameters', () => {
    const doc = parseVast(
      inline(
        linear('<AdParameters><p v="&lt;1&gt;"/></AdParameters>'),
        '<AdVerifications><Verification><JavaScriptResource>https://v.test.invalid/v.js</JavaScriptResource><VerificationParameters><q a="&amp;"/></VerificationParameters></Verification></AdVerifications>',
      ),
    );
    expect(firstLinear(doc).adParameters?.value).toBe('<p v="&lt;1&gt;"/>');
    expect(firstAd(doc).verifications[0]?.parameters).toBe('<q a="&amp;"/>');
  });
});

describe('issue 14: elements named as Object.prototype members', () => {
  it('parses a document holding constructor, prototype and __proto__ elements with children', () => {
    const odd = '<constructor><prototype><__proto__><x>1</x></__proto__></prototype></constructor>';
    const doc = parseVast(inline(linear(odd), `${odd}<Extensions><Extension type="t">${odd}</Extension></Extensions>`), { strict: true });
    expect(firstLinear(doc).mediaFiles).toHaveLength(1);
    expect(firstAd(doc).extensions[0]?.children[0]?.name).toBe('constructor');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('issue 14: bytes in the encoding they declare', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const title = 'Café crème, 10 €';

  it('decodes ISO-8859-1 and windows-1252 bytes per the XML declaration', () => {
    for (const encoding of ['ISO-8859-1', 'windows-1252']) {
      const xml = inline(linear(''), '').replace('encoding="UTF-8"', `encoding="${encoding}"`).replace('<AdTitle>Spot</AdTitle>', '<AdTitle>Café crème</AdTitle>');
      const doc = parseVast(latin1(xml), { strict: true });
      expect(firstAd(doc).adTitle).toBe('Café crème');
    }
    const xml = `<?xml version='1.0' encoding='windows-1252'?><VAST version="4.2"><Error>https://e.test.invalid/?t=${title}</Error></VAST>`;
    const bytes = latin1(xml.replace('€', '\u0080'));
    expect(parseVast(bytes, { strict: true }).errors).toEqual([`https://e.test.invalid/?t=${title}`]);
  });

  it('decodes UTF-16 with or without a byte order mark, and UTF-8 with one', () => {
    const xml = `<VAST version="4.2"><Error>${title}</Error></VAST>`;
    const le = new Uint8Array(xml.length * 2);
    for (let i = 0; i < xml.length; i++) {
      le[2 * i] = xml.charCodeAt(i) & 0xff;
      le[2 * i + 1] = xml.charCodeAt(i) >> 8;
    }
    const be = le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1] as number);
    for (const bytes of [le, Uint8Array.of(0xff, 0xfe, ...le), be, Uint8Array.of(0xfe, 0xff, ...be)]) {
      expect(parseVast(bytes, { strict: true }).errors).toEqual([title]);
    }
    const utf8 = new TextEncoder().encode(xml);
    expect(parseVast(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8), { strict: true }).errors).toEqual([title]);
  });

  it('reports bytes that are not valid in the encoding (lenient) or refuses them with 100 (strict)', () => {
    const bytes = Uint8Array.of(...new TextEncoder().encode('<VAST version="4.2"><Error>a'), 0xff, ...new TextEncoder().encode('</Error></VAST>'));
    const doc = parseVast(bytes);
    expect(doc.errors).toEqual(['a\uFFFD']);
    expect(doc.warnings).toEqual([{ code: 100, path: 'VAST', message: 'The document has bytes that are not valid utf-8: each was read as U+FFFD' }]);
    expect(vastErrorOf(() => parseVast(bytes, { strict: true })).errorCode).toBe(100);
  });

  it('refuses an encoding it cannot decode with 100', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="x-unknown-7"?><VAST version="4.2"/>');
    const error = vastErrorOf(() => parseVast(bytes));
    expect(error.errorCode).toBe(100);
    expect(error.message).toContain('x-unknown-7');
  });

  it('reads a UTF-16 declaration in one-byte-per-character bytes as UTF-8, with a warning', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><VAST version="4.2"><Error>é</Error></VAST>');
    const doc = parseVast(bytes);
    expect(doc.errors).toEqual(['é']);
    expect(doc.warnings[0]?.code).toBe(100);
    expect(vastErrorOf(() => parseVast(bytes, { strict: true })).errorCode).toBe(100);
  });
});

describe('issue 14: maxDepth and maxAds', () => {
  const nested = (depth: number): string => `<VAST version="4.2">${'<x>'.repeat(depth - 1)}${'</x>'.repeat(depth - 1)}</VAST>`;
  const ads = (count: number): string =>
    `<VAST version="4.2">${Array.from({ length: count }, (_, i) => `<Ad id="${i}"><Wrapper><AdSystem>s</AdSystem><Impression>https://i.test.invalid/</Impression><VASTAdTagURI>https://w.test.invalid/${i}</VASTAdTagURI></Wrapper></Ad>`).join('')}</VAST>`;

  it('accepts nesting up to maxDepth (default 64) and refuses deeper with 100', () => {
    expect(parseVast(nested(64)).ads).toEqual([]);
    const error = vastErrorOf(() => parseVast(nested(65)));
    expect(error.errorCode).toBe(100);
    expect(error.message).toContain('maxDepth');
    expect(parseVast(nested(100), { maxDepth: 100 }).ads).toEqual([]);
    expect(vastErrorOf(() => parseVast(nested(3), { maxDepth: 2 })).errorCode).toBe(100);
    expect(parseVast(nested(1000), { maxDepth: 1024 }).ads).toEqual([]);
  });

  it('reads the first maxAds ads (default 32) and names the ones left out', () => {
    const doc = parseVast(ads(100));
    expect(doc.ads).toHaveLength(32);
    expect(doc.warnings).toEqual([
      { code: 101, path: 'VAST/Ad[32]', message: 'The document has 100 Ad elements, more than maxAds (32): Ad[32] to Ad[99] are left out' },
    ]);
    expect(parseVast(ads(3), { maxAds: 3 }).warnings).toEqual([]);
    expect(parseVast(ads(3), { maxAds: 2 }).ads.map((ad) => ad.id)).toEqual(['0', '1']);
    expect(vastErrorOf(() => parseVast(ads(3), { maxAds: 2, strict: true })).errorCode).toBe(101);
  });

  it('names a maxDepth or maxAds that is not an integer in range (a caller bug)', () => {
    for (const options of [{ maxDepth: 0 }, { maxDepth: 1025 }, { maxDepth: 1.5 }, { maxAds: 0 }, { maxAds: Number.NaN }]) {
      expect(() => parseVast(ads(1), options)).toThrow(expect.objectContaining({ code: 'INVALID_PARSER_OPTIONS', name: 'ParserError' }));
    }
  });
});
