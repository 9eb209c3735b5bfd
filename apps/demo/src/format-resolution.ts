import type { ResolvedAd, VastResolution } from '@vast/client';
import { formatInlineAd } from './format-ad.js';
import { describeOutcome } from './format-outcome.js';
import { formatTable } from './format-table.js';

/**
 * Describes the wrapper chain of one resolved ad: one row per HTTP fetch with its depth, status,
 * size, time and URL.
 *
 * @param resolved - an ad from `VastResolution.ads`
 * @returns the lines
 */
function formatChain(resolved: ResolvedAd): string[] {
  const rows = resolved.chain.map((hop) => [
    String(hop.depth),
    String(hop.status),
    `${hop.bytes} B`,
    `${hop.durationMs.toFixed(1)} ms`,
    hop.url,
  ]);
  return [
    `Chain: ${resolved.chain.length} hop(s), ${resolved.wrappers.length} wrapper(s) then the inline ad`,
    ...formatTable([['depth', 'status', 'bytes', 'time', 'url'], ...rows]),
  ];
}

/**
 * Describes what `VastClient` resolved: for each ad, its chain and the merged ad; otherwise the
 * IAB error and the failures; then warnings and the Error pixels fired.
 *
 * @param result - what `VastClient.get` returned
 * @returns the lines
 */
export function formatResolution(result: VastResolution): string[] {
  const lines: string[] = [];
  if (result.error !== undefined) {
    lines.push(`No ad to play: IAB ${result.error.errorCode}: ${result.error.message}`);
  }
  const failures = result.failures.filter((f) => f.error !== result.error);
  if (failures.length > 0) {
    lines.push('Ads that failed:');
    for (const failure of failures) {
      lines.push(`  ${failure.adId ?? '(no id)'} at depth ${failure.depth}: IAB ${failure.error.errorCode}: ${failure.error.message}`);
    }
  }
  result.ads.forEach((resolved, index) => {
    if (index > 0) lines.push('');
    lines.push(...formatChain(resolved), '');
    lines.push('Merged ad (the inline ad with the tracking of every wrapper):', ...formatInlineAd(resolved.ad));
  });
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings) lines.push(`  [${warning.kind}] depth ${warning.depth}: ${warning.message}`);
  }
  if (result.errorPixels.length > 0) {
    lines.push('', 'Error pixels:');
    lines.push(
      ...formatTable(result.errorPixels.map((pixel) => [`IAB ${pixel.code}`, `depth ${pixel.depth}`, describeOutcome(pixel.outcome), pixel.url])),
    );
  }
  return lines;
}
