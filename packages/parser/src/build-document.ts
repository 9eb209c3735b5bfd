import { buildAd } from './build-ad.js';
import type { ParseContext } from './parse-context.js';
import type { VastAd } from './vast-ad.js';
import type { VastDocument } from './vast-document.js';
import { VastError } from './vast-error.js';
import { VastErrorCode } from '@vast/error-codes';
import { type XNode, childrenOf, nameOf } from './xml-nodes.js';

/**
 * Builds the document from the `<VAST>` root element: version, document-level Error URLs and
 * the ads, in one walk over the tree. Only the first `maxAds` ads are built; the others are
 * reported (and refused in strict mode).
 * @throws {@link VastError} 102 for a version below 2.0
 * @internal
 */
export function buildDocument(root: XNode, ctx: ParseContext, maxAds: number): VastDocument {
  const version = ctx.attrs(root)?.['version'];
  if (version === undefined || version === '') {
    ctx.problem('VAST', 'VAST has no version attribute');
  } else if (Number.parseFloat(version) < 2) {
    throw new VastError(VastErrorCode.VERSION_NOT_SUPPORTED, `VAST ${version} is not supported`, { path: 'VAST' });
  }
  const errors: string[] = [];
  const ads: VastAd[] = [];
  let index = 0;
  for (const child of childrenOf(root)) {
    const name = nameOf(child);
    if (name === 'Ad') {
      if (index >= maxAds) {
        index++;
        continue;
      }
      const ad = buildAd(child, `VAST/Ad[${index++}]`, ctx);
      if (ad !== undefined) ads.push(ad);
    } else if (name === 'Error') {
      const url = ctx.text(child);
      if (url !== '') errors.push(url);
    }
  }
  if (index > maxAds) {
    ctx.problem(
      `VAST/Ad[${maxAds}]`,
      `The document has ${index} Ad elements, more than maxAds (${maxAds}): Ad[${maxAds}] to Ad[${index - 1}] are left out`,
    );
  }
  const document = {
    errors: Object.freeze(errors),
    ads: Object.freeze(ads),
    warnings: Object.freeze(ctx.warnings),
  };
  return Object.freeze(version ? { version, ...document } : document);
}
