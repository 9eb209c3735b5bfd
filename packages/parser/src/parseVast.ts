import { buildDocument } from './buildDocument.js';
import { checkWellFormed } from './checkWellFormed.js';
import { ParseContext } from './ParseContext.js';
import type { ParseVastOptions } from './ParseVastOptions.js';
import type { VastDocument } from './VastDocument.js';
import { VastError } from './VastError.js';
import { VastErrorCode } from './VastErrorCode.js';
import { type XNode, createVastXmlParser, nameOf } from './xmlNodes.js';

/**
 * The one fast-xml-parser instance: it holds only its (frozen) settings; every `parse` call builds
 * its own state, so sharing it shares nothing between documents.
 */
const VAST_XML_PARSER = Object.freeze(createVastXmlParser());

const DEFAULT_MAX_BYTES = 1024 * 1024;

/** The UTF-8 length of a string, stopping early once it passes `limit`. */
function utf8LengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

function tooLarge(limit: number): VastError {
  return new VastError(VastErrorCode.XML_PARSE_ERROR, `The document is larger than ${limit} bytes`);
}

/**
 * Parses a VAST 2.0 to 4.3 document into a deeply frozen, typed model. It does no I/O: a
 * Wrapper ad comes back as a wrapper with its `vastAdTagUri` for the caller to follow.
 *
 * Lenient by default, like real players: a missing required element or an unreadable value is
 * recorded in `warnings` and parsing goes on (the element or value is left out). With
 * `strict: true` the first such problem throws.
 *
 * A document with no ads is a valid result with `ads: []` (the caller fires 303).
 *
 * @param xml - the document, as text or as UTF-8 bytes
 * @param options - strictness and the size limit
 * @returns the document model, with the warnings of lenient parsing
 * @throws {@link VastError} 100 when the input is larger than `maxBytes`, not well-formed XML,
 * truncated, or declares a DOCTYPE or an entity (refused before parsing)
 * @throws {@link VastError} 101 when the root is not `<VAST>`, or in strict mode when a required
 * element is missing or a value unparseable (the error's `path` names the element)
 * @throws {@link VastError} 102 for VAST 1.0 (`<VideoAdServingTemplate>`) or a version below 2.0
 * @example
 * ```ts
 * import { parseVast, isVastError } from '@vast/parser';
 *
 * const doc = parseVast(body);
 * for (const ad of doc.ads) {
 *   if (ad.type === 'wrapper') follow(ad.vastAdTagUri);
 *   else for (const creative of ad.creatives) {
 *     if (creative.type === 'linear') play(creative.mediaFiles, creative.duration);
 *   }
 * }
 * ```
 */
export function parseVast(xml: string | Uint8Array, options: ParseVastOptions = {}): VastDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let text: string;
  if (typeof xml === 'string') {
    if (utf8LengthOver(xml, maxBytes)) throw tooLarge(maxBytes);
    text = xml;
  } else {
    if (xml.byteLength > maxBytes) throw tooLarge(maxBytes);
    text = new TextDecoder('utf-8').decode(xml);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const scanned = checkWellFormed(text);
  const rootName = scanned.root;
  if (rootName === 'VideoAdServingTemplate') {
    throw new VastError(VastErrorCode.VERSION_NOT_SUPPORTED, 'VAST 1.0 (VideoAdServingTemplate) is not supported');
  }
  if (rootName !== 'VAST') {
    throw new VastError(VastErrorCode.SCHEMA_VALIDATION_ERROR, `The root element is <${rootName}>, not <VAST>`);
  }
  let nodes: readonly XNode[];
  try {
    nodes = VAST_XML_PARSER.parse(scanned.compact) as readonly XNode[];
  } catch (cause) {
    throw new VastError(VastErrorCode.XML_PARSE_ERROR, `Not well-formed XML: ${String(cause)}`, { cause });
  }
  const root = nodes.find((node) => nameOf(node) === 'VAST');
  if (root === undefined) {
    throw new VastError(VastErrorCode.XML_PARSE_ERROR, 'Not well-formed XML: no <VAST> element found');
  }
  return buildDocument(root, new ParseContext(options.strict ?? false, scanned));
}
