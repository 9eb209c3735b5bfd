import type { ConfigLevel } from './config-level.js';
import { type LevelInput, levelSetting, SCHEMA_DEFAULT_SOURCE } from './level-input.js';
import type { ResolvedConfig } from './resolved-config.js';

/** Where one field of a resolved config got its value. */
export interface ExplainedField {
  /** The dotted path, e.g. `playback.interruptions.viewerPause.probability`. */
  readonly path: string;
  /** The resolved value (arrays and empty objects are reported whole). */
  readonly value: unknown;
  /** The level that set it; `global` also covers schema defaults. */
  readonly level: ConfigLevel;
  /** Which input of that level, e.g. `provider "tiger"`, `publisher "acme"` or `schema default`. */
  readonly source: string;
}

/** What {@link ConfigResolver.explain} returns: the config and, per field, who set it. */
export interface ConfigExplanation {
  /** The resolved config, as `resolve` would return it. */
  readonly config: ResolvedConfig;
  /** Every leaf field of the config by dotted path, in the config's field order. */
  readonly fields: Readonly<Record<string, ExplainedField>>;
}

function isLeaf(value: unknown): boolean {
  return typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0;
}

/** Lists the leaves of `config` and, for each, the lowest level that set exactly that path. */
export function explainFields(config: ResolvedConfig, levels: readonly LevelInput[]): Record<string, ExplainedField> {
  const fields: Record<string, ExplainedField> = {};
  const walk = (value: unknown, path: string[]): void => {
    if (isLeaf(value)) {
      const setter = levelSetting(levels, path);
      const text = path.join('.');
      fields[text] = {
        path: text,
        value,
        level: setter?.level ?? 'global',
        source: setter?.source ?? SCHEMA_DEFAULT_SOURCE,
      };
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) walk(child, [...path, key]);
  };
  walk(config, []);
  return fields;
}

/**
 * Formats an explanation as aligned text, one field per line: path, value, and the source that
 * set it.
 *
 * @param explanation - what {@link ConfigResolver.explain} returned
 * @returns lines like `playback.seed  42  <- request overrides`
 *
 * @example
 * ```ts
 * console.log(formatExplanation(resolver.explain('tiger', 'acme')));
 * ```
 */
export function formatExplanation(explanation: ConfigExplanation): string {
  const rows = Object.values(explanation.fields).map((field) => [field.path, JSON.stringify(field.value), field.source]);
  const width = (column: number) => Math.max(...rows.map((row) => (row[column] ?? '').length));
  const pathWidth = width(0);
  const valueWidth = width(1);
  return rows
    .map(([path = '', value = '', source = '']) => `${path.padEnd(pathWidth)}  ${value.padEnd(valueWidth)}  <- ${source}`)
    .join('\n');
}
