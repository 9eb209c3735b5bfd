import type { AdParameters } from './MediaFile.js';
import type { ParseContext } from './ParseContext.js';
import { opaqueText } from './unescapeRaw.js';
import type { XNode } from './xmlNodes.js';

/**
 * Builds `<AdParameters>` from the content the scan set aside (CDATA unwrapped, markup kept as
 * written, trimmed).
 * @internal
 */
export function buildAdParameters(node: XNode, path: string, ctx: ParseContext): AdParameters {
  const value = opaqueText(ctx.raw(node));
  const xmlEncoded = ctx.boolean(ctx.attrs(node)?.['xmlEncoded'], path, 'xmlEncoded') ?? false;
  return Object.freeze({ value, xmlEncoded });
}
