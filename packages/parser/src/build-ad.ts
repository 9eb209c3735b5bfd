import { appendRepeated, repeatedPath } from './append-repeated.js';
import { buildCreatives } from './build-creatives.js';
import { buildExtension } from './build-extension.js';
import { buildLegacyVerifications } from './build-legacy-verifications.js';
import { buildUrlWithId } from './build-url-with-id.js';
import { buildVerifications } from './build-verification.js';
import type { Creative } from './creative.js';
import type { Extension } from './extension.js';
import type { ParseContext } from './parse-context.js';
import type { UrlWithId } from './url-with-id.js';
import type { Category, InlineAd, VastAd, ViewableImpression, WrapperAd } from './vast-ad.js';
import type { Verification } from './verification.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NONE: readonly never[] = Object.freeze([]);

/** An ad being built: any field of either kind, made readonly by freezing at the end. */
type AdDraft = Mutable<Partial<Omit<InlineAd, 'type'>>> &
  Mutable<Partial<Omit<WrapperAd, 'type'>>> & { type: VastAd['type'] };

function buildViewableImpression(node: XNode, ctx: ParseContext): ViewableImpression {
  const viewable: string[] = [];
  const notViewable: string[] = [];
  const viewUndetermined: string[] = [];
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    const list =
      name === 'Viewable' ? viewable : name === 'NotViewable' ? notViewable : name === 'ViewUndetermined' ? viewUndetermined : undefined;
    if (list === undefined) continue;
    const url = ctx.text(child);
    if (url !== '') list.push(url);
  }
  const result: Mutable<ViewableImpression> = {
    viewable: Object.freeze(viewable),
    notViewable: Object.freeze(notViewable),
    viewUndetermined: Object.freeze(viewUndetermined),
  };
  const id = ctx.attrs(node)?.['id'];
  if (id) result.id = id;
  return Object.freeze(result);
}

function buildCategory(node: XNode, ctx: ParseContext): Category {
  const value = ctx.text(node);
  const authority = ctx.attrs(node)?.['authority'];
  return Object.freeze(authority ? { value, authority } : { value });
}

/** The VAST 2 `<VASTAdTagURL>`: its text, or the text of its `<URL>` child. */
function legacyTagUrl(node: XNode, ctx: ParseContext): string {
  const children = childrenOf(node);
  for (const child of children) {
    if (nameOf(child) === 'URL') return ctx.text(child);
  }
  return ctx.text(node);
}

/**
 * Builds one `<Ad>`: its InLine or Wrapper with everything they hold. An Ad with neither, or a
 * Wrapper without a tag URI, is reported and gives `undefined`.
 * @internal
 */
export function buildAd(node: XNode, path: string, ctx: ParseContext): VastAd | undefined {
  let body: XNode | undefined;
  let type: 'InLine' | 'Wrapper' | undefined;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (name === 'InLine' || name === 'Wrapper') {
      if (type === undefined) {
        body = child;
        type = name;
      } else {
        ctx.problem(`${path}/${name}`, `Ad has both ${type} and ${name}; the first is kept`);
      }
    }
  }
  if (body === undefined || type === undefined) {
    ctx.problem(path, 'Ad has no InLine or Wrapper');
    return undefined;
  }
  const here = `${path}/${type}`;
  const inWrapper = type === 'Wrapper';
  const ad: AdDraft = { type: inWrapper ? 'wrapper' : 'inline' };
  const adAttrs = ctx.attrs(node);
  if (adAttrs !== undefined) {
    const { id, adType } = adAttrs;
    if (id) ad.id = id;
    const sequence = ctx.integer(adAttrs['sequence'], path, 'sequence', false);
    if (sequence !== undefined) ad.sequence = sequence;
    if (adType) ad.adType = adType;
    const conditionalAd = ctx.boolean(adAttrs['conditionalAd'], path, 'conditionalAd');
    if (conditionalAd !== undefined) ad.conditionalAd = conditionalAd;
  }
  const impressions: UrlWithId[] = [];
  const errors: string[] = [];
  let categories: readonly Category[] = NONE;
  let blockedAdCategories: readonly Category[] = NONE;
  let verifications: readonly Verification[] = NONE;
  let verificationBlocks = 0;
  let extensions: readonly Extension[] = NONE;
  let extensionBlocks = 0;
  // Extensions that may hold pre-4.1 verifications, with their paths.
  let legacy: [XNode, string][] | undefined;
  let creatives: readonly Creative[] | undefined;
  let sawImpression = false;
  let sawTitle = false;
  let tagUri: string | undefined;
  for (const child of childrenOf(body)) {
    const name = nameOf(child);
    switch (name) {
      case 'AdSystem': {
        const system = ctx.text(child);
        const version = ctx.attrs(child)?.['version'];
        ad.adSystem = Object.freeze(version ? { name: system, version } : { name: system });
        break;
      }
      case 'Impression': {
        sawImpression = true;
        const impression = buildUrlWithId(child, ctx);
        if (impression !== undefined) impressions.push(impression);
        break;
      }
      case 'Error': {
        const url = ctx.text(child);
        if (url !== '') errors.push(url);
        break;
      }
      case 'Creatives':
        creatives = buildCreatives(childrenOf(child), `${here}/Creatives`, inWrapper, ctx);
        break;
      case 'AdTitle':
        if (inWrapper) break;
        sawTitle = true;
        ad.adTitle = ctx.text(child);
        break;
      case 'AdServingId':
        if (inWrapper) break;
        ad.adServingId = ctx.text(child);
        break;
      case 'Description':
        if (inWrapper) break;
        ad.description = ctx.text(child);
        break;
      case 'Advertiser': {
        if (inWrapper) break;
        const advertiserId = ctx.attrs(child)?.['id'];
        const advertiser = ctx.text(child);
        ad.advertiser = Object.freeze(advertiserId ? { name: advertiser, id: advertiserId } : { name: advertiser });
        break;
      }
      case 'Category':
        if (inWrapper) break;
        if (categories === NONE) categories = [];
        (categories as Category[]).push(buildCategory(child, ctx));
        break;
      case 'BlockedAdCategories':
        if (blockedAdCategories === NONE) blockedAdCategories = [];
        (blockedAdCategories as Category[]).push(buildCategory(child, ctx));
        break;
      case 'Pricing': {
        const text = ctx.text(child);
        const value = ctx.decimal(text, `${here}/Pricing`, 'Pricing', false);
        if (value === undefined) break;
        const attrs = ctx.attrs(child);
        const pricing: { value: number; model?: string; currency?: string } = { value };
        if (attrs?.['model']) pricing.model = attrs['model'];
        if (attrs?.['currency']) pricing.currency = attrs['currency'];
        ad.pricing = Object.freeze(pricing);
        break;
      }
      case 'Survey': {
        if (inWrapper) break;
        const url = ctx.text(child);
        if (url === '') break;
        const surveyType = ctx.attrs(child)?.['type'];
        ad.survey = Object.freeze(surveyType ? { url, type: surveyType } : { url });
        break;
      }
      case 'Expires': {
        if (inWrapper) break;
        const seconds = ctx.integer(ctx.text(child), `${here}/Expires`, 'Expires');
        if (seconds !== undefined) ad.expires = seconds;
        break;
      }
      case 'ViewableImpression':
        ad.viewableImpression = buildViewableImpression(child, ctx);
        break;
      case 'AdVerifications': {
        const at = repeatedPath(here, 'AdVerifications', verificationBlocks);
        const built = buildVerifications(childrenOf(child), at, ctx);
        verifications = appendRepeated(verifications, built, verificationBlocks++, at, 'AdVerifications', ctx);
        break;
      }
      case 'Extensions': {
        const at = repeatedPath(here, 'Extensions', extensionBlocks);
        const list: Extension[] = [];
        for (const extension of childrenOf(child)) {
          if (nameOf(extension) !== 'Extension') continue;
          const built = buildExtension(extension, ctx);
          if (built.xml.includes('AdVerifications')) (legacy ??= []).push([extension, `${at}/Extension[${list.length}]`]);
          list.push(built);
        }
        extensions = appendRepeated(extensions, Object.freeze(list), extensionBlocks++, at, 'Extensions', ctx);
        break;
      }
      case 'VASTAdTagURI':
        tagUri = ctx.text(child);
        break;
      case 'VASTAdTagURL':
        tagUri = legacyTagUrl(child, ctx);
        break;
      default:
        break;
    }
  }
  if (legacy !== undefined && verificationBlocks === 0) {
    // Before VAST 4.1, OMID verifications went in an Extension; an <AdVerifications> element of
    // the ad itself takes precedence (the same scripts are often written both ways).
    const found: Verification[] = [];
    for (const [extension, at] of legacy) found.push(...buildLegacyVerifications(ctx.raw(extension), at, ctx));
    if (found.length > 0) verifications = Object.freeze(found);
  }
  if (ad.adSystem === undefined) ctx.problem(here, `${type} has no AdSystem`);
  if (!sawImpression) ctx.problem(here, `${type} has no Impression`);
  ad.impressions = Object.freeze(impressions);
  ad.errors = Object.freeze(errors);
  ad.verifications = verifications;
  ad.blockedAdCategories = Object.freeze(blockedAdCategories);
  ad.extensions = extensions;
  ad.creatives = creatives ?? NONE;
  if (inWrapper) {
    if (tagUri === undefined || tagUri === '') {
      ctx.problem(here, 'Wrapper has no VASTAdTagURI');
      return undefined;
    }
    const wrapper = ad;
    wrapper.vastAdTagUri = tagUri;
    const attrs = ctx.attrs(body);
    wrapper.followAdditionalWrappers =
      ctx.boolean(attrs?.['followAdditionalWrappers'], here, 'followAdditionalWrappers') ?? true;
    wrapper.allowMultipleAds = ctx.boolean(attrs?.['allowMultipleAds'], here, 'allowMultipleAds') ?? false;
    const fallbackOnNoAd = ctx.boolean(attrs?.['fallbackOnNoAd'], here, 'fallbackOnNoAd');
    if (fallbackOnNoAd !== undefined) wrapper.fallbackOnNoAd = fallbackOnNoAd;
    return Object.freeze(wrapper) as WrapperAd;
  }
  if (!sawTitle) ctx.problem(here, 'InLine has no AdTitle');
  if (creatives === undefined) ctx.problem(here, 'InLine has no Creatives');
  ad.categories = Object.freeze(categories);
  return Object.freeze(ad) as InlineAd;
}
