const NAMED: Readonly<Record<string, string>> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };

/** Decodes the XML named entities and numeric character references of a text. @internal */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Where the comment, processing instruction or CDATA section opened at `at` ends (past its close). */
function sectionEnd(raw: string, at: number, close: string): number {
  const end = raw.indexOf(close, at);
  return end < 0 ? raw.length : end + close.length;
}

/**
 * The text value of raw element content (as the scan set it aside): CDATA sections taken as they
 * are, comments and processing instructions left out, other text with its entities decoded;
 * whitespace-only text between CDATA sections dropped; trimmed when there is no CDATA at all.
 * Markup outside CDATA is kept as written (its entities decoded).
 * @internal
 */
export function unescapeRaw(raw: string): string {
  let open = raw.indexOf('<');
  if (open < 0) return decodeEntities(raw.trim());
  let text = '';
  let pending = ''; // text outside CDATA since the last section (comments taken out)
  let from = 0;
  let sawCdata = false;
  while (open >= 0) {
    if (raw.startsWith('<![CDATA[', open)) {
      pending += raw.slice(from, open);
      if (pending.trim() !== '') text += decodeEntities(pending);
      pending = '';
      const end = raw.indexOf(']]>', open + 9);
      const stop = end < 0 ? raw.length : end;
      text += raw.slice(open + 9, stop);
      from = stop + 3;
      sawCdata = true;
    } else if (raw.startsWith('<!--', open)) {
      pending += raw.slice(from, open);
      from = sectionEnd(raw, open + 4, '-->');
    } else if (raw.startsWith('<?', open)) {
      pending += raw.slice(from, open);
      from = sectionEnd(raw, open + 2, '?>');
    } else {
      open = raw.indexOf('<', open + 1);
      continue;
    }
    open = raw.indexOf('<', from);
  }
  pending += raw.slice(from);
  if (!sawCdata) return decodeEntities(pending.trim());
  if (pending.trim() !== '') text += decodeEntities(pending);
  return text;
}

/**
 * Whether raw content holds element markup outside CDATA and comments (`<div ...>`), rather than
 * escaped text or CDATA.
 */
function hasElementMarkup(raw: string): boolean {
  let open = raw.indexOf('<');
  while (open >= 0) {
    const next = raw.charCodeAt(open + 1);
    if (raw.startsWith('<![CDATA[', open)) open = sectionEnd(raw, open + 9, ']]>');
    else if (raw.startsWith('<!--', open)) open = sectionEnd(raw, open + 4, '-->');
    else if (next === 47 || next === 95 || next === 58 || (next | 32) >= 97 && (next | 32) <= 122 || next > 127) return true;
    else open += 1;
    open = raw.indexOf('<', open);
  }
  return false;
}

/**
 * The value of opaque content (HTMLResource, AdParameters, VerificationParameters), trimmed:
 * content written as markup without CDATA is kept exactly as written, entities and all (decoding
 * `&quot;` inside `title="..."` would break the markup); escaped text and CDATA are read as
 * {@link unescapeRaw} does.
 * @internal
 */
export function opaqueText(raw: string): string {
  return hasElementMarkup(raw) ? raw.trim() : unescapeRaw(raw).trim();
}
