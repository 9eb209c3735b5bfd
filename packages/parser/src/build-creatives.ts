import { appendRepeated, repeatedPath } from './append-repeated.js';
import { buildCompanionAds } from './build-companion-ads.js';
import { buildExtension } from './build-extension.js';
import { buildLinear } from './build-linear.js';
import { buildNonLinearAds } from './build-non-linear-ads.js';
import type { Creative, CreativeBase, UniversalAdId } from './creative.js';
import type { Extension } from './extension.js';
import type { ParseContext } from './parse-context.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NO_IDS: readonly UniversalAdId[] = Object.freeze([]);
const NO_EXTENSIONS: readonly Extension[] = Object.freeze([]);

function buildUniversalAdId(node: XNode, path: string, ctx: ParseContext): UniversalAdId {
  const attrs = ctx.attrs(node);
  let idRegistry = attrs?.['idRegistry'];
  if (idRegistry === undefined || idRegistry === '') {
    ctx.problem(path, 'UniversalAdId has no idRegistry');
    idRegistry = 'unknown';
  }
  const text = ctx.text(node);
  const value = text !== '' ? text : (attrs?.['idValue'] ?? 'unknown');
  return Object.freeze({ idRegistry, value });
}

function buildCreative(node: XNode, path: string, inWrapper: boolean, ctx: ParseContext): Creative | undefined {
  let content: XNode | undefined;
  let contentName = '';
  let universalAdIds = NO_IDS;
  let creativeExtensions = NO_EXTENSIONS;
  let extensionBlocks = 0;
  for (const child of childrenOf(node)) {
    const name = nameOf(child);
    switch (name) {
      case 'Linear':
      case 'NonLinearAds':
      case 'CompanionAds':
        if (content === undefined) {
          content = child;
          contentName = name;
        } else {
          ctx.problem(`${path}/${name}`, `Creative has both ${contentName} and ${name}; the first is kept`);
        }
        break;
      case 'UniversalAdId':
        if (universalAdIds === NO_IDS) universalAdIds = [];
        (universalAdIds as UniversalAdId[]).push(buildUniversalAdId(child, `${path}/UniversalAdId`, ctx));
        break;
      case 'CreativeExtensions': {
        const extensions: Extension[] = [];
        for (const extension of childrenOf(child)) {
          if (nameOf(extension) === 'CreativeExtension') extensions.push(buildExtension(extension, ctx));
        }
        const here = repeatedPath(path, 'CreativeExtensions', extensionBlocks);
        creativeExtensions = appendRepeated(creativeExtensions, Object.freeze(extensions), extensionBlocks++, here, 'CreativeExtensions', ctx);
        break;
      }
      default:
        break;
    }
  }
  if (content === undefined) {
    ctx.problem(path, 'Creative has no Linear, NonLinearAds or CompanionAds');
    return undefined;
  }
  const base: Mutable<CreativeBase> = { universalAdIds: Object.freeze(universalAdIds), creativeExtensions };
  const attrs = ctx.attrs(node);
  if (attrs !== undefined) {
    const { id, apiFramework } = attrs;
    const adId = attrs['adId'] ?? attrs['AdID'];
    if (id) base.id = id;
    if (adId) base.adId = adId;
    const sequence = ctx.integer(attrs['sequence'], path, 'sequence', false);
    if (sequence !== undefined) base.sequence = sequence;
    if (apiFramework) base.apiFramework = apiFramework;
  }
  const here = `${path}/${contentName}`;
  if (contentName === 'Linear') return buildLinear(content, base, here, inWrapper, ctx);
  if (contentName === 'NonLinearAds') return buildNonLinearAds(content, base, here, ctx);
  return buildCompanionAds(content, base, here, ctx);
}

/**
 * Builds the `<Creative>` children of `<Creatives>`, in document order; a creative with no
 * known content is reported and left out.
 * @internal
 */
export function buildCreatives(
  children: readonly XNode[],
  path: string,
  inWrapper: boolean,
  ctx: ParseContext,
): readonly Creative[] {
  const creatives: Creative[] = [];
  let index = 0;
  for (const child of children) {
    if (nameOf(child) !== 'Creative') continue;
    const creative = buildCreative(child, `${path}/Creative[${index++}]`, inWrapper, ctx);
    if (creative !== undefined) creatives.push(creative);
  }
  return Object.freeze(creatives);
}
