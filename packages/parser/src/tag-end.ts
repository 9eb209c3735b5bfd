import { notXml } from './not-xml.js';
import { isSpace } from './only-space.js';

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
 * @internal
 */
export function tagEnd(xml: string, from: number): number {
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
