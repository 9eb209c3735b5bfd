import { VastError } from './vast-error.js';
import { VastErrorCode } from './vast-error-code.js';
import type { VastWarning } from './vast-warning.js';

function notXml(message: string): VastError {
  return new VastError(VastErrorCode.XML_PARSE_ERROR, `Not well-formed XML: ${message}`);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

// Where the attribute text of a start tag stands (see tagEnd).
const NEED_SPACE = 0; // after the name or a value: a space, `/` or `>` comes next
const NEXT = 1; // after a space: a name, `/` or `>`
const IN_NAME = 2;
const AFTER_NAME = 3; // a space after a name: `=` comes next
const AFTER_EQUALS = 4; // a quote comes next

/**
 * Where the `>` of the tag whose attribute text starts at `from` is, skipping quoted attribute
 * values; `~end` (negative) when the attributes are not well-formed (a value without quotes, a
 * name without a value, no space between two attributes). It reads the attribute text once, as
 * it must anyway to find the end.
 */
function tagEnd(xml: string, from: number): number {
  let state = NEED_SPACE;
  let malformed = false;
  for (let i = from; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code === 62) {
      // >
      return malformed || state >= IN_NAME ? ~i : i;
    }
    if (code === 34 || code === 39) {
      if (state !== AFTER_EQUALS) malformed = true;
      const close = xml.indexOf(code === 34 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close;
      state = NEED_SPACE;
    } else if (code === 60) {
      throw notXml(`"<" inside the tag at offset ${from - 1}`);
    } else if (isSpace(code)) {
      if (state === NEED_SPACE) state = NEXT;
      else if (state === IN_NAME) state = AFTER_NAME;
    } else if (code === 61) {
      // =
      if (state === IN_NAME || state === AFTER_NAME) state = AFTER_EQUALS;
      else malformed = true;
    } else if (code === 47 && xml.charCodeAt(i + 1) === 62) {
      // the `/` of `/>`
      if (state >= IN_NAME) malformed = true;
      state = NEED_SPACE;
    } else if (state === NEXT || state === IN_NAME) {
      state = IN_NAME;
    } else {
      malformed = true;
      // An unquoted value: read to its end so the next name starts afresh.
      if (state === AFTER_EQUALS) state = IN_NAME;
    }
  }
  throw notXml(`the tag at offset ${from - 1} is not closed (truncated?)`);
}

/**
 * Element names fast-xml-parser refuses (they could reach `Object.prototype`): the scan renames
 * them with a mark so a document that holds one still parses.
 */
function isReservedName(name: string): boolean {
  return name === 'constructor' || name === 'prototype' || name === '__proto__';
}

/** Elements whose content is opaque to the model: set aside exactly as written, never compacted. */
const OPAQUE = new Set(['Extension', 'CreativeExtension', 'AdParameters', 'VerificationParameters', 'HTMLResource']);

/**
 * If the element whose content starts at `from` holds only text, CDATA, comments and processing
 * instructions (no element), where its closing tag `</name>` starts; otherwise -1 (the caller's
 * normal path then checks, and reports, whatever is there). A leaf's text is read from its raw
 * content, so a comment inside it does not split the text (and its whitespace) into pieces.
 */
function leafContentEnd(xml: string, name: string, from: number): number {
  let position = from;
  for (;;) {
    const open = xml.indexOf('<', position);
    if (open < 0) return -1;
    const next = xml.charCodeAt(open + 1);
    if (next === 47) {
      if (!xml.startsWith(name, open + 2)) return -1;
      const close = xml.indexOf('>', open + 2 + name.length);
      return close >= 0 && onlySpace(xml, open + 2 + name.length, close) ? open : -1;
    }
    let end: number;
    if (next === 33 && xml.startsWith('[CDATA[', open + 2)) end = xml.indexOf(']]>', open + 9) + 3;
    else if (next === 33 && xml.startsWith('--', open + 2)) end = xml.indexOf('-->', open + 4) + 3;
    else if (next === 63) end = xml.indexOf('?>', open + 2) + 2;
    else return -1;
    if (end < 3) return -1;
    position = end;
  }
}

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

/** The path of the element about to open: its ancestors and its name. */
function pathOf(stack: readonly string[], name: string): string {
  return stack.length === 0 ? name : `${stack.join('/')}/${name}`;
}

/** Separates an element's name from its mark in the compacted document (never valid in XML). @internal */
export const MARK = '\u0001';

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
  const { strict, maxDepth } = options;
  const warnings: VastWarning[] = [];
  const stack: string[] = [];
  let root: string | undefined;
  let compact = '';
  let copyFrom = 0;
  let opaqueDepth = -1;
  let opaqueMark = -1;
  let opaqueFrom = 0;
  const attributes: string[] = [];
  const raw: (string | undefined)[] = [];
  if (xml.includes(MARK)) throw notXml('control character U+0001');
  let i = xml.indexOf('<');
  if (i < 0) throw notXml('no element');
  if (!onlySpace(xml, 0, i)) throw notXml('text before the root element');
  while (i >= 0) {
    const next = xml.charCodeAt(i + 1);
    let after: number;
    if (next === 47) {
      // </name>
      const end = xml.indexOf('>', i + 2);
      if (end < 0) throw notXml(`the closing tag at offset ${i} is not closed (truncated?)`);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (open !== name) {
        throw notXml(
          open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}> at offset ${i}`,
        );
      }
      if (opaqueDepth < 0 && isReservedName(name)) {
        compact += `${xml.slice(copyFrom, i)}</${name}${MARK}>`;
        copyFrom = end + 1;
      }
      if (stack.length < opaqueDepth) {
        opaqueDepth = -1;
        raw[opaqueMark] = xml.slice(opaqueFrom, i);
        copyFrom = i;
      }
      after = end + 1;
    } else if (next === 33) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, <!ENTITY>
      if (xml.startsWith('--', i + 2)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) throw notXml(`the comment at offset ${i} is not closed (truncated?)`);
        after = end + 3;
        if (opaqueDepth < 0) {
          compact += xml.slice(copyFrom, i);
          copyFrom = after;
        }
      } else if (xml.startsWith('[CDATA[', i + 2)) {
        if (stack.length === 0) throw notXml(`CDATA outside the root element at offset ${i}`);
        const end = xml.indexOf(']]>', i + 9);
        if (end < 0) throw notXml(`the CDATA section at offset ${i} is not closed (truncated?)`);
        after = end + 3;
      } else if (/^(DOCTYPE|ENTITY)/i.test(xml.slice(i + 2, i + 9))) {
        throw new VastError(
          VastErrorCode.XML_PARSE_ERROR,
          `DOCTYPE and ENTITY declarations are refused (offset ${i})`,
        );
      } else {
        throw notXml(`unknown markup "<!" at offset ${i}`);
      }
    } else if (next === 63) {
      // <?pi ?>
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) throw notXml(`the processing instruction at offset ${i} is not closed`);
      after = end + 2;
      if (opaqueDepth < 0) {
        compact += xml.slice(copyFrom, i);
        copyFrom = after;
      }
    } else {
      // <name attributes> or <name/>
      let j = i + 1;
      while (j < xml.length) {
        const code = xml.charCodeAt(j);
        if (isSpace(code) || code === 62 || code === 47 || code === 60) break;
        j++;
      }
      if (j === i + 1) throw notXml(`"<" without a tag name at offset ${i}`);
      const name = xml.slice(i + 1, j);
      if (stack.length >= maxDepth) {
        throw notXml(`<${name}> at offset ${i} is nested deeper than ${maxDepth} elements (maxDepth)`);
      }
      let end = tagEnd(xml, j);
      if (end < 0) {
        end = ~end;
        const message = `the attributes of <${name}> at offset ${i} are not well-formed XML (a value without quotes?): ${xml.slice(j, end).trim()}`;
        if (strict) throw notXml(message);
        warnings.push(Object.freeze({ code: VastErrorCode.XML_PARSE_ERROR, path: pathOf(stack, name), message }));
      }
      const reserved = isReservedName(name);
      if (stack.length === 0) {
        if (root !== undefined) throw notXml(`a second root element <${name}> at offset ${i}`);
        root = name;
      }
      const selfClosing = xml.charCodeAt(end - 1) === 47;
      const contentEnd = selfClosing || opaqueDepth >= 0 ? -1 : leafContentEnd(xml, name, end + 1);
      if (contentEnd >= 0) {
        // A leaf (only text and CDATA inside): handed over empty, its content set aside.
        const closeEnd = xml.indexOf('>', contentEnd);
        const hasAttributes = !onlySpace(xml, j, end);
        if (hasAttributes || reserved || !onlySpace(xml, end + 1, contentEnd)) {
          const mark = attributes.length;
          attributes.push(hasAttributes ? xml.slice(j, end) : '');
          raw.push(xml.slice(end + 1, contentEnd));
          compact += `${xml.slice(copyFrom, i)}<${name}${MARK}${mark}/>`;
        } else {
          compact += `${xml.slice(copyFrom, i)}<${name}/>`;
        }
        copyFrom = closeEnd + 1;
      } else if (opaqueDepth < 0) {
        const attributesEnd = selfClosing ? end - 1 : end;
        const hasAttributes = !onlySpace(xml, j, attributesEnd);
        const opaque = OPAQUE.has(name);
        if (hasAttributes || opaque || reserved) {
          const mark = attributes.length;
          attributes.push(hasAttributes ? xml.slice(j, attributesEnd) : '');
          raw.push(opaque ? '' : undefined);
          compact += `${xml.slice(copyFrom, i)}<${name}${MARK}${mark}${selfClosing ? '/>' : '>'}`;
          copyFrom = end + 1;
          if (opaque && !selfClosing) {
            opaqueDepth = stack.length + 1;
            opaqueMark = mark;
            opaqueFrom = end + 1;
          }
        }
      }
      if (contentEnd < 0) {
        if (!selfClosing) stack.push(name);
        after = end + 1;
      } else {
        after = copyFrom;
      }
    }
    i = xml.indexOf('<', after);
    const gapEnd = i < 0 ? xml.length : i;
    if (gapEnd > after && onlySpace(xml, after, gapEnd)) {
      if (opaqueDepth < 0) {
        compact += xml.slice(copyFrom, after);
        copyFrom = gapEnd;
      }
    } else if (stack.length === 0 && gapEnd > after) {
      throw notXml(`text outside the root element at offset ${after}`);
    }
  }
  const open = stack.pop();
  if (open !== undefined) throw notXml(`<${open}> is not closed (truncated?)`);
  if (root === undefined) throw notXml('no root element');
  return { root, compact: compact + xml.slice(copyFrom), attributes, raw, warnings };
}
