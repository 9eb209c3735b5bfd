import { describe, expect, it } from 'vitest';
import { VastErrorCode, isParserError, parseVast } from '../src/index.js';
import { fixture, vastErrorOf } from './fixtures.js';

function caughtBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseVast: refused documents and their IAB codes', () => {
  it('refuses VAST 1.0 (VideoAdServingTemplate) with 102', () => {
    expect(vastErrorOf(() => parseVast(fixture('vast-1.0.xml'))).errorCode).toBe(VastErrorCode.VERSION_NOT_SUPPORTED);
  });

  it('refuses a VAST root with a version below 2.0 with 102', () => {
    const error = vastErrorOf(() => parseVast(fixture('version-1.xml')));
    expect(error.errorCode).toBe(102);
    expect(error.path).toBe('VAST');
  });

  it('refuses a document whose root is not VAST with 101', () => {
    const error = vastErrorOf(() => parseVast(fixture('not-vast-root.xml')));
    expect(error.errorCode).toBe(VastErrorCode.SCHEMA_VALIDATION_ERROR);
    expect(error.message).toContain('<html>');
  });

  it('refuses what is not XML with 100', () => {
    for (const input of [fixture('not-xml.txt'), '', '   ', 'hello <', '<', '<>', '<<VAST/>']) {
      expect(vastErrorOf(() => parseVast(input)).errorCode).toBe(VastErrorCode.XML_PARSE_ERROR);
    }
  });

  it('refuses a DOCTYPE with entity declarations at once with 100, before any expansion', () => {
    const error = vastErrorOf(() => parseVast(fixture('doctype-entities.xml')));
    expect(error.errorCode).toBe(100);
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('refuses any DOCTYPE or ENTITY declaration, even an empty one', () => {
    expect(vastErrorOf(() => parseVast('<!DOCTYPE VAST><VAST version="4.0"/>')).errorCode).toBe(100);
    expect(vastErrorOf(() => parseVast('<VAST version="4.0"><!ENTITY x "y"></VAST>')).errorCode).toBe(100);
  });

  it('refuses mismatched tags with 100', () => {
    const error = vastErrorOf(() => parseVast(fixture('mismatched-tags.xml')));
    expect(error.errorCode).toBe(100);
    expect(error.message).toContain('</Impresion>');
  });

  it('refuses a truncated document with 100, wherever it is cut', () => {
    const xml = fixture('inline-full-4.3.xml');
    const end = xml.lastIndexOf('</VAST>');
    for (let cut = xml.indexOf('<VAST'); cut < end; cut += 97) {
      expect(vastErrorOf(() => parseVast(xml.slice(0, cut))).errorCode).toBe(100);
    }
  });

  it('refuses other malformations with 100', () => {
    const cases = [
      '<VAST version="4.0"></VAST><VAST version="4.0"></VAST>',
      '<VAST version="4.0"></VAST>trailing',
      'leading<VAST version="4.0"></VAST>',
      '<![CDATA[x]]><VAST version="4.0"></VAST>',
      '<VAST version="4.0"><Ad></VAST>',
      '</VAST>',
      '<VAST version="4.0"><!-- unclosed </VAST>',
      '<VAST version="4.0"><![CDATA[ unclosed </VAST>',
      '<VAST version="4.0"><?pi unclosed </VAST>',
      '<VAST version="4.0"><!weird></VAST>',
      '<VAST version="4.0"><Ad id="a" <b></Ad></VAST>',
      '<VAST version="4.0"><Ad id="unclosed></Ad></VAST>',
      '<VAST version="4.0"><Ad',
      '<VAST version="4.0"></VAST',
      '<VAST version="4.0">\u0001</VAST>',
    ];
    for (const input of cases) {
      expect(vastErrorOf(() => parseVast(input)).errorCode, input).toBe(100);
    }
  });

  it('parses elements named constructor, prototype or __proto__ (fast-xml-parser refuses those names)', () => {
    const names = ['constructor', 'prototype', '__proto__'];
    const inner = names.map((n) => `<${n} a="1"><${n}><x>t</x></${n}></${n}><${n}/><${n}>text</${n}>`).join('');
    const doc = parseVast(`<VAST version="4.0">${inner}<Error>https://e.test.invalid/</Error></VAST>`, { strict: true });
    expect(doc.errors).toEqual(['https://e.test.invalid/']);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });

  it('accepts comments and processing instructions around and inside the document', () => {
    const doc = parseVast('<?xml version="1.0"?>\n<!-- c --><VAST version="4.0"><!-- inside --><?pi x?></VAST>\n<!-- end --><?pi after?>\n');
    expect(doc.ads).toEqual([]);
  });

  it('refuses a body over maxBytes before parsing it, counting UTF-8 bytes', () => {
    const xml = fixture('no-ads.xml');
    const bytes = new TextEncoder().encode(xml).length;
    expect(parseVast(xml, { maxBytes: bytes }).ads).toEqual([]);
    expect(vastErrorOf(() => parseVast(xml, { maxBytes: bytes - 1 })).errorCode).toBe(100);
    expect(vastErrorOf(() => parseVast(new TextEncoder().encode(xml), { maxBytes: bytes - 1 })).message).toContain(
      `larger than ${bytes - 1} bytes`,
    );
    // Three bytes per character: 400 characters are 1200 bytes.
    const wide = `<VAST version="4.0"><Error>${'€'.repeat(400)}</Error></VAST>`;
    expect(vastErrorOf(() => parseVast(wide, { maxBytes: 1000 })).errorCode).toBe(100);
    expect(parseVast(wide, { maxBytes: 1300 }).errors[0]).toHaveLength(400);
    // Surrogate pairs are four bytes.
    const emoji = `<VAST version="4.0"><Error>${'🍎'.repeat(100)}</Error></VAST>`;
    expect(vastErrorOf(() => parseVast(emoji, { maxBytes: 420 })).errorCode).toBe(100);
    expect(parseVast(emoji, { maxBytes: 460 }).errors).toHaveLength(1);
  });

  it('names a bad maxBytes option instead of parsing', () => {
    for (const maxBytes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const thrown = caughtBy(() => parseVast('<VAST version="4.0"/>', { maxBytes }));
      expect(isParserError(thrown) && thrown.code).toBe('INVALID_PARSER_OPTIONS');
      expect((thrown as Error).message).toBe(`parseVast: options.maxBytes must be a finite number of bytes, got ${String(maxBytes)}`);
    }
  });

  it('refuses more than 1 MiB by default, without looking at it', () => {
    const huge = 'x'.repeat(1024 * 1024 + 1);
    expect(vastErrorOf(() => parseVast(huge)).message).toContain('larger than 1048576 bytes');
  });
});
