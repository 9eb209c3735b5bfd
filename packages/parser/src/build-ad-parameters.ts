import type { AdParameters } from './media-file.js';
import type { ParseContext } from './parse-context.js';
import { opaqueText } from './unescape-raw.js';
import type { XNode } from './xml-nodes.js';

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
