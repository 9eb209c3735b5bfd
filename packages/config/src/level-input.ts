import type { ConfigLevel } from './config-level.js';

/** The raw input of one level, as merged by the resolver. */
export interface LevelInput {
  readonly level: ConfigLevel;
  /** The level's input named for a human, e.g. `publisher "acme"`. */
  readonly source: string;
  readonly config: unknown;
}

/** The source name of values that no level set (filled in by the schema). */
export const SCHEMA_DEFAULT_SOURCE = 'schema default';

/** Whether `value` holds something (not `undefined`) at `path`. */
function definesPath(value: unknown, path: readonly (string | number)[], length = path.length): boolean {
  let current = value;
  for (let i = 0; i < length; i++) {
    if (typeof current !== 'object' || current === null) return false;
    current = (current as Record<string | number, unknown>)[path[i] as string | number];
  }
  return current !== undefined;
}

/** The value at `path`, or `undefined`. */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The lowest level whose input sets exactly `path`, if any. */
export function levelSetting(levels: readonly LevelInput[], path: readonly (string | number)[]): LevelInput | undefined {
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i] as LevelInput;
    if (definesPath(level.config, path)) return level;
  }
  return undefined;
}

/**
 * The level to blame for a problem at `path`: the lowest level that sets the path, or else the
 * lowest that sets its nearest ancestor (a missing field is blamed on whoever wrote the object it
 * is missing from).
 */
export function levelToBlame(levels: readonly LevelInput[], path: readonly (string | number)[]): LevelInput {
  for (let length = path.length; length >= 0; length--) {
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i] as LevelInput;
      if (definesPath(level.config, path, length)) return level;
    }
  }
  return levels[0] as LevelInput;
}
