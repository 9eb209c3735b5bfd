import type { Extension } from './extension.js';
import type { ParseContext } from './parse-context.js';
import type { XmlElement } from './xml-element.js';
import { MARK } from './mark.js';
import { type Attrs, type XNode, childrenOf, createVastXmlParser } from './xml-nodes.js';

const NO_ATTRIBUTES: Attrs = Object.freeze({});

/** Names fast-xml-parser refuses, as tag or attribute names (followed by what may end a name). */
const RESERVED = /(<\/?|\s)(constructor|prototype|__proto__)(?=[\s/>=])/g;

/** The key of an element node (its name, possibly escaped), or `#text`. */
function keyOf(node: XNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

function toElement(node: XNode, key: string, unmark: (text: string) => string): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  let attributes = NO_ATTRIBUTES;
  const source = node[':@'] as Attrs | undefined;
  if (source !== undefined) {
    const copy: Record<string, string> = {};
    for (const name in source) {
      const unmarked = unmark(name);
      // `__proto__` would set the prototype rather than an attribute: left out, as at the ad level.
      if (unmarked !== '__proto__') copy[unmarked] = unmark(source[name] as string);
    }
    attributes = Object.freeze(copy);
  }
  for (const child of node[key] as readonly XNode[]) {
    const childKey = keyOf(child);
    if (childKey === '#text') text += child['#text'] as string;
    else children.push(toElement(child, childKey, unmark));
  }
  return Object.freeze({ name: unmark(key), attributes, children: Object.freeze(children), text: unmark(text).trim() });
}

const same = (text: string): string => text;
const withoutMarks = (text: string): string => text.replaceAll(MARK, '');

/**
 * Parses the raw content of an extension into generic elements (on first access only); empty
 * when fast-xml-parser cannot read it.
 * @internal
 */
export function parseXmlElements(xml: string): readonly XmlElement[] {
  // fast-xml-parser refuses the names `constructor`, `prototype` and `__proto__`: they are marked
  // (the document cannot hold the mark, the scan refuses it) and unmarked in the tree.
  const escaped = xml.includes('constructor') || xml.includes('proto');
  const unmark = escaped ? withoutMarks : same;
  let parsed: readonly XNode[];
  try {
    const source = escaped ? xml.replace(RESERVED, `$1$2${MARK}`) : xml;
    parsed = createVastXmlParser(true).parse(`<x>${source}</x>`) as readonly XNode[];
  } catch {
    // Content fast-xml-parser still refuses: no tree, the raw XML is still there.
    return Object.freeze([]);
  }
  const elements: XmlElement[] = [];
  for (const child of parsed[0] === undefined ? [] : childrenOf(parsed[0])) {
    const key = keyOf(child);
    if (key !== '#text') elements.push(toElement(child, key, unmark));
  }
  return Object.freeze(elements);
}

/**
 * Builds an Extension or CreativeExtension from its opaque element: raw XML now, the element
 * tree when `children` is first read.
 * @internal
 */
export function buildExtension(node: XNode, ctx: ParseContext): Extension {
  const attrs = ctx.attrs(node);
  const xml = ctx.raw(node);
  let children: readonly XmlElement[] | undefined;
  const extension: Extension = {
    attributes: attrs === undefined ? NO_ATTRIBUTES : Object.freeze({ ...attrs }),
    xml,
    get children(): readonly XmlElement[] {
      children ??= parseXmlElements(xml);
      return children;
    },
  };
  const type = attrs?.['type'];
  if (type !== undefined && type !== '') Object.defineProperty(extension, 'type', { value: type, enumerable: true });
  return Object.freeze(extension);
}
