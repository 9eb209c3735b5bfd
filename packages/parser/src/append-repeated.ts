import type { ParseContext } from './parse-context.js';

/**
 * Adds the items of a repeated element (a second `<TrackingEvents>`, `<Extensions>`...) that
 * the schema allows only once to those of the first, and reports the repetition: nothing is
 * dropped, and strict parsing refuses it (101).
 *
 * @param previous - the items read so far (from the first occurrences)
 * @param next - the items of this occurrence
 * @param occurrence - how many occurrences came before this one (0 for the first)
 * @param path - the path of this occurrence
 * @param name - the element's name, for the message
 * @param ctx - the parse
 * @internal
 */
export function appendRepeated<T>(
  previous: readonly T[],
  next: readonly T[],
  occurrence: number,
  path: string,
  name: string,
  ctx: ParseContext,
): readonly T[] {
  if (occurrence === 0) return next;
  ctx.problem(path, `${name} appears more than once; the contents are merged`);
  return Object.freeze([...previous, ...next]);
}

/** The path of the `occurrence`-th (0-based) element `name` under `parent`: no index for the first. @internal */
export function repeatedPath(parent: string, name: string, occurrence: number): string {
  return occurrence === 0 ? `${parent}/${name}` : `${parent}/${name}[${occurrence}]`;
}
