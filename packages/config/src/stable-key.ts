const MAX_DEPTH = 64;

/**
 * A deterministic text key for a plain data value: object keys sorted, `undefined` fields left
 * out (as a merge ignores them), so two equal override objects written in a different key order
 * give the same key. Returns `undefined` for values nested deeper than 64 levels (or cyclic).
 */
export function stableKey(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  }
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (const item of value as unknown[]) {
      const part = stableKey(item, depth + 1);
      if (part === undefined) return undefined;
      out += `${part},`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  out = '{';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    const part = stableKey(record[key], depth + 1);
    if (part === undefined) return undefined;
    out += `${JSON.stringify(key)}:${part},`;
  }
  return `${out}}`;
}
