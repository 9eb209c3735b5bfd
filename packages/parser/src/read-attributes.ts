import type { ParseContext } from './parse-context.js';
import { parseTime } from './parse-time.js';
import type { Attrs, Mutable } from './xml-nodes.js';

/**
 * How an attribute reads: `text` (an empty one is left out), a non-negative `integer`
 * (`xs:integer`) or `decimal` (`xs:decimal`), a `boolean`, or a `time` (`HH:MM:SS.mmm`, in seconds).
 * @internal
 */
type AttributeKind = 'text' | 'integer' | 'decimal' | 'boolean' | 'time';

/** The kinds a field of type `V` can be read as. */
type KindOf<V> = V extends number ? 'integer' | 'decimal' | 'time' : V extends boolean ? 'boolean' : V extends string ? 'text' : never;

/**
 * The attributes of a model type `T` read as they are named (the attribute `width` into the
 * field `width`), each with its kind, in the order they go into the model.
 * @internal
 */
export type AttributeSchema<T> = { readonly [K in keyof T]?: KindOf<NonNullable<T[K]>> };

/** An {@link AttributeSchema} as a list, ready for {@link readAttributes}. @internal */
export type AttributeList<T> = readonly (readonly [keyof T & string, AttributeKind])[];

/** The list of a schema, made once per model type. @internal */
export function attributeList<T>(schema: AttributeSchema<T>): AttributeList<T> {
  return Object.freeze(Object.entries(schema) as [keyof T & string, AttributeKind][]);
}

function readValue(
  kind: AttributeKind,
  value: string | undefined,
  path: string,
  name: string,
  ctx: ParseContext,
): string | number | boolean | undefined {
  switch (kind) {
    case 'text':
      return value === undefined || value === '' ? undefined : value;
    case 'integer':
      return ctx.integer(value, path, name);
    case 'decimal':
      return ctx.decimal(value, path, name);
    case 'boolean':
      return ctx.boolean(value, path, name);
    case 'time': {
      if (value === undefined || value === '') return undefined;
      const seconds = parseTime(value);
      if (seconds === undefined) ctx.problem(path, `${name} is not a time: "${value}"`);
      return seconds;
    }
  }
}

/**
 * Reads the attributes `list` names from `attrs` into `target`, in the list's order. A value
 * that does not read as its kind is reported (see {@link ParseContext.problem}) and left out.
 * @internal
 */
export function readAttributes<T>(
  target: Mutable<T>,
  attrs: Attrs,
  list: AttributeList<T>,
  path: string,
  ctx: ParseContext,
): void {
  for (const [name, kind] of list) {
    const value = readValue(kind, attrs[name], path, name, ctx);
    if (value !== undefined) (target as Record<string, unknown>)[name] = value;
  }
}
