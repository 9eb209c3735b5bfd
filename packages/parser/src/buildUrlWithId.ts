import type { UrlWithId } from './UrlWithId.js';
import { type XNode, attrsOf, childrenOf, textOf } from './xmlNodes.js';

/**
 * Builds a URL element with an optional `id` attribute; an empty URL gives `undefined`.
 * @internal
 */
export function buildUrlWithId(node: XNode, name: string): UrlWithId | undefined {
  const url = textOf(childrenOf(node, name));
  if (url === '') return undefined;
  const id = attrsOf(node)?.['id'];
  return Object.freeze(id === undefined || id === '' ? { url } : { url, id });
}
