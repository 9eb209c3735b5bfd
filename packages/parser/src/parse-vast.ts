import { buildDocument } from './build-document.js';
import { checkWellFormed } from './check-well-formed.js';
import { decodeXmlBytes } from './decode-xml-bytes.js';
import { ParseContext } from './parse-context.js';
import type { ParseVastOptions } from './parse-vast-options.js';
import type { VastDocument } from './vast-document.js';
import { VastError } from './vast-error.js';
import { VastErrorCode } from '@vast/error-codes';
import type { VastWarning } from './vast-warning.js';
import { type XNode, VAST_XML_PARSER, nameOf } from './xml-nodes.js';
import { ParserError } from './parser-error.js';

const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_DEPTH = 64;
const MAX_MAX_DEPTH = 1024;
const DEFAULT_MAX_ADS = 32;

/** An option that must be an integer from `min` to `max`; a caller bug otherwise, named. */
function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ParserError('INVALID_PARSER_OPTIONS', `parseVast: options.${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

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
 * Bytes are decoded in the encoding the document declares (a byte order mark, or the
 * `encoding` of its XML declaration: UTF-8, UTF-16, ISO-8859-1, windows-1252, Shift_JIS... any
 * encoding `TextDecoder` knows), UTF-8 when it declares none. A string is taken as it is.
 *
 * @param xml - the document, as text or as bytes
 * @param options - strictness and the limits on size, depth and number of ads
 * @returns the document model, with the warnings of lenient parsing
 * @throws {@link VastError} 100 when the input is larger than `maxBytes`, not well-formed XML,
 * truncated, nested deeper than `maxDepth`, declares a DOCTYPE or an entity (refused before
 * parsing), or is in an encoding `TextDecoder` does not know; in strict mode also for an
 * attribute that is not well-formed or bytes that are not valid in the document's encoding
 * @throws {@link VastError} 101 when the root is not `<VAST>`, or in strict mode when a required
 * element is missing, a value unparseable or the document has more than `maxAds` ads (the
 * error's `path` names the element)
 * @throws {@link VastError} 102 for VAST 1.0 (`<VideoAdServingTemplate>`) or a version below 2.0
 * @throws `ParserError` `INVALID_PARSER_OPTIONS` when `options.maxBytes` is negative, NaN or
 * infinite, or `maxDepth` or `maxAds` is not an integer in its range (a caller bug, named)
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
  if (!(maxBytes >= 0) || !Number.isFinite(maxBytes)) {
    throw new ParserError('INVALID_PARSER_OPTIONS', `parseVast: options.maxBytes must be a finite number of bytes, got ${String(maxBytes)}`);
  }
  const maxDepth = checkInteger('maxDepth', options.maxDepth ?? DEFAULT_MAX_DEPTH, 1, MAX_MAX_DEPTH);
  const maxAds = checkInteger('maxAds', options.maxAds ?? DEFAULT_MAX_ADS, 1, Number.MAX_SAFE_INTEGER);
  const strict = options.strict ?? false;
  let text: string;
  let decodeWarning: VastWarning | undefined;
  if (typeof xml === 'string') {
    if (utf8LengthOver(xml, maxBytes)) throw tooLarge(maxBytes);
    text = xml;
  } else {
    if (xml.byteLength > maxBytes) throw tooLarge(maxBytes);
    ({ text, warning: decodeWarning } = decodeXmlBytes(xml, strict));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const scanned = checkWellFormed(text, { strict, maxDepth });
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
  const warnings = scanned.warnings;
  if (decodeWarning !== undefined) warnings.unshift(decodeWarning);
  return buildDocument(root, new ParseContext(strict, scanned, warnings), maxAds);
}
