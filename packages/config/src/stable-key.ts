const MAX_DEPTH = 64;

/** Quotes a string unambiguously; JSON escaping only when it holds a quote or a backslash. */
function quote(text: string): string {
  return text.includes('"') || text.includes('\\') ? JSON.stringify(text) : `"${text}"`;
}

function objectKey(record: Record<string, unknown>, keys: Iterable<string>, depth: number): string | undefined {
  let out = '{';
  for (const key of keys) {
    const child = record[key];
    if (child === undefined) continue;
    const part = stableKey(child, depth + 1);
    if (part === undefined) return undefined;
    out += `${quote(key)}:${part},`;
  }
  return `${out}}`;
}

/**
 * A deterministic text key for a plain data value: object keys sorted, `undefined` fields left
 * out (as a merge ignores them), so two equal override objects written in a different key order
 * give the same key; a string and a number that print alike give different keys. Returns
 * `undefined` for values nested deeper than 64 levels (or cyclic). Built for speed, as it runs on
 * every resolve whose overrides object is new: keys already in order (the usual case) are not
 * sorted.
 */
export function stableKey(value: unknown, depth = 0): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return `#${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'object': {
      if (value === null) return 'N';
      if (depth > MAX_DEPTH) return undefined;
      if (Array.isArray(value)) {
        let out = '[';
        for (const item of value as unknown[]) {
          const part = stableKey(item, depth + 1);
          if (part === undefined) return undefined;
          out += `${part},`;
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // Keys already in order (the usual case) are not sorted.
      let previous = '';
      for (const key in record) {
        if (key < previous) return objectKey(record, Object.keys(record).sort(), depth);
        previous = key;
      }
      return objectKey(record, Object.keys(record), depth);
    }
    default:
      return `${typeof value}:${String(value)}`;
  }
}
