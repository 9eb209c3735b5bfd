import { XMLParser } from 'fast-xml-parser';
import { decodeEntities } from './unescapeRaw.js';

/**
 * A node of fast-xml-parser's `preserveOrder` output: an element `{ [name]: children, ':@'?:
 * attributes }` or a text node `{ '#text': text }`.
 * @internal
 */
export type XNode = Readonly<Record<string, unknown>>;

/** Attributes of an element, by name (values are strings, trimmed, entities decoded). @internal */
export type Attrs = Readonly<Record<string, string>>;

/** A writable view of a readonly model type, for building it before freezing. @internal */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The name of a node: its tag, or `#text`. @internal */
export function nameOf(node: XNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

/** The children of an element node whose name is `name`. @internal */
export function childrenOf(node: XNode, name: string): readonly XNode[] {
  return node[name] as readonly XNode[];
}

/** The attributes of an element node, if it has any. @internal */
export function attrsOf(node: XNode): Attrs | undefined {
  return node[':@'] as Attrs | undefined;
}

/** The text directly inside an element (its text and CDATA children), trimmed. @internal */
export function textOf(children: readonly XNode[]): string {
  let text = '';
  for (const child of children) {
    const value = child['#text'];
    if (typeof value === 'string') text += value;
  }
  return text.trim();
}

/** The untouched content of a stop node (Extension, AdParameters...). @internal */
export function rawOf(children: readonly XNode[]): string {
  const value = children[0]?.['#text'];
  return typeof value === 'string' ? value : '';
}

/**
 * Elements whose content the model keeps opaque: fast-xml-parser hands their content over as
 * raw text instead of building a tree.
 */
const STOP_NODES = [
  '..Extension',
  '..CreativeExtension',
  '..AdParameters',
  '..VerificationParameters',
  '..HTMLResource',
];

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
 * The fast-xml-parser settings for VAST: document order kept (no second conversion pass),
 * attributes as plain strings, no value parsing (the model parses what it needs), stop nodes for
 * opaque content, no path strings for callbacks.
 * @internal
 */
export function createVastXmlParser(stopNodes = true): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    entityDecoder: ENTITY_DECODER,
    jPath: false,
    stopNodes: stopNodes ? STOP_NODES : [],
    maxNestedTags: 200,
  });
}
