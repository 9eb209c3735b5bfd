/** Whether a value is a plain object (not an array, not null). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Lays `override` over `base` and returns a new value (neither input is changed):
 * - two plain objects merge key by key (so interruption rules merge per type, and a rule's fields
 *   merge too);
 * - except tagged objects whose `kind` differs: the override replaces the base whole (a
 *   `{ kind: 'stopped' }` outcome does not inherit the `resumeAfter` of a `resumed` one);
 * - arrays, primitives and everything else replace; `undefined` in the override leaves the base.
 */
export function mergeLevels(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(override)) return override;
  if (!isPlainObject(base)) return mergeLevels({}, override);
  if ('kind' in override && 'kind' in base && override['kind'] !== base['kind']) return mergeLevels({}, override);
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(override)) {
    const value = override[key];
    if (value !== undefined) out[key] = mergeLevels(base[key], value);
  }
  return out;
}
