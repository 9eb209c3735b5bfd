import { appendRepeated, repeatedPath } from './append-repeated.js';
import {
  buildAdSystem,
  buildAdvertiser,
  buildCategory,
  buildPricing,
  buildSurvey,
  buildViewableImpression,
  legacyTagUrl,
} from './build-ad-fields.js';
import { buildCreatives } from './build-creatives.js';
import { buildExtension } from './build-extension.js';
import { buildLegacyVerifications } from './build-legacy-verifications.js';
import { buildUrlWithId } from './build-url-with-id.js';
import { buildVerifications } from './build-verification.js';
import type { Creative } from './creative.js';
import type { Extension } from './extension.js';
import type { ParseContext } from './parse-context.js';
import type { UrlWithId } from './url-with-id.js';
import type { Category, InlineAd, VastAd, WrapperAd } from './vast-ad.js';
import type { Verification } from './verification.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NONE: readonly never[] = Object.freeze([]);

/** An ad being built: any field of either kind, made readonly by freezing at the end. @internal */
export type AdDraft = Mutable<Partial<Omit<InlineAd, 'type'>>> &
  Mutable<Partial<Omit<WrapperAd, 'type'>>> & { type: VastAd['type'] };

/**
 * What the children of an `<InLine>` or `<Wrapper>` add up to. Single elements go straight into
 * `ad` (in document order); lists and what the required-element checks need are kept here.
 * @internal
 */
export interface AdBody {
  readonly ad: AdDraft;
  /** The path of the InLine or Wrapper. */
  readonly here: string;
  readonly inWrapper: boolean;
  readonly impressions: UrlWithId[];
  readonly errors: string[];
  categories: readonly Category[];
  blockedAdCategories: readonly Category[];
  verifications: readonly Verification[];
  verificationBlocks: number;
  extensions: readonly Extension[];
  extensionBlocks: number;
  /** Extensions that may hold pre-4.1 verifications, with their paths. */
  legacy: [XNode, string][] | undefined;
  creatives: readonly Creative[] | undefined;
  sawImpression: boolean;
  sawTitle: boolean;
  tagUri: string | undefined;
}

/** `list` with `category` added: a new array in place of the shared empty one. */
function withCategory(list: readonly Category[], category: Category): readonly Category[] {
  if (list === NONE) return [category];
  (list as Category[]).push(category);
  return list;
}

function readExtensions(node: XNode, body: AdBody, ctx: ParseContext): void {
  const at = repeatedPath(body.here, 'Extensions', body.extensionBlocks);
  const list: Extension[] = [];
  for (const extension of childrenOf(node)) {
    if (nameOf(extension) !== 'Extension') continue;
    const built = buildExtension(extension, ctx);
    if (built.xml.includes('AdVerifications')) (body.legacy ??= []).push([extension, `${at}/Extension[${list.length}]`]);
    list.push(built);
  }
  body.extensions = appendRepeated(body.extensions, Object.freeze(list), body.extensionBlocks++, at, 'Extensions', ctx);
}

function readVerifications(node: XNode, body: AdBody, ctx: ParseContext): void {
  const at = repeatedPath(body.here, 'AdVerifications', body.verificationBlocks);
  const built = buildVerifications(childrenOf(node), at, ctx);
  body.verifications = appendRepeated(body.verifications, built, body.verificationBlocks++, at, 'AdVerifications', ctx);
}

/** Reads an element that InLine and Wrapper share; `false` when `name` is not one. */
function readSharedElement(child: XNode, name: string, body: AdBody, ctx: ParseContext): boolean {
  const { ad, here } = body;
  switch (name) {
    case 'AdSystem':
      ad.adSystem = buildAdSystem(child, ctx);
      return true;
    case 'Impression': {
      body.sawImpression = true;
      const impression = buildUrlWithId(child, ctx);
      if (impression !== undefined) body.impressions.push(impression);
      return true;
    }
    case 'Error': {
      const url = ctx.text(child);
      if (url !== '') body.errors.push(url);
      return true;
    }
    case 'Creatives':
      body.creatives = buildCreatives(childrenOf(child), `${here}/Creatives`, body.inWrapper, ctx);
      return true;
    case 'BlockedAdCategories':
      body.blockedAdCategories = withCategory(body.blockedAdCategories, buildCategory(child, ctx));
      return true;
    case 'Pricing': {
      const pricing = buildPricing(child, `${here}/Pricing`, ctx);
      if (pricing !== undefined) ad.pricing = pricing;
      return true;
    }
    case 'ViewableImpression':
      ad.viewableImpression = buildViewableImpression(child, ctx);
      return true;
    case 'AdVerifications':
      readVerifications(child, body, ctx);
      return true;
    case 'Extensions':
      readExtensions(child, body, ctx);
      return true;
    case 'VASTAdTagURI':
      body.tagUri = ctx.text(child);
      return true;
    case 'VASTAdTagURL':
      body.tagUri = legacyTagUrl(child, ctx);
      return true;
    default:
      return false;
  }
}

/** Reads an element only an InLine has (a Wrapper's are ignored). */
function readInlineElement(child: XNode, name: string, body: AdBody, ctx: ParseContext): void {
  const { ad } = body;
  switch (name) {
    case 'AdTitle':
      body.sawTitle = true;
      ad.adTitle = ctx.text(child);
      break;
    case 'AdServingId':
      ad.adServingId = ctx.text(child);
      break;
    case 'Description':
      ad.description = ctx.text(child);
      break;
    case 'Advertiser':
      ad.advertiser = buildAdvertiser(child, ctx);
      break;
    case 'Category':
      body.categories = withCategory(body.categories, buildCategory(child, ctx));
      break;
    case 'Survey': {
      const survey = buildSurvey(child, ctx);
      if (survey !== undefined) ad.survey = survey;
      break;
    }
    case 'Expires': {
      const seconds = ctx.integer(ctx.text(child), `${body.here}/Expires`, 'Expires');
      if (seconds !== undefined) ad.expires = seconds;
      break;
    }
    default:
      break;
  }
}

/**
 * Before VAST 4.1, OMID verifications went in an Extension; an `<AdVerifications>` element of
 * the ad itself takes precedence (the same scripts are often written both ways).
 */
function readLegacyVerifications(body: AdBody, ctx: ParseContext): void {
  if (body.legacy === undefined || body.verificationBlocks > 0) return;
  const found: Verification[] = [];
  for (const [extension, at] of body.legacy) found.push(...buildLegacyVerifications(ctx.raw(extension), at, ctx));
  if (found.length > 0) body.verifications = Object.freeze(found);
}

/**
 * Reads the children of an `<InLine>` or `<Wrapper>` (`node`, at `here`) into `ad` and the
 * returned lists, then the verifications of pre-4.1 extensions when the ad has none of its own.
 * @internal
 */
export function readAdBody(node: XNode, here: string, ad: AdDraft, ctx: ParseContext): AdBody {
  const inWrapper = ad.type === 'wrapper';
  const body: AdBody = {
    ad,
    here,
    inWrapper,
    impressions: [],
    errors: [],
    categories: NONE,
    blockedAdCategories: NONE,
    verifications: NONE,
    verificationBlocks: 0,
    extensions: NONE,
    extensionBlocks: 0,
    legacy: undefined,
    creatives: undefined,
    sawImpression: false,
    sawTitle: false,
    tagUri: undefined,
  };
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    if (!readSharedElement(child, name, body, ctx) && !inWrapper) readInlineElement(child, name, body, ctx);
  }
  readLegacyVerifications(body, ctx);
  return body;
}
