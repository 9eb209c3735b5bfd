import { MARK } from './mark.js';
import { notXml } from './not-xml.js';
import { onlySpace } from './only-space.js';
import type { VastWarning } from './vast-warning.js';
import { WellFormedScan } from './well-formed-scan.js';

/** What {@link checkWellFormed} found. @internal */
export interface CheckedXml {
  /** The name of the root element. */
  readonly root: string;
  /**
   * The document reduced to its element structure, for fast-xml-parser: no whitespace-only text
   * between tags, no comments or processing instructions; an element with attributes, text or
   * opaque content is renamed `Name` + {@link MARK} + `k`, its attributes moved to
   * `attributes[k]` and its text or opaque content moved, as written, to `raw[k]`.
   */
  readonly compact: string;
  /** The attribute text of marked element `k` (what follows its name in the start tag). */
  readonly attributes: readonly string[];
  /**
   * The content of marked element `k` exactly as written, when it was set aside: the content of
   * an opaque element, or the text and CDATA of a leaf (an element without child elements,
   * handed to fast-xml-parser empty). `undefined` for other marked elements.
   */
  readonly raw: readonly (string | undefined)[];
  /** Attributes that are not well-formed but were read (lenient scan only), as warnings (100). */
  readonly warnings: VastWarning[];
}

/** How {@link checkWellFormed} scans. @internal */
export interface ScanOptions {
  /** Refuse (100) attributes that are not well-formed instead of reporting them. */
  readonly strict: boolean;
  /** The deepest element nesting accepted (the root is at depth 1). */
  readonly maxDepth: number;
}

const DEFAULT_SCAN: ScanOptions = Object.freeze({ strict: false, maxDepth: 1024 });

/**
 * Checks that a document is one well-formed element tree before it is parsed: tags balanced
 * and matching, comments, CDATA and processing instructions closed, nothing but whitespace
 * around the root. Any DOCTYPE or ENTITY declaration is refused on sight (VAST never needs one,
 * and refusing them closes entity-expansion attacks). It jumps from `<` to `<`, so it costs a
 * fraction of the parse itself, and on the way drops what the parser would only discard.
 *
 * Attributes that are not well-formed (`delivery=progressive`, a name without a value, two
 * attributes without a space between them) are refused with 100 in strict mode; otherwise each
 * is reported as a warning (100) and read as well as it can be (see `parseAttributes`).
 *
 * @param xml - the document
 * @param options - strictness and the depth limit
 * @returns the root element's name and the compacted document
 * @throws {@link VastError} 100 when the document is not well-formed XML, declares a DOCTYPE,
 * nests elements deeper than `maxDepth`, or (strict) has an attribute that is not well-formed
 * @internal
 */
export function checkWellFormed(xml: string, options: ScanOptions = DEFAULT_SCAN): CheckedXml {
  if (xml.includes(MARK)) throw notXml('control character U+0001');
  let i = xml.indexOf('<');
  if (i < 0) throw notXml('no element');
  if (!onlySpace(xml, 0, i)) throw notXml('text before the root element');
  const scan = new WellFormedScan(xml, options.strict, options.maxDepth);
  while (i >= 0) {
    const next = xml.charCodeAt(i + 1);
    // </name>, <!...>, <?...?> or a start tag
    const after =
      next === 47
        ? scan.closeTag(i)
        : next === 33
          ? scan.declaration(i)
          : next === 63
            ? scan.processingInstruction(i)
            : scan.startTag(i);
    i = xml.indexOf('<', after);
    scan.gap(after, i < 0 ? xml.length : i);
  }
  return scan.finish();
}
