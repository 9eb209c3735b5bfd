import type { ParseContext } from './parse-context.js';
import type { XNode } from './xml-nodes.js';

/**
 * The click elements of a Companion, a NonLinear or an Icon (`CompanionClickThrough`...), and
 * how one click-tracking element reads (a URL with an id, or a bare URL).
 * @internal
 */
export interface ClickElements<T> {
  /** The element holding the click-through URL. */
  readonly through: string;
  /** The element holding one click-tracking URL. */
  readonly tracking: string;
  /** One click tracking, or `undefined` when it is empty. */
  readonly read: (node: XNode, ctx: ParseContext) => T | undefined;
}

/** Where the clicks of one element go while it is read. @internal */
export interface ClickSink<T> {
  /** Gets `clickThrough`, in document order among its other fields (the last one wins). */
  readonly owner: { clickThrough?: string };
  readonly trackings: T[];
}

/**
 * Reads `child` into `sink` when it is one of the `elements` (an empty URL is left out).
 * @returns `false` when `name` is neither, for the caller to read the element itself
 * @internal
 */
export function readClick<T>(child: XNode, name: string, elements: ClickElements<T>, sink: ClickSink<T>, ctx: ParseContext): boolean {
  if (name === elements.through) {
    const url = ctx.text(child);
    if (url !== '') sink.owner.clickThrough = url;
    return true;
  }
  if (name === elements.tracking) {
    const tracking = elements.read(child, ctx);
    if (tracking !== undefined) sink.trackings.push(tracking);
    return true;
  }
  return false;
}
