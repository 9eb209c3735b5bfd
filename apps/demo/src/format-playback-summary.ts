import type { PlaybackResult } from '@vast/player-core';

/**
 * The summary of one playback: its end, the media file, the interruptions, and how many beacons
 * ended each way.
 *
 * @param result - what `play()` returned
 * @param provider - the provider profile played with
 * @returns the lines
 */
export function formatPlaybackSummary(result: PlaybackResult, provider: string): string[] {
  const byKind = new Map<string, number>();
  for (const outcome of result.outcomes) byKind.set(outcome.kind, (byKind.get(outcome.kind) ?? 0) + 1);
  const beacons = [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const lines = [
    `Session ${result.session.id}: ${result.status} at ${(result.session.position / 1000).toFixed(3)} s (provider ${provider})`,
    `Media file: ${result.mediaFile?.url ?? 'none'}`,
    `Beacons: ${result.outcomes.length}${beacons === '' ? '' : ` (${beacons})`}`,
  ];
  if (result.interruptions.length > 0) {
    lines.push(
      `Interruptions: ${result.interruptions.map((i) => `${i.type} at ${(i.mediaTime / 1000).toFixed(3)} s (${i.outcome})`).join('; ')}`,
    );
  }
  return lines;
}
