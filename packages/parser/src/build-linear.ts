import { repeatedPath } from './append-repeated.js';
import { buildAdParameters } from './build-ad-parameters.js';
import { buildIcon } from './build-icon.js';
import { appendTrackingEvents } from './build-tracking-events.js';
import type { CreativeBase, LinearCreative, VideoClicks } from './creative.js';
import type { Icon } from './icon.js';
import type { ParseContext } from './parse-context.js';
import { parseOffset, parseTime } from './parse-time.js';
import { type MediaFilesDraft, readMediaFiles } from './read-media-files.js';
import { type ClicksDraft, freezeClicks, readVideoClicks } from './read-video-clicks.js';
import type { TrackingEvent } from './tracking-event.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]);
const NO_CLICKS: VideoClicks = Object.freeze({ clickTrackings: Object.freeze([]), customClicks: Object.freeze([]) });

/** A Linear while its children are read. */
interface LinearDraft extends MediaFilesDraft {
  readonly linear: Mutable<LinearCreative>;
  readonly icons: Icon[];
  trackingEvents: readonly TrackingEvent[];
  trackingBlocks: number;
  clicks: ClicksDraft | undefined;
  clickBlocks: number;
  sawDuration: boolean;
  sawMediaFiles: boolean;
}

/** `<Duration>`: HH:MM:SS(.mmm), or bare seconds kept with a warning. */
function readDuration(node: XNode, path: string, linear: Mutable<LinearCreative>, ctx: ParseContext): void {
  const text = ctx.text(node);
  const duration = parseTime(text);
  if (duration !== undefined) {
    linear.duration = duration;
  } else if (/^\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) {
    // Bare seconds: not VAST, but unambiguous; lenient parsing keeps the value.
    ctx.problem(path, `Duration is not in HH:MM:SS form: "${text}" (read as seconds)`);
    linear.duration = Number(text);
  } else {
    ctx.problem(path, `Duration is not a time: "${text}"`);
  }
}

function readClicks(node: XNode, path: string, draft: LinearDraft, ctx: ParseContext): void {
  const here = repeatedPath(path, 'VideoClicks', draft.clickBlocks);
  if (draft.clickBlocks++ > 0) ctx.problem(here, 'VideoClicks appears more than once; the contents are merged');
  draft.clicks ??= { clickTrackings: [], customClicks: [] };
  readVideoClicks(childrenOf(node), here, draft.clicks, ctx);
}

function readIcons(node: XNode, path: string, icons: Icon[], ctx: ParseContext): void {
  let i = 0;
  for (const icon of childrenOf(node)) {
    if (nameOf(icon) === 'Icon') icons.push(buildIcon(icon, `${path}/Icon[${i++}]`, ctx));
  }
}

function readLinearElement(child: XNode, path: string, draft: LinearDraft, ctx: ParseContext): void {
  switch (nameOf(child)) {
    case 'Duration':
      draft.sawDuration = true;
      readDuration(child, `${path}/Duration`, draft.linear, ctx);
      break;
    case 'MediaFiles':
      draft.sawMediaFiles = true;
      readMediaFiles(child, `${path}/MediaFiles`, draft, ctx);
      break;
    case 'AdParameters':
      draft.linear.adParameters = buildAdParameters(child, `${path}/AdParameters`, ctx);
      break;
    case 'VideoClicks':
      readClicks(child, path, draft, ctx);
      break;
    case 'TrackingEvents':
      draft.trackingEvents = appendTrackingEvents(draft.trackingEvents, child, path, draft.trackingBlocks++, ctx);
      break;
    case 'Icons':
      readIcons(child, `${path}/Icons`, draft.icons, ctx);
      break;
    default:
      break;
  }
}

/** The `skipoffset` attribute: a time or a percentage. */
function readSkipOffset(node: XNode, path: string, linear: Mutable<LinearCreative>, ctx: ParseContext): void {
  const skipoffset = ctx.attrs(node)?.['skipoffset'];
  if (skipoffset === undefined || skipoffset === '') return;
  const offset = parseOffset(skipoffset);
  if (offset === undefined) ctx.problem(path, `skipoffset is not a time or a percentage: "${skipoffset}"`);
  else linear.skipOffset = offset;
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
  const linear: Mutable<LinearCreative> = { type: 'linear', ...base } as Mutable<LinearCreative>;
  const draft: LinearDraft = {
    linear,
    mediaFiles: [],
    mezzanines: [],
    interactiveCreativeFiles: [],
    closedCaptionFiles: [],
    icons: [],
    trackingEvents: NO_EVENTS,
    trackingBlocks: 0,
    clicks: undefined,
    clickBlocks: 0,
    sawDuration: false,
    sawMediaFiles: false,
  };
  for (const child of childrenOf(node)) readLinearElement(child, path, draft, ctx);
  if (!inWrapper) {
    if (!draft.sawDuration) ctx.problem(path, 'Linear has no Duration');
    if (!draft.sawMediaFiles) ctx.problem(path, 'Linear has no MediaFiles');
  }
  readSkipOffset(node, path, linear, ctx);
  linear.mediaFiles = Object.freeze(draft.mediaFiles);
  linear.mezzanines = Object.freeze(draft.mezzanines);
  linear.interactiveCreativeFiles = Object.freeze(draft.interactiveCreativeFiles);
  linear.closedCaptionFiles = Object.freeze(draft.closedCaptionFiles);
  linear.videoClicks = draft.clicks === undefined ? NO_CLICKS : freezeClicks(draft.clicks);
  linear.trackingEvents = draft.trackingEvents;
  linear.icons = Object.freeze(draft.icons);
  return Object.freeze(linear);
}
