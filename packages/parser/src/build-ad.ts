import type { Creative } from './creative.js';
import type { ParseContext } from './parse-context.js';
import { type AdBody, type AdDraft, readAdBody } from './read-ad-body.js';
import type { InlineAd, VastAd, WrapperAd } from './vast-ad.js';
import { type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_CREATIVES: readonly Creative[] = Object.freeze([]);

/** The ad's `<InLine>` or `<Wrapper>`: the first of them, a second one reported. */
function findAdBody(node: XNode, path: string, ctx: ParseContext): { body: XNode; type: 'InLine' | 'Wrapper' } | undefined {
  let found: { body: XNode; type: 'InLine' | 'Wrapper' } | undefined;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (name !== 'InLine' && name !== 'Wrapper') continue;
    if (found === undefined) found = { body: child, type: name };
    else ctx.problem(`${path}/${name}`, `Ad has both ${found.type} and ${name}; the first is kept`);
  }
  if (found === undefined) ctx.problem(path, 'Ad has no InLine or Wrapper');
  return found;
}

/** The attributes of `<Ad>` itself. */
function readAdAttributes(node: XNode, path: string, ad: AdDraft, ctx: ParseContext): void {
  const adAttrs = ctx.attrs(node);
  if (adAttrs === undefined) return;
  const { id, adType } = adAttrs;
  if (id) ad.id = id;
  const sequence = ctx.integer(adAttrs['sequence'], path, 'sequence', false);
  if (sequence !== undefined) ad.sequence = sequence;
  if (adType) ad.adType = adType;
  const conditionalAd = ctx.boolean(adAttrs['conditionalAd'], path, 'conditionalAd');
  if (conditionalAd !== undefined) ad.conditionalAd = conditionalAd;
}

/** A Wrapper's tag URI and attributes; `undefined` (reported) without a tag URI. */
function finishWrapper(node: XNode, body: AdBody, ctx: ParseContext): WrapperAd | undefined {
  const { ad: wrapper, here, tagUri } = body;
  if (tagUri === undefined || tagUri === '') {
    ctx.problem(here, 'Wrapper has no VASTAdTagURI');
    return undefined;
  }
  wrapper.vastAdTagUri = tagUri;
  const attrs = ctx.attrs(node);
  wrapper.followAdditionalWrappers = ctx.boolean(attrs?.['followAdditionalWrappers'], here, 'followAdditionalWrappers') ?? true;
  wrapper.allowMultipleAds = ctx.boolean(attrs?.['allowMultipleAds'], here, 'allowMultipleAds') ?? false;
  const fallbackOnNoAd = ctx.boolean(attrs?.['fallbackOnNoAd'], here, 'fallbackOnNoAd');
  if (fallbackOnNoAd !== undefined) wrapper.fallbackOnNoAd = fallbackOnNoAd;
  return Object.freeze(wrapper) as WrapperAd;
}

/** An InLine's required elements checked, and its categories. */
function finishInline(body: AdBody, ctx: ParseContext): InlineAd {
  const { ad, here } = body;
  if (!body.sawTitle) ctx.problem(here, 'InLine has no AdTitle');
  if (body.creatives === undefined) ctx.problem(here, 'InLine has no Creatives');
  ad.categories = Object.freeze(body.categories);
  return Object.freeze(ad) as InlineAd;
}

/**
 * Builds one `<Ad>`: its InLine or Wrapper with everything they hold. An Ad with neither, or a
 * Wrapper without a tag URI, is reported and gives `undefined`.
 * @internal
 */
export function buildAd(node: XNode, path: string, ctx: ParseContext): VastAd | undefined {
  const found = findAdBody(node, path, ctx);
  if (found === undefined) return undefined;
  const { type } = found;
  const here = `${path}/${type}`;
  const ad: AdDraft = { type: type === 'Wrapper' ? 'wrapper' : 'inline' };
  readAdAttributes(node, path, ad, ctx);
  const body = readAdBody(found.body, here, ad, ctx);
  if (ad.adSystem === undefined) ctx.problem(here, `${type} has no AdSystem`);
  if (!body.sawImpression) ctx.problem(here, `${type} has no Impression`);
  ad.impressions = Object.freeze(body.impressions);
  ad.errors = Object.freeze(body.errors);
  ad.verifications = body.verifications;
  ad.blockedAdCategories = Object.freeze(body.blockedAdCategories);
  ad.extensions = body.extensions;
  ad.creatives = body.creatives ?? NO_CREATIVES;
  return type === 'Wrapper' ? finishWrapper(found.body, body, ctx) : finishInline(body, ctx);
}
