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

/**
 * The text value of raw element content (what a stop node holds): CDATA sections taken as they
 * are, other text with its entities decoded, whitespace between sections dropped; trimmed when
 * there is no CDATA at all. Markup outside CDATA is kept as written.
 * @internal
 */
export function unescapeRaw(raw: string): string {
  let start = raw.indexOf('<![CDATA[');
  if (start < 0) return decodeEntities(raw.trim());
  let text = '';
  let from = 0;
  while (start >= 0) {
    const outside = raw.slice(from, start);
    if (outside.trim() !== '') text += decodeEntities(outside);
    const end = raw.indexOf(']]>', start + 9);
    const stop = end < 0 ? raw.length : end;
    text += raw.slice(start + 9, stop);
    from = stop + 3;
    start = raw.indexOf('<![CDATA[', from);
  }
  const rest = raw.slice(from);
  if (rest.trim() !== '') text += decodeEntities(rest);
  return text;
}
