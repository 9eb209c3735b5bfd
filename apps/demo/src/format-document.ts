import type { VastDocument } from '@vast/parser';
import { formatInlineAd } from './format-ad.js';

/**
 * Describes a parsed VAST document: version, each ad (inline ads in detail, wrappers with the URL
 * they point at), the document-level Error URLs and the lenient-parsing warnings.
 *
 * @param source - where the document came from (a file name)
 * @param document - what `parseVast` returned
 * @returns the lines
 */
export function formatDocument(source: string, document: VastDocument): string[] {
  const lines = [
    `${source}: VAST ${document.version ?? '(no version)'}, ${document.ads.length} ad(s), ${document.warnings.length} warning(s)`,
  ];
  if (document.ads.length === 0) {
    lines.push(`  no ads (a no-ad response; ${document.errors.length} document Error URL(s) to fire with 303)`);
  }
  document.ads.forEach((ad, index) => {
    lines.push('', `Ad ${index + 1} of ${document.ads.length}: ${ad.type}${ad.sequence === undefined ? '' : `, sequence ${ad.sequence}`}`);
    switch (ad.type) {
      case 'inline':
        lines.push(...formatInlineAd(ad));
        break;
      case 'wrapper':
        lines.push(
          `  id:           ${ad.id ?? '(none)'}`,
          `  next:         ${ad.vastAdTagUri}`,
          `  impressions:  ${ad.impressions.length}`,
        );
        break;
    }
  });
  if (document.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of document.warnings) lines.push(`  IAB ${warning.code} at ${warning.path}: ${warning.message}`);
  }
  return lines;
}
