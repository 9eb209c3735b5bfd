import { buildAdParameters } from './build-ad-parameters.js';
import { buildResource } from './build-resource.js';
import { appendRepeated, repeatedPath } from './append-repeated.js';
import { buildTrackingEvents } from './build-tracking-events.js';
import { buildUrlWithId } from './build-url-with-id.js';
import type { Companion, CompanionCreative, CreativeBase } from './creative.js';
import type { ParseContext } from './parse-context.js';
import type { Resource } from './resource.js';
import type { TrackingEvent } from './tracking-event.js';
import type { UrlWithId } from './url-with-id.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]);

function buildCompanion(node: XNode, path: string, ctx: ParseContext): Companion {
  const resources: Resource[] = [];
  const clickTrackings: UrlWithId[] = [];
  const companion: Mutable<Companion> = { resources, clickTrackings, trackingEvents: NO_EVENTS };
  let trackingBlocks = 0;
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
        companion.adParameters = buildAdParameters(child, `${path}/AdParameters`, ctx);
        break;
      case 'AltText': {
        const text = ctx.text(child);
        if (text !== '') companion.altText = text;
        break;
      }
      case 'CompanionClickThrough': {
        const url = ctx.text(child);
        if (url !== '') companion.clickThrough = url;
        break;
      }
      case 'CompanionClickTracking': {
        const url = buildUrlWithId(child, ctx);
        if (url !== undefined) clickTrackings.push(url);
        break;
      }
      case 'TrackingEvents': {
        const here = repeatedPath(path, 'TrackingEvents', trackingBlocks);
        const events = buildTrackingEvents(childrenOf(child), here, ctx);
        companion.trackingEvents = appendRepeated(companion.trackingEvents, events, trackingBlocks++, here, 'TrackingEvents', ctx);
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
    const { id, apiFramework, renderingMode } = attrs;
    // VAST 3.0, 4.1 and 4.2 spell it adSlotId, VAST 4.0 adSlotID.
    const adSlotId = attrs['adSlotId'] || attrs['adSlotID'];
    if (id) companion.id = id;
    let n = ctx.integer(attrs['width'], path, 'width');
    if (n !== undefined) companion.width = n;
    n = ctx.integer(attrs['height'], path, 'height');
    if (n !== undefined) companion.height = n;
    n = ctx.integer(attrs['assetWidth'], path, 'assetWidth');
    if (n !== undefined) companion.assetWidth = n;
    n = ctx.integer(attrs['assetHeight'], path, 'assetHeight');
    if (n !== undefined) companion.assetHeight = n;
    n = ctx.integer(attrs['expandedWidth'], path, 'expandedWidth');
    if (n !== undefined) companion.expandedWidth = n;
    n = ctx.integer(attrs['expandedHeight'], path, 'expandedHeight');
    if (n !== undefined) companion.expandedHeight = n;
    if (apiFramework) companion.apiFramework = apiFramework;
    if (adSlotId) companion.adSlotId = adSlotId;
    n = ctx.decimal(attrs['pxratio'], path, 'pxratio');
    if (n !== undefined) companion.pxratio = n;
    if (renderingMode) companion.renderingMode = renderingMode;
  }
  return Object.freeze(companion);
}

/**
 * Builds a `<CompanionAds>` creative.
 * @internal
 */
export function buildCompanionAds(node: XNode, base: CreativeBase, path: string, ctx: ParseContext): CompanionCreative {
  const companions: Companion[] = [];
  let index = 0;
  for (const child of childrenOf(node)) {
    if (nameOf(child) === 'Companion') companions.push(buildCompanion(child, `${path}/Companion[${index++}]`, ctx));
  }
  const creative: Mutable<CompanionCreative> = { ...base, type: 'companion', companions: Object.freeze(companions) };
  const required = ctx.attrs(node)?.['required'];
  if (required) creative.required = required;
  return Object.freeze(creative);
}
