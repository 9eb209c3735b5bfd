import type { Extension } from './Extension.js';
import type { ParseContext } from './ParseContext.js';
import type { XmlElement } from './XmlElement.js';
import { type Attrs, type XNode, childrenOf, createVastXmlParser, nameOf } from './xmlNodes.js';

const NO_ATTRIBUTES: Attrs = Object.freeze({});

function toElement(node: XNode, name: string): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  let attributes = NO_ATTRIBUTES;
  for (const key in node) {
    if (key === ':@') attributes = Object.freeze({ ...(node[key] as Attrs) });
  }
  for (const child of node[name] as readonly XNode[]) {
    const childName = nameOf(child);
    if (childName === '#text') text += child['#text'] as string;
    else children.push(toElement(child, childName));
  }
  return Object.freeze({ name, attributes, children: Object.freeze(children), text: text.trim() });
}

/**
 * Parses the raw content of an extension into generic elements (on first access only); empty
 * when fast-xml-parser cannot read it.
 * @internal
 */
export function parseXmlElements(xml: string): readonly XmlElement[] {
  let parsed: readonly XNode[];
  try {
    parsed = createVastXmlParser(true).parse(`<x>${xml}</x>`) as readonly XNode[];
  } catch {
    // Content fast-xml-parser refuses (such as an element named `constructor`): no tree, the
    // raw XML is still there.
    return Object.freeze([]);
  }
  const elements: XmlElement[] = [];
  for (const child of parsed[0] === undefined ? [] : childrenOf(parsed[0])) {
    const name = nameOf(child);
    if (name !== '#text') elements.push(toElement(child, name));
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
