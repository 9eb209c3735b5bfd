import { appendRepeated, repeatedPath } from './append-repeated.js';
import type { ParseContext } from './parse-context.js';
import { parseOffset } from './parse-time.js';
import type { TrackingEvent } from './tracking-event.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

/**
 * Builds the `<Tracking>` children of a `<TrackingEvents>` element. A Tracking without an event
 * or URL, or a progress event with an unreadable offset, is reported and left out.
 * @internal
 */
export function buildTrackingEvents(
  children: readonly XNode[],
  path: string,
  ctx: ParseContext,
): readonly TrackingEvent[] {
  const events: TrackingEvent[] = [];
  let index = 0;
  for (const child of children) {
    if (nameOf(child) !== 'Tracking') continue;
    const here = `${path}/Tracking[${index++}]`;
    const attrs = ctx.attrs(child);
    const event = attrs?.['event'];
    const url = ctx.text(child);
    if (event === undefined || event === '') {
      ctx.problem(here, 'Tracking has no event attribute');
      continue;
    }
    if (url === '') continue;
    const tracking: Mutable<TrackingEvent> = { event, url };
    const offset = attrs?.['offset'];
    if (offset !== undefined && offset !== '') {
      const parsed = parseOffset(offset);
      if (parsed === undefined) {
        ctx.problem(here, `offset is not a time or a percentage: "${offset}"`);
        if (event === 'progress') continue;
      } else {
        tracking.offset = parsed;
      }
    } else if (event === 'progress') {
      ctx.problem(here, 'progress Tracking has no offset');
      continue;
    }
    events.push(Object.freeze(tracking));
  }
  return Object.freeze(events);
}

/**
 * The events of the `occurrence`-th (0-based) `<TrackingEvents>` element `node` of the element
 * at `path`, added to those read before: a repeated TrackingEvents is merged and reported (see
 * {@link appendRepeated}).
 * @internal
 */
export function appendTrackingEvents(
  previous: readonly TrackingEvent[],
  node: XNode,
  path: string,
  occurrence: number,
  ctx: ParseContext,
): readonly TrackingEvent[] {
  const here = repeatedPath(path, 'TrackingEvents', occurrence);
  const events = buildTrackingEvents(childrenOf(node), here, ctx);
  return appendRepeated(previous, events, occurrence, here, 'TrackingEvents', ctx);
}
