import type { ParseContext } from './parse-context.js';
import type { UrlWithId } from './url-with-id.js';
import type { XNode } from './xml-nodes.js';

/**
 * Builds a URL element with an optional `id` attribute; an empty URL gives `undefined`.
 * @internal
 */
export function buildUrlWithId(node: XNode, ctx: ParseContext): UrlWithId | undefined {
  const url = ctx.text(node);
  if (url === '') return undefined;
  const id = ctx.attrs(node)?.['id'];
  return Object.freeze(id === undefined || id === '' ? { url } : { url, id });
}
