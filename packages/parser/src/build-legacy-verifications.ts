import { buildVerifications } from './build-verification.js';
import { checkWellFormed } from './check-well-formed.js';
import type { ParseContext } from './parse-context.js';
import type { Verification } from './verification.js';
import { type XNode, VAST_XML_PARSER, childrenOf, nameOf } from './xml-nodes.js';

/** The scan of extension content: it was already checked (and reported) as part of the document. */
const EXTENSION_SCAN = Object.freeze({ strict: false, maxDepth: 1024 });

/**
 * Reads verifications written the pre-4.1 OMID way, `<Extension type="AdVerifications">
 * <AdVerifications><Verification ...>`, from the raw content of an Extension, with the same rules
 * (and warnings) as a VAST 4.1 `<AdVerifications>`.
 *
 * @param xml - the raw content of the Extension
 * @param path - the Extension's path
 * @param ctx - the parse
 * @returns the verifications, empty when the Extension holds no `<AdVerifications>`
 * @internal
 */
export function buildLegacyVerifications(xml: string, path: string, ctx: ParseContext): readonly Verification[] {
  const scanned = checkWellFormed(`<x>${xml}</x>`, EXTENSION_SCAN);
  const nodes = VAST_XML_PARSER.parse(scanned.compact) as readonly XNode[];
  const inner = ctx.within(scanned);
  const verifications: Verification[] = [];
  let index = 0;
  for (const child of nodes[0] === undefined ? [] : childrenOf(nodes[0])) {
    if (nameOf(child) !== 'AdVerifications') continue;
    const here = index++ === 0 ? `${path}/AdVerifications` : `${path}/AdVerifications[${index - 1}]`;
    verifications.push(...buildVerifications(childrenOf(child), here, inner));
  }
  return Object.freeze(verifications);
}
