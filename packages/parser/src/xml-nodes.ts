import { XMLParser } from 'fast-xml-parser';
import { MARK } from './mark.js';
import { decodeEntities } from './unescape-raw.js';

/**
 * A node of fast-xml-parser's `preserveOrder` output: an element `{ [name]: children }` (its
 * name possibly marked, see `checkWellFormed`) or a text node `{ '#text': text }`.
 * @internal
 */
export type XNode = Readonly<Record<string, unknown>>;

/** Attributes of an element, by name (values trimmed, entities decoded). @internal */
export type Attrs = Readonly<Record<string, string>>;

/** A writable view of a readonly model type, for building it before freezing. @internal */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The name of a node: its tag (without its mark), or `#text`. @internal */
export function nameOf(node: XNode): string {
  for (const key in node) {
    const mark = key.indexOf(MARK);
    return mark < 0 ? key : key.slice(0, mark);
  }
  return '';
}

/** The mark of an element (the index of its attributes and raw content), or -1. @internal */
export function markOf(node: XNode): number {
  for (const key in node) {
    const mark = key.indexOf(MARK);
    return mark < 0 ? -1 : Number(key.slice(mark + 1));
  }
  return -1;
}

/** The children of an element node. @internal */
export function childrenOf(node: XNode): readonly XNode[] {
  for (const key in node) return node[key] as readonly XNode[];
  return [];
}

/** The text directly inside an element (its text and CDATA children), trimmed. @internal */
export function textOf(node: XNode): string {
  let text = '';
  for (const child of childrenOf(node)) {
    const value = child['#text'];
    if (typeof value === 'string') text += value;
  }
  return text.trim();
}

function skipSpace(source: string, from: number): number {
  let i = from;
  while (i < source.length && source.charCodeAt(i) <= 32) i++;
  return i;
}

/**
 * Reads the attribute text of a start tag (`name="value" name='value'`) into a map (values
 * trimmed, entities decoded). What is not well-formed is still read, so no attribute is lost
 * (the scan reports it): a value without quotes runs to the next space, a name without a value
 * reads as empty. A `__proto__` attribute is dropped so no document can reach `Object.prototype`.
 * @internal
 */
export function parseAttributes(source: string): Attrs {
  const attrs: Record<string, string> = {};
  const length = source.length;
  let i = skipSpace(source, 0);
  while (i < length) {
    let nameEnd = i;
    for (; nameEnd < length; nameEnd++) {
      const code = source.charCodeAt(nameEnd);
      if (code <= 32 || code === 61 || code === 34 || code === 39) break;
    }
    const name = source.slice(i, nameEnd);
    const equals = skipSpace(source, nameEnd);
    let value = '';
    if (source.charCodeAt(equals) === 61) {
      const start = skipSpace(source, equals + 1);
      const mark = source.charCodeAt(start);
      if (mark === 34 || mark === 39) {
        const close = source.indexOf(mark === 34 ? '"' : "'", start + 1);
        const end = close < 0 ? length : close;
        value = source.slice(start + 1, end);
        i = end + 1;
      } else {
        let end = start;
        while (end < length && source.charCodeAt(end) > 32) end++;
        value = source.slice(start, end);
        i = end;
      }
    } else if (name === '') {
      // A stray quoted text: skip it.
      const close = source.indexOf(source[equals] ?? '', equals + 1);
      i = close < 0 ? length : close + 1;
    } else {
      i = equals;
    }
    if (name !== '__proto__' && name !== '') attrs[name] = decodeEntities(value.trim());
    i = skipSpace(source, i);
  }
  return attrs;
}

/**
 * The entity decoder handed to fast-xml-parser: the five XML entities and numeric references,
 * nothing else (documents never get to declare entities: DOCTYPE is refused). Stateless.
 */
const ENTITY_DECODER = Object.freeze({
  setExternalEntities: (): void => undefined,
  addInputEntities: (): void => undefined,
  reset: (): void => undefined,
  setXmlVersion: (): void => undefined,
  decode: decodeEntities,
});

/**
 * The fast-xml-parser settings for VAST. The well-formedness scan has already taken out what
 * fast-xml-parser would spend time on for nothing (whitespace, comments, attributes, opaque
 * content), so it runs with: document order kept (no conversion pass), attributes ignored (read
 * lazily from the scan, only where the model needs them), no value parsing, no path strings for
 * callbacks, no stop nodes to match, a minimal entity decoder.
 *
 * With `withAttributes`, the settings for the generic tree of an extension's content.
 * @internal
 */
export function createVastXmlParser(withAttributes = false): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: !withAttributes,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    entityDecoder: ENTITY_DECODER,
    jPath: false,
    // Names such as `hasOwnProperty` or `toString` are kept as written (fast-xml-parser would
    // prefix them): nodes and attribute maps are only read with for-in and own keys.
    onDangerousProperty: (name: string): string => name,
    // The scan enforces `maxDepth` (at most 1024) first; this only keeps fast-xml-parser's own
    // limit out of its way.
    maxNestedTags: 1100,
  });
}

/**
 * The one fast-xml-parser instance for VAST: it holds only its (frozen) settings; every `parse`
 * call builds its own state, so sharing it shares nothing between documents.
 * @internal
 */
export const VAST_XML_PARSER: XMLParser = Object.freeze(createVastXmlParser());
