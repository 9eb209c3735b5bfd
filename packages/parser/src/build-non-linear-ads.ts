import { buildAdParameters } from './build-ad-parameters.js';
import { buildResource } from './build-resource.js';
import { appendRepeated, repeatedPath } from './append-repeated.js';
import { buildTrackingEvents } from './build-tracking-events.js';
import { buildUrlWithId } from './build-url-with-id.js';
import type { CreativeBase, NonLinear, NonLinearCreative } from './creative.js';
import type { ParseContext } from './parse-context.js';
import { parseTime } from './parse-time.js';
import type { Resource } from './resource.js';
import type { TrackingEvent } from './tracking-event.js';
import type { UrlWithId } from './url-with-id.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]);

function buildNonLinear(node: XNode, path: string, ctx: ParseContext): NonLinear {
  const resources: Resource[] = [];
  const clickTrackings: UrlWithId[] = [];
  const nonLinear: Mutable<NonLinear> = { resources, clickTrackings };
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    switch (name) {
      case 'StaticResource':
      case 'IFrameResource':
      case 'HTMLResource': {
        const resource = buildResource(child, name, ctx);
        if (resource !== undefined) resources.push(resource);
        break;
      }
      case 'AdParameters':
        nonLinear.adParameters = buildAdParameters(child, `${path}/AdParameters`, ctx);
        break;
      case 'NonLinearClickThrough': {
        const url = ctx.text(child);
        if (url !== '') nonLinear.clickThrough = url;
        break;
      }
      case 'NonLinearClickTracking': {
        const url = buildUrlWithId(child, ctx);
        if (url !== undefined) clickTrackings.push(url);
        break;
      }
      default:
        break;
    }
  }
  Object.freeze(resources);
  Object.freeze(clickTrackings);
  const attrs = ctx.attrs(node);
  if (attrs !== undefined) {
    const { id, apiFramework, minSuggestedDuration } = attrs;
    if (id) nonLinear.id = id;
    let n = ctx.integer(attrs['width'], path, 'width');
    if (n !== undefined) nonLinear.width = n;
    n = ctx.integer(attrs['height'], path, 'height');
    if (n !== undefined) nonLinear.height = n;
    n = ctx.integer(attrs['expandedWidth'], path, 'expandedWidth');
    if (n !== undefined) nonLinear.expandedWidth = n;
    n = ctx.integer(attrs['expandedHeight'], path, 'expandedHeight');
    if (n !== undefined) nonLinear.expandedHeight = n;
    let b = ctx.boolean(attrs['scalable'], path, 'scalable');
    if (b !== undefined) nonLinear.scalable = b;
    b = ctx.boolean(attrs['maintainAspectRatio'], path, 'maintainAspectRatio');
    if (b !== undefined) nonLinear.maintainAspectRatio = b;
    if (minSuggestedDuration) {
      const seconds = parseTime(minSuggestedDuration);
      if (seconds === undefined) ctx.problem(path, `minSuggestedDuration is not a time: "${minSuggestedDuration}"`);
      else nonLinear.minSuggestedDuration = seconds;
    }
    if (apiFramework) nonLinear.apiFramework = apiFramework;
  }
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
    else if (name === 'TrackingEvents') {
      const here = repeatedPath(path, 'TrackingEvents', trackingBlocks);
      const events = buildTrackingEvents(childrenOf(child), here, ctx);
      trackingEvents = appendRepeated(trackingEvents, events, trackingBlocks++, here, 'TrackingEvents', ctx);
    }
  }
  return Object.freeze({ ...base, type: 'nonlinear', nonLinears: Object.freeze(nonLinears), trackingEvents });
}
