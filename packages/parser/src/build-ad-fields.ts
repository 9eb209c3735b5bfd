import type { ParseContext } from './parse-context.js';
import type { AdSystem, Advertiser, Category, Pricing, Survey, ViewableImpression } from './vast-ad.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

/** `<AdSystem>`: the ad server's name and its optional version. @internal */
export function buildAdSystem(node: XNode, ctx: ParseContext): AdSystem {
  const name = ctx.text(node);
  const version = ctx.attrs(node)?.['version'];
  return Object.freeze(version ? { name, version } : { name });
}

/** `<Advertiser>`: a name and its optional `id`. @internal */
export function buildAdvertiser(node: XNode, ctx: ParseContext): Advertiser {
  const id = ctx.attrs(node)?.['id'];
  const name = ctx.text(node);
  return Object.freeze(id ? { name, id } : { name });
}

/** `<Category>` or `<BlockedAdCategories>`: a code and its optional authority. @internal */
export function buildCategory(node: XNode, ctx: ParseContext): Category {
  const value = ctx.text(node);
  const authority = ctx.attrs(node)?.['authority'];
  return Object.freeze(authority ? { value, authority } : { value });
}

/** `<Pricing>`, or `undefined` (reported) when its text is not a decimal. @internal */
export function buildPricing(node: XNode, path: string, ctx: ParseContext): Pricing | undefined {
  const value = ctx.decimal(ctx.text(node), path, 'Pricing', false);
  if (value === undefined) return undefined;
  const attrs = ctx.attrs(node);
  const pricing: Mutable<Pricing> = { value };
  if (attrs?.['model']) pricing.model = attrs['model'];
  if (attrs?.['currency']) pricing.currency = attrs['currency'];
  return Object.freeze(pricing);
}

/** `<Survey>`, or `undefined` when it holds no URL. @internal */
export function buildSurvey(node: XNode, ctx: ParseContext): Survey | undefined {
  const url = ctx.text(node);
  if (url === '') return undefined;
  const type = ctx.attrs(node)?.['type'];
  return Object.freeze(type ? { url, type } : { url });
}

/** `<ViewableImpression>`: its three lists of URLs (empty ones left out) and its optional `id`. @internal */
export function buildViewableImpression(node: XNode, ctx: ParseContext): ViewableImpression {
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

/** The VAST 2 `<VASTAdTagURL>`: its text, or the text of its `<URL>` child. @internal */
export function legacyTagUrl(node: XNode, ctx: ParseContext): string {
  for (const child of childrenOf(node)) {
    if (nameOf(child) === 'URL') return ctx.text(child);
  }
  return ctx.text(node);
}
