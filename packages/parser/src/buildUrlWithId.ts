import type { ParseContext } from './ParseContext.js';
import type { UrlWithId } from './UrlWithId.js';
import type { XNode } from './xmlNodes.js';

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
