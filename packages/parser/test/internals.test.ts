import { describe, expect, it } from 'vitest';
import { parseXmlElements } from '../src/build-extension.js';
import { checkWellFormed } from '../src/check-well-formed.js';
import { parseOffset, parseTime } from '../src/parse-time.js';
import { decodeEntities, unescapeRaw } from '../src/unescape-raw.js';
import { parseAttributes } from '../src/xml-nodes.js';

describe('parseTime', () => {
  it('reads HH:MM:SS and HH:MM:SS.mmm as seconds', () => {
    expect(parseTime('00:00:30')).toBe(30);
    expect(parseTime('01:02:03.5')).toBe(3723.5);
    expect(parseTime(' 00:01:00.125 ')).toBe(60.125);
    expect(parseTime('100:00:00')).toBe(360000);
    expect(parseTime('0:0:7')).toBe(7);
  });

  it('refuses anything else', () => {
    for (const text of ['', '30', '00:30', '00:60:00', '00:00:60', 'aa:bb:cc', '-1:00:00', '00:00:1.', '1:2:3:4']) {
      expect(parseTime(text), text).toBeUndefined();
    }
  });
});

describe('parseOffset', () => {
  it('reads times and percentages', () => {
    expect(parseOffset('00:00:05')).toEqual({ type: 'time', seconds: 5 });
    expect(parseOffset('25%')).toEqual({ type: 'percent', percent: 25 });
    expect(parseOffset(' 12.5 %')).toEqual({ type: 'percent', percent: 12.5 });
    expect(parseOffset('100%')).toEqual({ type: 'percent', percent: 100 });
  });

  it('refuses percentages over 100 and other text', () => {
    for (const text of ['101%', '-5%', '%', 'x%', '5', 'soon']) expect(parseOffset(text), text).toBeUndefined();
  });
});

describe('decodeEntities and unescapeRaw', () => {
  it('decodes the XML entities and numeric references, and leaves unknown ones', () => {
    expect(decodeEntities('a&amp;b&lt;c&gt;d&quot;e&apos;f&#65;&#x42;')).toBe('a&b<c>d"e\'fAB');
    expect(decodeEntities('&nbsp;&#xFFFFFFF;& x;')).toBe('&nbsp;&#xFFFFFFF;& x;');
    expect(decodeEntities('plain')).toBe('plain');
  });

  it('unwraps CDATA as written and decodes the text around it', () => {
    expect(unescapeRaw('  a &amp; b  ')).toBe('a & b');
    expect(unescapeRaw('\n  <![CDATA[ x &amp; y ]]>\n')).toBe(' x &amp; y ');
    expect(unescapeRaw('<![CDATA[a]]>&amp;<![CDATA[b]]>tail&lt;')).toBe('a&btail<');
    expect(unescapeRaw('<![CDATA[unclosed')).toBe('unclosed');
  });
});

describe('parseAttributes', () => {
  it('reads quoted values, trimmed and decoded', () => {
    expect(parseAttributes(' id="a" type = \'b &amp; c\'  empty="" spaced=" x " ')).toEqual({
      id: 'a',
      type: 'b & c',
      empty: '',
      spaced: 'x',
    });
  });

  it('reads every attribute of text that is not well-formed, and never writes __proto__', () => {
    // An unquoted value used to end the reading: b and every attribute after it were lost.
    expect(parseAttributes('a="1" b=2 c="3"')).toEqual({ a: '1', b: '2', c: '3' });
    expect(parseAttributes('a="1" b="unclosed')).toEqual({ a: '1', b: 'unclosed' });
    expect(parseAttributes('novalue')).toEqual({ novalue: '' });
    expect(parseAttributes('novalue delivery="x"')).toEqual({ novalue: '', delivery: 'x' });
    expect(parseAttributes('"stray" a="1"b=\'2\' c= d')).toEqual({ a: '1', b: '2', c: 'd' });
    const attrs = parseAttributes('__proto__="x" ="y"');
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.keys(attrs)).toEqual([]);
  });
});

describe('checkWellFormed', () => {
  it('compacts whitespace, comments and PIs but keeps opaque content exactly', () => {
    const checked = checkWellFormed(
      '<?xml version="1.0"?>\n<VAST version="4.0">\n  <!-- c -->\n  <Ad>\n    <Extension type="t">\n  <!-- kept --> <a  x="1"/>\n </Extension>\n  </Ad>\n</VAST>\n',
    );
    expect(checked.root).toBe('VAST');
    expect(checked.compact).toBe('<VAST\u00010><Ad><Extension\u00011></Extension></Ad></VAST>');
    expect(checked.attributes).toEqual([' version="4.0"', ' type="t"']);
    expect(checked.raw).toEqual([undefined, '\n  <!-- kept --> <a  x="1"/>\n ']);
  });

  it('hands leaves over empty, their text and CDATA set aside as written', () => {
    const checked = checkWellFormed('<VAST><Error> </Error><Impression id="i"> a&amp;b <![CDATA[c]]> </Impression><Creatives></Creatives></VAST>');
    expect(checked.compact).toBe('<VAST><Error/><Impression\u00010/><Creatives/></VAST>');
    expect(checked.attributes).toEqual([' id="i"']);
    expect(checked.raw).toEqual([' a&amp;b <![CDATA[c]]> ']);
  });

  it('marks self-closing opaque elements with empty content', () => {
    const checked = checkWellFormed('<VAST><AdParameters/><AdParameters xmlEncoded="true" /></VAST>');
    expect(checked.compact).toBe('<VAST><AdParameters\u00010/><AdParameters\u00011/></VAST>');
    expect(checked.attributes).toEqual(['', ' xmlEncoded="true" ']);
  });
});

describe('parseXmlElements', () => {
  it('builds a generic tree with attributes, nested children and trimmed text', () => {
    expect(parseXmlElements('<a k="v"> t <b/><![CDATA[ c ]]></a>text')).toEqual([
      { name: 'a', attributes: { k: 'v' }, children: [{ name: 'b', attributes: {}, children: [], text: '' }], text: 't c' },
    ]);
  });

  it('builds elements and attributes named as Object.prototype members, except a __proto__ attribute', () => {
    const expected: unknown[] = [
      {
        name: 'constructor',
        attributes: { prototype: '1', a: 'constructor x' },
        children: [{ name: '__proto__', attributes: {}, children: [], text: 't constructor' }],
        text: '',
      },
      { name: 'toString', attributes: { valueOf: 'v' }, children: [], text: '' },
    ];
    expect(parseXmlElements('<constructor prototype="1" a="constructor x"><__proto__ __proto__="p">t constructor </__proto__></constructor><toString valueOf="v"/>')).toEqual(expected);
  });

  it('gives no elements for content fast-xml-parser refuses', () => {
    expect(parseXmlElements('<a/><!-- open')).toEqual([]);
  });
});
