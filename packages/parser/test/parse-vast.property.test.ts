// Any input whatever gives a model or a VastError: fast-check mutates the project's fixtures
// (truncations, deletions, insertions of XML-ish noise, duplications, swaps) and also feeds
// arbitrary strings and bytes. No model ever holds a non-finite number. Generated documents
// (repeated blocks, odd numbers and times, unquoted attributes, comments, encodings) never lose a
// Tracking, MediaFile or Ad unless a warning names the loss.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type VastDocument, isVastError, parseVast } from '../src/index.js';
import { fixture } from './fixtures.js';

const documents = readdirSync(new URL('./fixtures/', import.meta.url))
  .filter((name) => name.endsWith('.xml'))
  .sort()
  .map(fixture);

const noise = fc.oneof(
  fc.constantFrom('<', '>', '/', '</', '/>', '&', '&amp;', '&#x26;', '&#99999999;', ';', '"', "'", '=', ']]>', '<![CDATA[', '<!--', '-->', '<?', '?>', '<!DOCTYPE x>', '<!ENTITY', '\u0001', '\uFEFF', '\r\n', ' ', '%', ':', '.'),
  fc.constantFrom('<Ad>', '</Ad>', '<InLine>', '<Wrapper>', '<Linear>', '</Linear>', '<Extension>', '</Extension>', '<AdParameters>', '<Duration>', '<Tracking event="progress" offset="', '<VAST version="4.2">', '<constructor>', '<__proto__>', 'skipoffset="', 'xmlEncoded="'),
  fc.string({ maxLength: 8 }),
);

type Mutation = (xml: string) => string;
const at = (xml: string, fraction: number): number => Math.floor(fraction * xml.length);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f): Mutation => (xml) => xml.slice(0, at(xml, f))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 40 })).map(([f, n]): Mutation => (xml) => xml.slice(0, at(xml, f)) + xml.slice(at(xml, f) + n)),
  fc.tuple(fraction, noise).map(([f, text]): Mutation => (xml) => xml.slice(0, at(xml, f)) + text + xml.slice(at(xml, f))),
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => (xml) => {
    const [from, to] = [at(xml, Math.min(a, b)), at(xml, Math.max(a, b))];
    return xml.slice(0, to) + xml.slice(from, to) + xml.slice(to);
  }),
  fc.tuple(fraction, fraction, fraction).map(([a, b, c]): Mutation => (xml) => {
    const [x, y, z] = [a, b, c].sort((p, q) => p - q).map((f) => at(xml, f)) as [number, number, number];
    return xml.slice(0, x) + xml.slice(y, z) + xml.slice(x, y) + xml.slice(z);
  }),
);

/** The paths of the numbers in a model that are not finite (reading lazy extension trees too). */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => nonFinite(child, `${path}.${key}`));
}

/** A model, read through completely (lazy extension trees included), or a VastError. */
function outcome(input: string | Uint8Array, strict: boolean): 'model' | 'error' {
  let doc: VastDocument;
  try {
    doc = parseVast(input, { strict });
  } catch (error) {
    if (!isVastError(error)) throw error;
    expect([100, 101, 102]).toContain(error.errorCode);
    return 'error';
  }
  expect(Object.isFrozen(doc)).toBe(true);
  expect(Object.isFrozen(doc.ads)).toBe(true);
  expect(nonFinite(doc)).toEqual([]);
  if (strict) expect(doc.warnings).toEqual([]);
  return 'model';
}

describe('parseVast on any input', () => {
  it('gives a model or a VastError for mutated fixtures, lenient and strict', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (xml, mutations, strict) => {
        const mutated = mutations.reduce((text, mutate) => mutate(text), xml);
        seen.add(outcome(mutated, strict));
      }),
      { numRuns: 1500 },
    );
    // The mutations reach both outcomes, so the property is not vacuous.
    expect(seen).toEqual(new Set(['model', 'error']));
  });

  it('gives a model or a VastError for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        outcome(text, false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a model or a VastError for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        outcome(bytes, false);
      }),
      { numRuns: 300 },
    );
  });
});

// Generated documents: each piece is something a real ad server writes, well or badly.
const attributeValue = fc.constantFrom('640', '+12', '007', '0x280', '1e3', '-500', '1.5', '', 'Infinity', '9'.repeat(400));
const time = fc.constantFrom('00:00:05', '00:00:05.250', '1:02:03', `${'9'.repeat(400)}:00:00`, '00:61:00', 'soon', '30');
const offset = fc.oneof(time, fc.constantFrom('25%', '100%', '150%', '-5%'));
const quote = fc.constantFrom('"', "'", '');
const comment = fc.constantFrom('', '<!-- c -->', ' <!-- c --> ');
const text = fc.constantFrom('x', 'é', 'a&amp;b', '<![CDATA[c d]]>', ' sp ');

interface Built {
  readonly xml: string;
  readonly trackings: number;
  readonly mediaFiles: number;
  readonly ads: number;
}

let serial = 0;
const attribute = (name: string, value: string, q: string): string => (q === '' && /^[^\s"'<>]+$/.test(value) ? ` ${name}=${value}` : ` ${name}="${value}"`);

const tracking = fc
  .tuple(fc.constantFrom('start', 'complete', 'progress', 'creativeView', 'firstQuartile', ''), fc.option(offset, { nil: undefined }), quote, comment, text)
  .map(([event, at, q, c, t]) => `${c}<Tracking${event === '' ? '' : attribute('event', event, q)}${at === undefined ? '' : attribute('offset', at, q)}>https://t.test.invalid/${serial++}/${t}</Tracking>`);
const trackingBlocks = fc.array(fc.array(tracking, { maxLength: 4 }), { minLength: 1, maxLength: 3 });
const blocks = (list: readonly (readonly string[])[]): string => list.map((b) => `<TrackingEvents>${b.join('')}</TrackingEvents>`).join('');

const mediaFile = fc
  .tuple(attributeValue, attributeValue, attributeValue, quote, text)
  .map(([w, h, b, q, t]) => `<MediaFile${attribute('delivery', 'progressive', q)}${attribute('width', w, q)}${attribute('height', h, q)}${attribute('bitrate', b, q)}>https://m.test.invalid/${serial++}/${t}</MediaFile>`);

const creative = fc.oneof(
  fc.tuple(trackingBlocks, fc.array(mediaFile, { maxLength: 3 }), time, fc.option(offset, { nil: undefined }), quote).map(
    ([tb, media, duration, skip, q]) => ({
      xml: `<Creative><Linear${skip === undefined ? '' : attribute('skipoffset', skip, q)}><Duration>${duration}</Duration>${blocks(tb)}<MediaFiles>${media.join('')}</MediaFiles>${blocks(tb.slice(0, 1))}</Linear></Creative>`,
      trackings: tb.flat().length + (tb[0]?.length ?? 0),
      mediaFiles: media.length,
    }),
  ),
  fc.tuple(trackingBlocks, attributeValue, quote).map(([tb, w, q]) => ({
    xml: `<Creative><NonLinearAds><NonLinear${attribute('width', w, q)} minSuggestedDuration="00:00:05"/>${blocks(tb)}</NonLinearAds></Creative>`,
    trackings: tb.flat().length,
    mediaFiles: 0,
  })),
  fc.tuple(trackingBlocks, attributeValue, quote).map(([tb, w, q]) => ({
    xml: `<Creative><CompanionAds><Companion${attribute('width', w, q)}${attribute('adSlotId', 's', q)}>${blocks(tb)}</Companion></CompanionAds></Creative>`,
    trackings: tb.flat().length,
    mediaFiles: 0,
  })),
);

const ad = fc.tuple(fc.array(creative, { minLength: 1, maxLength: 2 }), attributeValue, quote, comment).map(([creatives, sequence, q, c]) => ({
  xml: `<Ad${attribute('id', String(serial++), q)}${attribute('sequence', sequence, q)}><InLine>${c}<AdSystem>s</AdSystem><AdTitle>t ${c} <![CDATA[x]]> y</AdTitle><Impression>https://i.test.invalid/</Impression><Creatives>${creatives.map((x) => x.xml).join(c)}</Creatives></InLine></Ad>`,
  trackings: creatives.reduce((n, x) => n + x.trackings, 0),
  mediaFiles: creatives.reduce((n, x) => n + x.mediaFiles, 0),
}));

const built: fc.Arbitrary<Built> = fc.array(ad, { minLength: 1, maxLength: 3 }).map((ads) => ({
  xml: `<VAST version="4.2">${ads.map((a) => a.xml).join('')}</VAST>`,
  trackings: ads.reduce((n, a) => n + a.trackings, 0),
  mediaFiles: ads.reduce((n, a) => n + a.mediaFiles, 0),
  ads: ads.length,
}));

/** Encodes a document as UTF-8 or as ISO-8859-1 bytes with its declaration, or leaves it a string. */
const encoded = fc.constantFrom('string', 'utf-8', 'iso-8859-1').map((encoding) => (xml: string): string | Uint8Array => {
  if (encoding === 'string') return xml;
  if (encoding === 'utf-8') return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>${xml}`);
  return Uint8Array.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml}`, (c) => c.charCodeAt(0));
});

function counts(doc: VastDocument): { trackings: number; mediaFiles: number; urls: string[] } {
  let trackings = 0;
  let mediaFiles = 0;
  const urls: string[] = [];
  for (const a of doc.ads) {
    for (const c of a.creatives) {
      const events = c.type === 'companion' ? c.companions.flatMap((x) => x.trackingEvents) : c.trackingEvents;
      trackings += events.length;
      urls.push(...events.map((e) => e.url));
      if (c.type === 'linear') mediaFiles += c.mediaFiles.length;
    }
  }
  return { trackings, mediaFiles, urls };
}

describe('parseVast on generated documents', () => {
  it('never shortens a list without a warning naming the loss, nor holds a non-finite number', () => {
    fc.assert(
      fc.property(built, encoded, fc.boolean(), (document, encode, strict) => {
        let doc: VastDocument;
        try {
          doc = parseVast(encode(document.xml), { strict });
        } catch (error) {
          // Only strict parsing refuses these documents, with the IAB code of what is wrong.
          expect(strict).toBe(true);
          if (!isVastError(error)) throw error;
          expect([100, 101]).toContain(error.errorCode);
          return;
        }
        expect(nonFinite(doc)).toEqual([]);
        const found = counts(doc);
        expect(doc.ads).toHaveLength(document.ads);
        expect(found.mediaFiles).toBe(document.mediaFiles);
        // A Tracking is left out only with a warning on its own path (no event, or a progress
        // event without a readable offset); everything else reaches the model.
        const named = new Set(doc.warnings.filter((w) => /\/Tracking\[\d+\]$/.test(w.path)).map((w) => w.path));
        expect(found.trackings).toBeLessThanOrEqual(document.trackings);
        expect(document.trackings - found.trackings).toBeLessThanOrEqual(named.size);
        if (strict) expect(found.trackings).toBe(document.trackings);
        // Decoded in the right encoding: no character was replaced.
        for (const url of found.urls) expect(url).not.toContain('\uFFFD');
        expect(found.urls.join('')).not.toMatch(/Ã/);
      }),
      { numRuns: 400 },
    );
  });
});
