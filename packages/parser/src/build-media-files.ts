import type { ClosedCaptionFile, InteractiveCreativeFile, MediaFile, Mezzanine } from './media-file.js';
import type { ParseContext } from './parse-context.js';
import { type AttributeList, type AttributeSchema, attributeList, readAttributes } from './read-attributes.js';
import type { Mutable, XNode } from './xml-nodes.js';

/** The attributes a MediaFile and a Mezzanine share, in the order they go into the model. */
const VIDEO_FILE = {
  id: 'text',
  delivery: 'text',
  type: 'text',
  width: 'integer',
  height: 'integer',
  codec: 'text',
} as const satisfies AttributeSchema<MediaFile> & AttributeSchema<Mezzanine>;

const MEDIA_FILE: AttributeList<MediaFile> = attributeList<MediaFile>({
  ...VIDEO_FILE,
  bitrate: 'integer',
  minBitrate: 'integer',
  maxBitrate: 'integer',
  scalable: 'boolean',
  maintainAspectRatio: 'boolean',
  apiFramework: 'text',
  fileSize: 'integer',
  mediaType: 'text',
});

const MEZZANINE: AttributeList<Mezzanine> = attributeList<Mezzanine>({ ...VIDEO_FILE, fileSize: 'integer', mediaType: 'text' });

const INTERACTIVE_CREATIVE_FILE: AttributeList<InteractiveCreativeFile> = attributeList<InteractiveCreativeFile>({
  type: 'text',
  apiFramework: 'text',
  variableDuration: 'boolean',
});

const CLOSED_CAPTION_FILE: AttributeList<ClosedCaptionFile> = attributeList<ClosedCaptionFile>({
  type: 'text',
  language: 'text',
});

/** A file element: its URL and the attributes `list` names; `undefined` when it has no URL. */
function buildFile<T extends { readonly url: string }>(
  node: XNode,
  list: AttributeList<T>,
  path: string,
  ctx: ParseContext,
): T | undefined {
  const url = ctx.text(node);
  if (url === '') return undefined;
  const file = { url } as Mutable<T>;
  const attrs = ctx.attrs(node);
  if (attrs !== undefined) readAttributes(file, attrs, list, path, ctx);
  return Object.freeze(file);
}

/**
 * Builds a `<MediaFile>`; one without a URL is reported and gives `undefined`.
 * @internal
 */
export function buildMediaFile(node: XNode, path: string, ctx: ParseContext): MediaFile | undefined {
  const file = buildFile(node, MEDIA_FILE, path, ctx);
  if (file === undefined) ctx.problem(path, 'MediaFile has no URL');
  return file;
}

/**
 * Builds a `<Mezzanine>`; one without a URL is reported and gives `undefined`.
 * @internal
 */
export function buildMezzanine(node: XNode, path: string, ctx: ParseContext): Mezzanine | undefined {
  const file = buildFile(node, MEZZANINE, path, ctx);
  if (file === undefined) ctx.problem(path, 'Mezzanine has no URL');
  return file;
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
  return buildFile(node, INTERACTIVE_CREATIVE_FILE, path, ctx);
}

/**
 * Builds a `<ClosedCaptionFile>`; an empty one gives `undefined`.
 * @internal
 */
export function buildClosedCaptionFile(node: XNode, path: string, ctx: ParseContext): ClosedCaptionFile | undefined {
  return buildFile(node, CLOSED_CAPTION_FILE, path, ctx);
}
