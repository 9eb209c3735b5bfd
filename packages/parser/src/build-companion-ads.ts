import { buildAdParameters } from './build-ad-parameters.js';
import { readResource } from './read-resource.js';
import { appendTrackingEvents } from './build-tracking-events.js';
import { buildUrlWithId } from './build-url-with-id.js';
import type { Companion, CompanionCreative, CreativeBase } from './creative.js';
import type { ParseContext } from './parse-context.js';
import { type AttributeList, attributeList, readAttributes } from './read-attributes.js';
import { type ClickElements, readClick } from './read-click.js';
import type { Resource } from './resource.js';
import type { TrackingEvent } from './tracking-event.js';
import type { UrlWithId } from './url-with-id.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]);

const CLICKS: ClickElements<UrlWithId> = Object.freeze({
  through: 'CompanionClickThrough',
  tracking: 'CompanionClickTracking',
  read: buildUrlWithId,
});

/** The attributes before `adSlotId`, which has two spellings. */
const ATTRIBUTES: AttributeList<Companion> = attributeList<Companion>({
  id: 'text',
  width: 'integer',
  height: 'integer',
  assetWidth: 'integer',
  assetHeight: 'integer',
  expandedWidth: 'integer',
  expandedHeight: 'integer',
  apiFramework: 'text',
});

const LAST_ATTRIBUTES: AttributeList<Companion> = attributeList<Companion>({ pxratio: 'decimal', renderingMode: 'text' });

function readCompanionAttributes(node: XNode, path: string, companion: Mutable<Companion>, ctx: ParseContext): void {
  const attrs = ctx.attrs(node);
  if (attrs === undefined) return;
  readAttributes(companion, attrs, ATTRIBUTES, path, ctx);
  // VAST 3.0, 4.1 and 4.2 spell it adSlotId, VAST 4.0 adSlotID.
  const adSlotId = attrs['adSlotId'] || attrs['adSlotID'];
  if (adSlotId) companion.adSlotId = adSlotId;
  readAttributes(companion, attrs, LAST_ATTRIBUTES, path, ctx);
}

function buildCompanion(node: XNode, path: string, ctx: ParseContext): Companion {
  const resources: Resource[] = [];
  const clickTrackings: UrlWithId[] = [];
  const companion: Mutable<Companion> = { resources, clickTrackings, trackingEvents: NO_EVENTS };
  const clicks = { owner: companion, trackings: clickTrackings };
  let trackingBlocks = 0;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (readResource(child, name, resources, ctx) || readClick(child, name, CLICKS, clicks, ctx)) continue;
    if (name === 'AdParameters') {
      companion.adParameters = buildAdParameters(child, `${path}/AdParameters`, ctx);
    } else if (name === 'AltText') {
      const text = ctx.text(child);
      if (text !== '') companion.altText = text;
    } else if (name === 'TrackingEvents') {
      companion.trackingEvents = appendTrackingEvents(companion.trackingEvents, child, path, trackingBlocks++, ctx);
    }
  }
  Object.freeze(resources);
  Object.freeze(clickTrackings);
  readCompanionAttributes(node, path, companion, ctx);
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
