import type { Extension } from './Extension.js';
import type { XmlElement } from './XmlElement.js';
import { type Attrs, type XNode, attrsOf, childrenOf, createVastXmlParser, nameOf, rawOf } from './xmlNodes.js';

const NO_ATTRIBUTES: Attrs = Object.freeze({});

function toElement(node: XNode, name: string): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  for (const child of childrenOf(node, name)) {
    const childName = nameOf(child);
    if (childName === '#text') text += child['#text'] as string;
    else children.push(toElement(child, childName));
  }
  const attrs = attrsOf(node);
  return Object.freeze({
    name,
    attributes: attrs === undefined ? NO_ATTRIBUTES : Object.freeze({ ...attrs }),
    children: Object.freeze(children),
    text: text.trim(),
  });
}

/**
 * Parses the raw content of an extension into generic elements (on first access only).
 * @internal
 */
export function parseXmlElements(xml: string): readonly XmlElement[] {
  const parsed = createVastXmlParser(false).parse(`<x>${xml}</x>`) as readonly XNode[];
  const wrapper = parsed[0];
  if (wrapper === undefined) return Object.freeze([]);
  const elements: XmlElement[] = [];
  for (const child of childrenOf(wrapper, 'x')) {
    const name = nameOf(child);
    if (name !== '#text') elements.push(toElement(child, name));
  }
  return Object.freeze(elements);
}

/**
 * Builds an Extension or CreativeExtension from its stop node: raw XML now, the element tree
 * when `children` is first read.
 * @internal
 */
export function buildExtension(node: XNode, name: string): Extension {
  const attrs = attrsOf(node);
  const xml = rawOf(childrenOf(node, name));
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
