import {
  buildClosedCaptionFile,
  buildInteractiveCreativeFile,
  buildMediaFile,
  buildMezzanine,
} from './build-media-files.js';
import type { ClosedCaptionFile, InteractiveCreativeFile, MediaFile, Mezzanine } from './media-file.js';
import type { ParseContext } from './parse-context.js';
import { type XNode, childrenOf, nameOf } from './xml-nodes.js';

/** The files of a Linear, collected over its `<MediaFiles>` elements. @internal */
export interface MediaFilesDraft {
  readonly mediaFiles: MediaFile[];
  readonly mezzanines: Mezzanine[];
  readonly interactiveCreativeFiles: InteractiveCreativeFile[];
  readonly closedCaptionFiles: ClosedCaptionFile[];
}

function readClosedCaptionFiles(node: XNode, path: string, into: ClosedCaptionFile[], ctx: ParseContext): void {
  for (const caption of childrenOf(node)) {
    if (nameOf(caption) !== 'ClosedCaptionFile') continue;
    const built = buildClosedCaptionFile(caption, `${path}/ClosedCaptionFile`, ctx);
    if (built !== undefined) into.push(built);
  }
}

/**
 * Reads the children of one `<MediaFiles>` element (at `path`) into `draft`; files that cannot
 * be used are reported and left out.
 * @internal
 */
export function readMediaFiles(node: XNode, path: string, draft: MediaFilesDraft, ctx: ParseContext): void {
  let m = 0;
  for (const file of childrenOf(node)) {
    const fileName = nameOf(file);
    if (fileName === 'MediaFile') {
      const built = buildMediaFile(file, `${path}/MediaFile[${m++}]`, ctx);
      if (built !== undefined) draft.mediaFiles.push(built);
    } else if (fileName === 'Mezzanine') {
      const built = buildMezzanine(file, `${path}/Mezzanine`, ctx);
      if (built !== undefined) draft.mezzanines.push(built);
    } else if (fileName === 'InteractiveCreativeFile') {
      const built = buildInteractiveCreativeFile(file, `${path}/InteractiveCreativeFile`, ctx);
      if (built !== undefined) draft.interactiveCreativeFiles.push(built);
    } else if (fileName === 'ClosedCaptionFiles') {
      readClosedCaptionFiles(file, `${path}/ClosedCaptionFiles`, draft.closedCaptionFiles, ctx);
    }
  }
}
