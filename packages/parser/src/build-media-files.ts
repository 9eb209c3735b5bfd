import type { ClosedCaptionFile, InteractiveCreativeFile, MediaFile, Mezzanine } from './media-file.js';
import type { ParseContext } from './parse-context.js';
import type { Attrs, Mutable, XNode } from './xml-nodes.js';

function str(attrs: Attrs, name: string): string | undefined {
  const value = attrs[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Builds a `<MediaFile>`; one without a URL is reported and gives `undefined`.
 * @internal
 */
export function buildMediaFile(node: XNode, path: string, ctx: ParseContext): MediaFile | undefined {
  const url = ctx.text(node);
  if (url === '') {
    ctx.problem(path, 'MediaFile has no URL');
    return undefined;
  }
  const media: Mutable<MediaFile> = { url };
  const attrs = ctx.attrs(node);
  if (attrs === undefined) return Object.freeze(media);
  let value = str(attrs, 'id');
  if (value !== undefined) media.id = value;
  value = str(attrs, 'delivery');
  if (value !== undefined) media.delivery = value;
  value = str(attrs, 'type');
  if (value !== undefined) media.type = value;
  let n = ctx.integer(attrs['width'], path, 'width');
  if (n !== undefined) media.width = n;
  n = ctx.integer(attrs['height'], path, 'height');
  if (n !== undefined) media.height = n;
  value = str(attrs, 'codec');
  if (value !== undefined) media.codec = value;
  n = ctx.integer(attrs['bitrate'], path, 'bitrate');
  if (n !== undefined) media.bitrate = n;
  n = ctx.integer(attrs['minBitrate'], path, 'minBitrate');
  if (n !== undefined) media.minBitrate = n;
  n = ctx.integer(attrs['maxBitrate'], path, 'maxBitrate');
  if (n !== undefined) media.maxBitrate = n;
  let b = ctx.boolean(attrs['scalable'], path, 'scalable');
  if (b !== undefined) media.scalable = b;
  b = ctx.boolean(attrs['maintainAspectRatio'], path, 'maintainAspectRatio');
  if (b !== undefined) media.maintainAspectRatio = b;
  value = str(attrs, 'apiFramework');
  if (value !== undefined) media.apiFramework = value;
  n = ctx.integer(attrs['fileSize'], path, 'fileSize');
  if (n !== undefined) media.fileSize = n;
  value = str(attrs, 'mediaType');
  if (value !== undefined) media.mediaType = value;
  return Object.freeze(media);
}

/**
 * Builds a `<Mezzanine>`; one without a URL is reported and gives `undefined`.
 * @internal
 */
export function buildMezzanine(node: XNode, path: string, ctx: ParseContext): Mezzanine | undefined {
  const url = ctx.text(node);
  if (url === '') {
    ctx.problem(path, 'Mezzanine has no URL');
    return undefined;
  }
  const file: Mutable<Mezzanine> = { url };
  const attrs = ctx.attrs(node);
  if (attrs === undefined) return Object.freeze(file);
  let value = str(attrs, 'id');
  if (value !== undefined) file.id = value;
  value = str(attrs, 'delivery');
  if (value !== undefined) file.delivery = value;
  value = str(attrs, 'type');
  if (value !== undefined) file.type = value;
  let n = ctx.integer(attrs['width'], path, 'width');
  if (n !== undefined) file.width = n;
  n = ctx.integer(attrs['height'], path, 'height');
  if (n !== undefined) file.height = n;
  value = str(attrs, 'codec');
  if (value !== undefined) file.codec = value;
  n = ctx.integer(attrs['fileSize'], path, 'fileSize');
  if (n !== undefined) file.fileSize = n;
  value = str(attrs, 'mediaType');
  if (value !== undefined) file.mediaType = value;
  return Object.freeze(file);
}

/**
 * Builds an `<InteractiveCreativeFile>`; an empty one gives `undefined`.
 * @internal
 */
export function buildInteractiveCreativeFile(
  node: XNode,
  path: string,
  ctx: ParseContext,
): InteractiveCreativeFile | undefined {
  const url = ctx.text(node);
  if (url === '') return undefined;
  const file: Mutable<InteractiveCreativeFile> = { url };
  const attrs = ctx.attrs(node);
  if (attrs === undefined) return Object.freeze(file);
  let value = str(attrs, 'type');
  if (value !== undefined) file.type = value;
  value = str(attrs, 'apiFramework');
  if (value !== undefined) file.apiFramework = value;
  const b = ctx.boolean(attrs['variableDuration'], path, 'variableDuration');
  if (b !== undefined) file.variableDuration = b;
  return Object.freeze(file);
}

/**
 * Builds a `<ClosedCaptionFile>`; an empty one gives `undefined`.
 * @internal
 */
export function buildClosedCaptionFile(node: XNode, ctx: ParseContext): ClosedCaptionFile | undefined {
  const url = ctx.text(node);
  if (url === '') return undefined;
  const file: Mutable<ClosedCaptionFile> = { url };
  const attrs = ctx.attrs(node);
  if (attrs === undefined) return Object.freeze(file);
  let value = str(attrs, 'type');
  if (value !== undefined) file.type = value;
  value = str(attrs, 'language');
  if (value !== undefined) file.language = value;
  return Object.freeze(file);
}
