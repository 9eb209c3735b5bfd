import { buildUrlWithId } from './build-url-with-id.js';
import type { VideoClicks } from './creative.js';
import type { ParseContext } from './parse-context.js';
import type { UrlWithId } from './url-with-id.js';
import { type Mutable, type XNode, nameOf } from './xml-nodes.js';

/** The clicks of a Linear while its `<VideoClicks>` are read. @internal */
export interface ClicksDraft {
  clickThrough?: UrlWithId;
  readonly clickTrackings: UrlWithId[];
  readonly customClicks: UrlWithId[];
}

/**
 * Reads the `<VideoClicks>` children into `clicks` (the second VideoClicks of a Linear adds to
 * the first). The schema allows one ClickThrough: the first is kept, a later one reported.
 * @internal
 */
export function readVideoClicks(children: readonly XNode[], path: string, clicks: ClicksDraft, ctx: ParseContext): void {
  const { clickTrackings, customClicks } = clicks;
  for (const child of children) {
    const name = nameOf(child);
    if (name === 'ClickThrough') {
      const url = buildUrlWithId(child, ctx);
      if (url === undefined) continue;
      if (clicks.clickThrough === undefined) clicks.clickThrough = url;
      else ctx.problem(`${path}/ClickThrough`, `a second ClickThrough is left out: "${url.url}"`);
    } else if (name === 'ClickTracking') {
      const url = buildUrlWithId(child, ctx);
      if (url !== undefined) clickTrackings.push(url);
    } else if (name === 'CustomClick') {
      const url = buildUrlWithId(child, ctx);
      if (url !== undefined) customClicks.push(url);
    }
  }
}

/** The clicks read, frozen. @internal */
export function freezeClicks(draft: ClicksDraft): VideoClicks {
  const clicks: Mutable<VideoClicks> = {
    clickTrackings: Object.freeze(draft.clickTrackings),
    customClicks: Object.freeze(draft.customClicks),
  };
  if (draft.clickThrough !== undefined) clicks.clickThrough = draft.clickThrough;
  return Object.freeze(clicks);
}
