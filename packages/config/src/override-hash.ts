const MAX_DEPTH = 64;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, FNV_PRIME);
}

function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = mix(hash, text.charCodeAt(i));
  return hash;
}

function hashNumber(value: number): number {
  return mix(mix(0x4e, value | 0), (value * 0x10000) | 0);
}

/**
 * A 32-bit hash of a plain data value, computed without building a string: object keys are
 * combined in any order (so `{ a, b }` and `{ b, a }` hash alike), `undefined` fields are left
 * out (a merge ignores them), arrays are hashed in order. Equal values hash alike; different ones
 * may collide, so a hit must be confirmed with {@link sameOverrides}. Returns `undefined` for
 * values nested deeper than 64 levels (or cyclic).
 */
export function hashOverrides(value: unknown, depth = 0): number | undefined {
  switch (typeof value) {
    case 'string':
      return hashString(value);
    case 'number':
      return hashNumber(value);
    case 'boolean':
      return value ? 0x7a : 0x7b;
    case 'object': {
      if (value === null) return 0x7c;
      if (depth > MAX_DEPTH) return undefined;
      if (Array.isArray(value)) {
        let hash = mix(FNV_OFFSET, 0x5b);
        for (const item of value as unknown[]) {
          const part = hashOverrides(item, depth + 1);
          if (part === undefined) return undefined;
          hash = mix(hash, part);
        }
        return hash;
      }
      let sum = 0x7b7d;
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        if (child === undefined) continue;
        const part = hashOverrides(child, depth + 1);
        if (part === undefined) return undefined;
        sum = (sum + mix(hashString(key), part)) | 0;
      }
      return sum;
    }
    default:
      return typeof value === 'undefined' ? 0x7d : 0x7e;
  }
}

/** Plain objects (with or without a prototype) are one kind; any other object is its own. */
function kindOf(value: object): unknown {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null ? Object.prototype : proto;
}

/**
 * Whether two plain data values are equal as overrides: same primitives, arrays equal item by
 * item, objects of the same kind (plain objects with or without a prototype alike) with the same defined fields (in any order).
 */
export function sameOverrides(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (kindOf(a) !== kindOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOverrides(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    if (!sameOverrides(left[key], right[key])) return false;
    count++;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}
