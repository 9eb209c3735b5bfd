// Any input whatever gives a model or a VastError: fast-check mutates the project's fixtures
// (truncations, deletions, insertions of XML-ish noise, duplications, swaps) and also feeds
// arbitrary strings and bytes.
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

/** A model, read through completely (lazy extension trees included), or a VastError. */
function outcome(input: string | Uint8Array, strict: boolean): 'model' | 'error' {
  let doc: VastDocument;
  try {
    doc = parseVast(input, { strict });
  } catch (error) {
    if (!isVastError(error)) throw error;
    expect([100, 101, 102]).toContain(error.code);
    return 'error';
  }
  expect(Object.isFrozen(doc)).toBe(true);
  expect(Object.isFrozen(doc.ads)).toBe(true);
  JSON.stringify(doc);
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
