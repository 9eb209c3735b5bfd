import type { CheckedXml } from './check-well-formed.js';
import { leafContentEnd } from './leaf-content-end.js';
import { MARK } from './mark.js';
import { notXml } from './not-xml.js';
import { isSpace, onlySpace } from './only-space.js';
import { tagEnd } from './tag-end.js';
import { VastError } from './vast-error.js';
import { VastErrorCode } from '@vast/error-codes';
import type { VastWarning } from './vast-warning.js';

/** Elements whose content is opaque to the model: set aside exactly as written, never compacted. */
const OPAQUE = new Set(['Extension', 'CreativeExtension', 'AdParameters', 'VerificationParameters', 'HTMLResource']);

/**
 * Element names fast-xml-parser refuses (they could reach `Object.prototype`): the scan renames
 * them with a mark so a document that holds one still parses.
 */
function isReservedName(name: string): boolean {
  return name === 'constructor' || name === 'prototype' || name === '__proto__';
}

/** The path of the element about to open: its ancestors and its name. */
function pathOf(stack: readonly string[], name: string): string {
  return stack.length === 0 ? name : `${stack.join('/')}/${name}`;
}

/** Where the name of the tag starting at `from` (after its `<`) ends. */
function nameEnd(xml: string, from: number): number {
  let j = from;
  while (j < xml.length) {
    const code = xml.charCodeAt(j);
    if (isSpace(code) || code === 62 || code === 47 || code === 60) break;
    j++;
  }
  return j;
}

/**
 * One scan of a document by `checkWellFormed`, from `<` to `<`: each method reads the markup
 * that starts at offset `i` and returns where it ends. The compacted document is built by
 * copying `xml` from `copyFrom` on, up to what the scan drops or rewrites.
 * @internal
 */
export class WellFormedScan {
  readonly #warnings: VastWarning[] = [];
  /** The names of the open elements. */
  readonly #stack: string[] = [];
  readonly #attributes: string[] = [];
  readonly #raw: (string | undefined)[] = [];
  #root: string | undefined;
  #compact = '';
  #copyFrom = 0;
  /** The depth of the opaque element whose content is being set aside; -1 outside one. */
  #opaqueDepth = -1;
  #opaqueMark = -1;
  #opaqueFrom = 0;

  /**
   * @param xml - the document
   * @param strict - refuse attributes that are not well-formed instead of reporting them
   * @param maxDepth - the deepest element nesting accepted
   */
  constructor(
    private readonly xml: string,
    private readonly strict: boolean,
    private readonly maxDepth: number,
  ) {}

  /** Leaves `xml` from `from` to `to` out of the compacted document (kept inside opaque content). */
  #drop(from: number, to: number): void {
    if (this.#opaqueDepth >= 0) return;
    this.#compact += this.xml.slice(this.#copyFrom, from);
    this.#copyFrom = to;
  }

  /** `</name>`. */
  closeTag(i: number): number {
    const xml = this.xml;
    const end = xml.indexOf('>', i + 2);
    if (end < 0) throw notXml(`the closing tag at offset ${i} is not closed (truncated?)`);
    const name = xml.slice(i + 2, end).trim();
    const open = this.#stack.pop();
    if (open !== name) {
      throw notXml(open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}> at offset ${i}`);
    }
    if (this.#opaqueDepth < 0 && isReservedName(name)) {
      this.#compact += `${xml.slice(this.#copyFrom, i)}</${name}${MARK}>`;
      this.#copyFrom = end + 1;
    }
    if (this.#stack.length < this.#opaqueDepth) {
      this.#opaqueDepth = -1;
      this.#raw[this.#opaqueMark] = xml.slice(this.#opaqueFrom, i);
      this.#copyFrom = i;
    }
    return end + 1;
  }

  /** `<!-- -->` and `<![CDATA[ ]]>`; `<!DOCTYPE>`, `<!ENTITY>` and any other `<!` refused. */
  declaration(i: number): number {
    const xml = this.xml;
    if (xml.startsWith('--', i + 2)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw notXml(`the comment at offset ${i} is not closed (truncated?)`);
      this.#drop(i, end + 3);
      return end + 3;
    }
    if (xml.startsWith('[CDATA[', i + 2)) {
      if (this.#stack.length === 0) throw notXml(`CDATA outside the root element at offset ${i}`);
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) throw notXml(`the CDATA section at offset ${i} is not closed (truncated?)`);
      return end + 3;
    }
    if (/^(DOCTYPE|ENTITY)/i.test(xml.slice(i + 2, i + 9))) {
      throw new VastError(VastErrorCode.XML_PARSE_ERROR, `DOCTYPE and ENTITY declarations are refused (offset ${i})`);
    }
    throw notXml(`unknown markup "<!" at offset ${i}`);
  }

  /** `<?pi ?>`, dropped. */
  processingInstruction(i: number): number {
    const end = this.xml.indexOf('?>', i + 2);
    if (end < 0) throw notXml(`the processing instruction at offset ${i} is not closed`);
    this.#drop(i, end + 2);
    return end + 2;
  }

  /** `<name attributes>` or `<name/>`, with the content of a leaf. */
  startTag(i: number): number {
    const xml = this.xml;
    const j = nameEnd(xml, i + 1);
    if (j === i + 1) throw notXml(`"<" without a tag name at offset ${i}`);
    const name = xml.slice(i + 1, j);
    if (this.#stack.length >= this.maxDepth) {
      throw notXml(`<${name}> at offset ${i} is nested deeper than ${this.maxDepth} elements (maxDepth)`);
    }
    const end = this.#attributesEnd(name, i, j);
    if (this.#stack.length === 0) {
      if (this.#root !== undefined) throw notXml(`a second root element <${name}> at offset ${i}`);
      this.#root = name;
    }
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    const contentEnd = selfClosing || this.#opaqueDepth >= 0 ? -1 : leafContentEnd(xml, name, end + 1);
    if (contentEnd >= 0) return this.#leaf(name, i, j, end, contentEnd);
    if (this.#opaqueDepth < 0) this.#element(name, i, j, end, selfClosing);
    if (!selfClosing) this.#stack.push(name);
    return end + 1;
  }

  /** Where the start tag of `name` (at `i`, attributes from `j`) ends; bad attributes reported or refused. */
  #attributesEnd(name: string, i: number, j: number): number {
    const end = tagEnd(this.xml, j);
    if (end >= 0) return end;
    const message = `the attributes of <${name}> at offset ${i} are not well-formed XML (a value without quotes?): ${this.xml.slice(j, ~end).trim()}`;
    if (this.strict) throw notXml(message);
    this.#warnings.push(Object.freeze({ code: VastErrorCode.XML_PARSE_ERROR, path: pathOf(this.#stack, name), message }));
    return ~end;
  }

  /** A leaf (only text and CDATA inside): handed over empty, its content set aside. */
  #leaf(name: string, i: number, j: number, end: number, contentEnd: number): number {
    const xml = this.xml;
    const closeEnd = xml.indexOf('>', contentEnd);
    const hasAttributes = !onlySpace(xml, j, end);
    if (hasAttributes || isReservedName(name) || !onlySpace(xml, end + 1, contentEnd)) {
      const mark = this.#attributes.length;
      this.#attributes.push(hasAttributes ? xml.slice(j, end) : '');
      this.#raw.push(xml.slice(end + 1, contentEnd));
      this.#compact += `${xml.slice(this.#copyFrom, i)}<${name}${MARK}${mark}/>`;
    } else {
      this.#compact += `${xml.slice(this.#copyFrom, i)}<${name}/>`;
    }
    this.#copyFrom = closeEnd + 1;
    return this.#copyFrom;
  }

  /** An element with children: marked when it has attributes or opaque content, which is set aside. */
  #element(name: string, i: number, j: number, end: number, selfClosing: boolean): void {
    const xml = this.xml;
    const attributesEnd = selfClosing ? end - 1 : end;
    const hasAttributes = !onlySpace(xml, j, attributesEnd);
    const opaque = OPAQUE.has(name);
    if (!hasAttributes && !opaque && !isReservedName(name)) return;
    const mark = this.#attributes.length;
    this.#attributes.push(hasAttributes ? xml.slice(j, attributesEnd) : '');
    this.#raw.push(opaque ? '' : undefined);
    this.#compact += `${xml.slice(this.#copyFrom, i)}<${name}${MARK}${mark}${selfClosing ? '/>' : '>'}`;
    this.#copyFrom = end + 1;
    if (opaque && !selfClosing) {
      this.#opaqueDepth = this.#stack.length + 1;
      this.#opaqueMark = mark;
      this.#opaqueFrom = end + 1;
    }
  }

  /** The text between one markup's end (`after`) and the next `<` (`gapEnd`): white space dropped, text outside the root refused. */
  gap(after: number, gapEnd: number): void {
    if (gapEnd <= after) return;
    if (onlySpace(this.xml, after, gapEnd)) this.#drop(after, gapEnd);
    else if (this.#stack.length === 0) throw notXml(`text outside the root element at offset ${after}`);
  }

  /** The result, once the last markup is read: every element closed, a root found. */
  finish(): CheckedXml {
    const open = this.#stack.pop();
    if (open !== undefined) throw notXml(`<${open}> is not closed (truncated?)`);
    if (this.#root === undefined) throw notXml('no root element');
    const compact = this.#compact + this.xml.slice(this.#copyFrom);
    return { root: this.#root, compact, attributes: this.#attributes, raw: this.#raw, warnings: this.#warnings };
  }
}
