import { readResource } from './read-resource.js';
import type { Icon, IconClickFallbackImage } from './icon.js';
import type { ParseContext } from './parse-context.js';
import { type AttributeList, attributeList, readAttributes } from './read-attributes.js';
import { type ClickElements, type ClickSink, readClick } from './read-click.js';
import type { Resource } from './resource.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

/** An icon's click tracking is a bare URL (no `id`). */
function bareUrl(node: XNode, ctx: ParseContext): string | undefined {
  const url = ctx.text(node);
  return url === '' ? undefined : url;
}

const CLICKS: ClickElements<string> = Object.freeze({ through: 'IconClickThrough', tracking: 'IconClickTracking', read: bareUrl });

const ATTRIBUTES: AttributeList<Icon> = attributeList<Icon>({
  program: 'text',
  width: 'integer',
  height: 'integer',
  xPosition: 'text',
  yPosition: 'text',
  duration: 'time',
  offset: 'time',
  apiFramework: 'text',
  pxratio: 'decimal',
  altText: 'text',
  hoverText: 'text',
});

const IMAGE_ATTRIBUTES: AttributeList<IconClickFallbackImage> = attributeList<IconClickFallbackImage>({
  width: 'integer',
  height: 'integer',
});

function buildFallbackImage(node: XNode, path: string, ctx: ParseContext): IconClickFallbackImage | undefined {
  let url = '';
  let altText: string | undefined;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (name === 'StaticResource') url = ctx.text(child);
    else if (name === 'AltText') altText = ctx.text(child);
  }
  if (url === '') {
    ctx.problem(path, 'IconClickFallbackImage has no StaticResource');
    return undefined;
  }
  const attrs = ctx.attrs(node);
  const image: Mutable<IconClickFallbackImage> = { url };
  if (attrs !== undefined) readAttributes(image, attrs, IMAGE_ATTRIBUTES, path, ctx);
  if (altText !== undefined && altText !== '') image.altText = altText;
  return Object.freeze(image);
}

function readFallbackImages(node: XNode, path: string, into: IconClickFallbackImage[], ctx: ParseContext): void {
  let index = 0;
  for (const image of childrenOf(node)) {
    if (nameOf(image) !== 'IconClickFallbackImage') continue;
    const built = buildFallbackImage(image, `${path}/IconClickFallbackImage[${index++}]`, ctx);
    if (built !== undefined) into.push(built);
  }
}

/** The children of `<IconClicks>`. */
function readIconClicks(node: XNode, path: string, clicks: ClickSink<string>, images: IconClickFallbackImage[], ctx: ParseContext): void {
  for (const click of childrenOf(node)) {
    const name = nameOf(click);
    if (readClick(click, name, CLICKS, clicks, ctx)) continue;
    if (name === 'IconClickFallbackImages') readFallbackImages(click, `${path}/IconClickFallbackImages`, images, ctx);
  }
}

/**
 * Builds an `<Icon>` with its attributes, resources, clicks, fallback images and view tracking.
 * @internal
 */
export function buildIcon(node: XNode, path: string, ctx: ParseContext): Icon {
  const resources: Resource[] = [];
  const clicks: ClickSink<string> = { owner: {}, trackings: [] };
  const clickFallbackImages: IconClickFallbackImage[] = [];
  const viewTrackings: string[] = [];
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (readResource(child, name, resources, ctx)) continue;
    if (name === 'IconClicks') readIconClicks(child, `${path}/IconClicks`, clicks, clickFallbackImages, ctx);
    else if (name === 'IconViewTracking') {
      const url = bareUrl(child, ctx);
      if (url !== undefined) viewTrackings.push(url);
    }
  }
  const icon: Mutable<Icon> = {
    resources: Object.freeze(resources),
    clickTrackings: Object.freeze(clicks.trackings),
    clickFallbackImages: Object.freeze(clickFallbackImages),
    viewTrackings: Object.freeze(viewTrackings),
  };
  if (clicks.owner.clickThrough !== undefined) icon.clickThrough = clicks.owner.clickThrough;
  const attrs = ctx.attrs(node);
  if (attrs !== undefined) readAttributes(icon, attrs, ATTRIBUTES, path, ctx);
  return Object.freeze(icon);
}
