import { buildAdParameters } from './build-ad-parameters.js';
import { readResource } from './read-resource.js';
import { appendTrackingEvents } from './build-tracking-events.js';
import { buildUrlWithId } from './build-url-with-id.js';
import type { CreativeBase, NonLinear, NonLinearCreative } from './creative.js';
import type { ParseContext } from './parse-context.js';
import { type AttributeList, attributeList, readAttributes } from './read-attributes.js';
import { type ClickElements, readClick } from './read-click.js';
import type { Resource } from './resource.js';
import type { TrackingEvent } from './tracking-event.js';
import type { UrlWithId } from './url-with-id.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]);

const CLICKS: ClickElements<UrlWithId> = Object.freeze({
  through: 'NonLinearClickThrough',
  tracking: 'NonLinearClickTracking',
  read: buildUrlWithId,
});

const ATTRIBUTES: AttributeList<NonLinear> = attributeList<NonLinear>({
  id: 'text',
  width: 'integer',
  height: 'integer',
  expandedWidth: 'integer',
  expandedHeight: 'integer',
  scalable: 'boolean',
  maintainAspectRatio: 'boolean',
  minSuggestedDuration: 'time',
  apiFramework: 'text',
});

function buildNonLinear(node: XNode, path: string, ctx: ParseContext): NonLinear {
  const resources: Resource[] = [];
  const clickTrackings: UrlWithId[] = [];
  const nonLinear: Mutable<NonLinear> = { resources, clickTrackings };
  const clicks = { owner: nonLinear, trackings: clickTrackings };
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (readResource(child, name, resources, ctx) || readClick(child, name, CLICKS, clicks, ctx)) continue;
    if (name === 'AdParameters') nonLinear.adParameters = buildAdParameters(child, `${path}/AdParameters`, ctx);
  }
  Object.freeze(resources);
  Object.freeze(clickTrackings);
  const attrs = ctx.attrs(node);
  if (attrs !== undefined) readAttributes(nonLinear, attrs, ATTRIBUTES, path, ctx);
  return Object.freeze(nonLinear);
}

/**
 * Builds a `<NonLinearAds>` creative: its NonLinear elements and shared tracking.
 * @internal
 */
export function buildNonLinearAds(node: XNode, base: CreativeBase, path: string, ctx: ParseContext): NonLinearCreative {
  const nonLinears: NonLinear[] = [];
  let trackingEvents = NO_EVENTS;
  let trackingBlocks = 0;
  let index = 0;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (name === 'NonLinear') nonLinears.push(buildNonLinear(child, `${path}/NonLinear[${index++}]`, ctx));
    else if (name === 'TrackingEvents') trackingEvents = appendTrackingEvents(trackingEvents, child, path, trackingBlocks++, ctx);
  }
  return Object.freeze({ ...base, type: 'nonlinear', nonLinears: Object.freeze(nonLinears), trackingEvents });
}
