import { VastError } from './vast-error.js';
import { VastErrorCode } from '@vast/error-codes';
import type { VastWarning } from './vast-warning.js';

/** A document's text, with the warning of a lenient decode if there was one. @internal */
export interface DecodedXml {
  readonly text: string;
  readonly warning?: VastWarning;
}

/** `<?xml` as bytes: the only way an XML declaration can start in an ASCII-compatible encoding. */
const DECLARATION_START = [0x3c, 0x3f, 0x78, 0x6d, 0x6c];
/** How far to look for the end of the declaration (`?>`). */
const DECLARATION_LIMIT = 256;
const ENCODING = /\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

function startsWithDeclaration(bytes: Uint8Array): boolean {
  for (let i = 0; i < DECLARATION_START.length; i++) if (bytes[i] !== DECLARATION_START[i]) return false;
  return true;
}

/** The encoding the XML declaration names, or `undefined` when there is no declaration or no name. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (!startsWithDeclaration(bytes)) return undefined;
  const limit = Math.min(bytes.length, DECLARATION_LIMIT);
  let declaration = '';
  for (let i = 0; i < limit; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x3e) break; // >
    declaration += String.fromCharCode(byte);
  }
  return ENCODING.exec(declaration)?.[1];
}

/**
 * The encoding of XML bytes (XML 1.0, 4.3.3 and appendix F): a byte order mark first, then the
 * layout of `<` in UTF-16 without a mark, then the encoding the declaration names, else UTF-8.
 */
function encodingOf(bytes: Uint8Array): { label: string; declared: boolean } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { label: 'utf-8', declared: false };
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) return { label: 'utf-16le', declared: false };
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) return { label: 'utf-16be', declared: false };
  const declared = declaredEncoding(bytes);
  return declared === undefined ? { label: 'utf-8', declared: false } : { label: declared, declared: true };
}

/**
 * Bytes 0x80 to 0x9F in windows-1252 (which the WHATWG labels `iso-8859-1` and `latin1` also
 * name), as characters; undefined bytes stay as they are. Some Node versions (20) decode these
 * bytes as the C1 controls of ISO-8859-1 instead: the text is fixed up after decoding.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const HAS_C1 = /[\u0080-\u009f]/;

function windows1252(text: string): string {
  if (!HAS_C1.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

function decoder(label: string, fatal: boolean): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(label, { fatal });
  } catch (cause) {
    throw new VastError(VastErrorCode.XML_PARSE_ERROR, `The document's encoding "${label}" is not supported`, { cause });
  }
}

/**
 * Decodes the bytes of an XML document in the encoding they declare (any encoding the platform's
 * `TextDecoder` knows: ISO-8859-1 and windows-1252, Shift_JIS, UTF-16...), UTF-8 when they
 * declare none. Bytes that are not valid in that encoding are refused (strict), or decoded with
 * U+FFFD in their place and reported (lenient). A declaration of UTF-16 in bytes laid out one
 * byte per character is read as UTF-8, and reported.
 *
 * @throws {@link VastError} 100 when the encoding is not supported, or (strict) the bytes are
 * not valid in it
 * @internal
 */
export function decodeXmlBytes(bytes: Uint8Array, strict: boolean): DecodedXml {
  const { label, declared } = encodingOf(bytes);
  let use = decoder(label, true);
  let problem: string | undefined;
  if (declared && use.encoding.startsWith('utf-16')) {
    problem = `The document declares ${label} but is written one byte per character: read as UTF-8`;
    use = decoder('utf-8', true);
  }
  let text: string;
  try {
    text = use.decode(bytes);
  } catch (cause) {
    const message = `The document has bytes that are not valid ${use.encoding}`;
    if (strict) throw new VastError(VastErrorCode.XML_PARSE_ERROR, message, { cause });
    problem = `${message}: each was read as U+FFFD`;
    text = decoder(use.encoding, false).decode(bytes);
  }
  if (use.encoding === 'windows-1252') text = windows1252(text);
  if (problem !== undefined && strict) throw new VastError(VastErrorCode.XML_PARSE_ERROR, problem);
  return problem === undefined
    ? { text }
    : { text, warning: Object.freeze({ code: VastErrorCode.XML_PARSE_ERROR, path: 'VAST', message: problem }) };
}
