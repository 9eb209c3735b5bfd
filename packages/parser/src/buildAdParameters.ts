import type { AdParameters } from './MediaFile.js';
import type { ParseContext } from './ParseContext.js';
import { unescapeRaw } from './unescapeRaw.js';
import type { XNode } from './xmlNodes.js';

/**
 * Builds `<AdParameters>` from its stop node (content kept as written, CDATA unwrapped).
 * @internal
 */
export function buildAdParameters(node: XNode, path: string, ctx: ParseContext): AdParameters {
  const value = unescapeRaw(ctx.raw(node)).trim();
  const xmlEncoded = ctx.boolean(ctx.attrs(node)?.['xmlEncoded'], path, 'xmlEncoded') ?? false;
  return Object.freeze({ value, xmlEncoded });
}
