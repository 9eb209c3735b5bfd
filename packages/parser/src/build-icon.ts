import { buildResource } from './build-resource.js';
import type { Icon, IconClickFallbackImage } from './icon.js';
import type { ParseContext } from './parse-context.js';
import { parseTime } from './parse-time.js';
import type { Resource } from './resource.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

function timeAttribute(value: string | undefined, path: string, name: string, ctx: ParseContext): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = parseTime(value);
  if (seconds === undefined) ctx.problem(path, `${name} is not a time: "${value}"`);
  return seconds;
}

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
  const width = ctx.integer(attrs?.['width'], path, 'width');
  if (width !== undefined) image.width = width;
  const height = ctx.integer(attrs?.['height'], path, 'height');
  if (height !== undefined) image.height = height;
  if (altText !== undefined && altText !== '') image.altText = altText;
  return Object.freeze(image);
}

/**
 * Builds an `<Icon>` with its attributes, resources, clicks, fallback images and view tracking.
 * @internal
 */
export function buildIcon(node: XNode, path: string, ctx: ParseContext): Icon {
  const resources: Resource[] = [];
  const clickTrackings: string[] = [];
  const clickFallbackImages: IconClickFallbackImage[] = [];
  const viewTrackings: string[] = [];
  let clickThrough: string | undefined;
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
      case 'IconClicks':
        for (const click of childrenOf(child)) {
          const clickName = nameOf(click);
          if (clickName === 'IconClickThrough') {
            const url = ctx.text(click);
            if (url !== '') clickThrough = url;
          } else if (clickName === 'IconClickTracking') {
            const url = ctx.text(click);
            if (url !== '') clickTrackings.push(url);
          } else if (clickName === 'IconClickFallbackImages') {
            let index = 0;
            for (const image of childrenOf(click)) {
              if (nameOf(image) !== 'IconClickFallbackImage') continue;
              const built = buildFallbackImage(image, `${path}/IconClicks/IconClickFallbackImages/IconClickFallbackImage[${index++}]`, ctx);
              if (built !== undefined) clickFallbackImages.push(built);
            }
          }
        }
        break;
      case 'IconViewTracking': {
        const url = ctx.text(child);
        if (url !== '') viewTrackings.push(url);
        break;
      }
      default:
        break;
    }
  }
  const attrs = ctx.attrs(node);
  const icon: Mutable<Icon> = {
    resources: Object.freeze(resources),
    clickTrackings: Object.freeze(clickTrackings),
    clickFallbackImages: Object.freeze(clickFallbackImages),
    viewTrackings: Object.freeze(viewTrackings),
  };
  if (clickThrough !== undefined) icon.clickThrough = clickThrough;
  if (attrs !== undefined) {
    const { program, xPosition, yPosition, apiFramework, altText, hoverText } = attrs;
    if (program !== undefined && program !== '') icon.program = program;
    const width = ctx.integer(attrs['width'], path, 'width');
    if (width !== undefined) icon.width = width;
    const height = ctx.integer(attrs['height'], path, 'height');
    if (height !== undefined) icon.height = height;
    if (xPosition !== undefined && xPosition !== '') icon.xPosition = xPosition;
    if (yPosition !== undefined && yPosition !== '') icon.yPosition = yPosition;
    const duration = timeAttribute(attrs['duration'], path, 'duration', ctx);
    if (duration !== undefined) icon.duration = duration;
    const offset = timeAttribute(attrs['offset'], path, 'offset', ctx);
    if (offset !== undefined) icon.offset = offset;
    if (apiFramework !== undefined && apiFramework !== '') icon.apiFramework = apiFramework;
    const pxratio = ctx.decimal(attrs['pxratio'], path, 'pxratio');
    if (pxratio !== undefined) icon.pxratio = pxratio;
    if (altText !== undefined && altText !== '') icon.altText = altText;
    if (hoverText !== undefined && hoverText !== '') icon.hoverText = hoverText;
  }
  return Object.freeze(icon);
}
