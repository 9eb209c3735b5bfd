import { onlySpace } from './only-space.js';

/**
 * If the element whose content starts at `from` holds only text, CDATA, comments and processing
 * instructions (no element), where its closing tag `</name>` starts; otherwise -1 (the caller's
 * normal path then checks, and reports, whatever is there). A leaf's text is read from its raw
 * content, so a comment inside it does not split the text (and its whitespace) into pieces.
 * @internal
 */
export function leafContentEnd(xml: string, name: string, from: number): number {
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
