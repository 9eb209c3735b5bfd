import { buildAdParameters } from './build-ad-parameters.js';
import { buildIcon } from './build-icon.js';
import {
  buildClosedCaptionFile,
  buildInteractiveCreativeFile,
  buildMediaFile,
  buildMezzanine,
} from './build-media-files.js';
import { appendRepeated, repeatedPath } from './append-repeated.js';
import { buildTrackingEvents } from './build-tracking-events.js';
import { buildUrlWithId } from './build-url-with-id.js';
import type { CreativeBase, LinearCreative, VideoClicks } from './creative.js';
import type { Icon } from './icon.js';
import type { ClosedCaptionFile, InteractiveCreativeFile, MediaFile, Mezzanine } from './media-file.js';
import type { ParseContext } from './parse-context.js';
import { parseOffset, parseTime } from './parse-time.js';
import type { TrackingEvent } from './tracking-event.js';
import type { UrlWithId } from './url-with-id.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]);
const NO_CLICKS: VideoClicks = Object.freeze({ clickTrackings: Object.freeze([]), customClicks: Object.freeze([]) });

/**
 * Reads the `<VideoClicks>` children into `clicks` (the second VideoClicks of a Linear adds to
 * the first). The schema allows one ClickThrough: the first is kept, a later one reported.
 */
function readVideoClicks(children: readonly XNode[], path: string, clicks: ClicksDraft, ctx: ParseContext): void {
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

interface ClicksDraft {
  clickThrough?: UrlWithId;
  readonly clickTrackings: UrlWithId[];
  readonly customClicks: UrlWithId[];
}

function freezeClicks(draft: ClicksDraft): VideoClicks {
  const clicks: Mutable<VideoClicks> = {
    clickTrackings: Object.freeze(draft.clickTrackings),
    customClicks: Object.freeze(draft.customClicks),
  };
  if (draft.clickThrough !== undefined) clicks.clickThrough = draft.clickThrough;
  return Object.freeze(clicks);
}

/**
 * Builds a `<Linear>` creative. In an InLine ad, Duration and MediaFiles are required (reported
 * when missing); in a Wrapper they are not expected.
 * @internal
 */
export function buildLinear(
  node: XNode,
  base: CreativeBase,
  path: string,
  inWrapper: boolean,
  ctx: ParseContext,
): LinearCreative {
  const mediaFiles: MediaFile[] = [];
  const mezzanines: Mezzanine[] = [];
  const interactiveCreativeFiles: InteractiveCreativeFile[] = [];
  const closedCaptionFiles: ClosedCaptionFile[] = [];
  const icons: Icon[] = [];
  let trackingEvents = NO_EVENTS;
  let trackingBlocks = 0;
  let clicks: ClicksDraft | undefined;
  let clickBlocks = 0;
  const linear: Mutable<LinearCreative> = { type: 'linear', ...base } as Mutable<LinearCreative>;
  let sawDuration = false;
  let sawMediaFiles = false;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    switch (name) {
      case 'Duration': {
        sawDuration = true;
        const text = ctx.text(child);
        const duration = parseTime(text);
        if (duration !== undefined) {
          linear.duration = duration;
        } else if (/^\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) {
          // Bare seconds: not VAST, but unambiguous; lenient parsing keeps the value.
          ctx.problem(`${path}/Duration`, `Duration is not in HH:MM:SS form: "${text}" (read as seconds)`);
          linear.duration = Number(text);
        } else {
          ctx.problem(`${path}/Duration`, `Duration is not a time: "${text}"`);
        }
        break;
      }
      case 'MediaFiles': {
        sawMediaFiles = true;
        let m = 0;
        for (const file of childrenOf(child)) {
          const fileName = nameOf(file);
          if (fileName === 'MediaFile') {
            const built = buildMediaFile(file, `${path}/MediaFiles/MediaFile[${m++}]`, ctx);
            if (built !== undefined) mediaFiles.push(built);
          } else if (fileName === 'Mezzanine') {
            const built = buildMezzanine(file, `${path}/MediaFiles/Mezzanine`, ctx);
            if (built !== undefined) mezzanines.push(built);
          } else if (fileName === 'InteractiveCreativeFile') {
            const built = buildInteractiveCreativeFile(file, `${path}/MediaFiles/InteractiveCreativeFile`, ctx);
            if (built !== undefined) interactiveCreativeFiles.push(built);
          } else if (fileName === 'ClosedCaptionFiles') {
            for (const caption of childrenOf(file)) {
              if (nameOf(caption) !== 'ClosedCaptionFile') continue;
              const built = buildClosedCaptionFile(caption, ctx);
              if (built !== undefined) closedCaptionFiles.push(built);
            }
          }
        }
        break;
      }
      case 'AdParameters':
        linear.adParameters = buildAdParameters(child, `${path}/AdParameters`, ctx);
        break;
      case 'VideoClicks': {
        const here = repeatedPath(path, 'VideoClicks', clickBlocks);
        if (clickBlocks++ > 0) ctx.problem(here, 'VideoClicks appears more than once; the contents are merged');
        clicks ??= { clickTrackings: [], customClicks: [] };
        readVideoClicks(childrenOf(child), here, clicks, ctx);
        break;
      }
      case 'TrackingEvents': {
        const here = repeatedPath(path, 'TrackingEvents', trackingBlocks);
        const events = buildTrackingEvents(childrenOf(child), here, ctx);
        trackingEvents = appendRepeated(trackingEvents, events, trackingBlocks++, here, 'TrackingEvents', ctx);
        break;
      }
      case 'Icons': {
        let i = 0;
        for (const icon of childrenOf(child)) {
          if (nameOf(icon) === 'Icon') icons.push(buildIcon(icon, `${path}/Icons/Icon[${i++}]`, ctx));
        }
        break;
      }
      default:
        break;
    }
  }
  if (!inWrapper) {
    if (!sawDuration) ctx.problem(path, 'Linear has no Duration');
    if (!sawMediaFiles) ctx.problem(path, 'Linear has no MediaFiles');
  }
  const skipoffset = ctx.attrs(node)?.['skipoffset'];
  if (skipoffset !== undefined && skipoffset !== '') {
    const offset = parseOffset(skipoffset);
    if (offset === undefined) ctx.problem(path, `skipoffset is not a time or a percentage: "${skipoffset}"`);
    else linear.skipOffset = offset;
  }
  linear.mediaFiles = Object.freeze(mediaFiles);
  linear.mezzanines = Object.freeze(mezzanines);
  linear.interactiveCreativeFiles = Object.freeze(interactiveCreativeFiles);
  linear.closedCaptionFiles = Object.freeze(closedCaptionFiles);
  linear.videoClicks = clicks === undefined ? NO_CLICKS : freezeClicks(clicks);
  linear.trackingEvents = trackingEvents;
  linear.icons = Object.freeze(icons);
  return Object.freeze(linear);
}
