import type { AdParameters } from './MediaFile.js';
import type { ParseContext } from './ParseContext.js';
import { unescapeRaw } from './unescapeRaw.js';
import { type XNode, attrsOf, childrenOf, rawOf } from './xmlNodes.js';

/**
 * Builds `<AdParameters>` from its stop node (content kept as written, CDATA unwrapped).
 * @internal
 */
export function buildAdParameters(node: XNode, path: string, ctx: ParseContext): AdParameters {
  const value = unescapeRaw(rawOf(childrenOf(node, 'AdParameters')));
  const xmlEncoded = ctx.boolean(attrsOf(node)?.['xmlEncoded'], path, 'xmlEncoded') ?? false;
  return Object.freeze({ value, xmlEncoded });
}
