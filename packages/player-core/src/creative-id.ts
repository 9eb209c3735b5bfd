import type { CreativeBase } from '@vast/parser';

/**
 * The id a session records for a creative: the `<Creative id>`, else its `adId` attribute, else
 * the value of its first `<UniversalAdId>` that is not the spec's placeholder `unknown`.
 *
 * @param creative - a parsed creative
 * @returns the id, or `null` when the creative has none of them
 * @example
 * ```ts
 * creativeIdOf({ id: undefined, adId: 'ad-7', universalAdIds: [] }); // 'ad-7'
 * ```
 */
export function creativeIdOf(creative: Pick<CreativeBase, 'id' | 'adId' | 'universalAdIds'>): string | null {
  if (creative.id !== undefined && creative.id !== '') return creative.id;
  if (creative.adId !== undefined && creative.adId !== '') return creative.adId;
  const universal = creative.universalAdIds.find((u) => u.value !== '' && u.value.toLowerCase() !== 'unknown');
  return universal?.value ?? null;
}
