import type { z } from 'zod';
import type { ConfigIssue, ConfigIssueCode } from './config-error.js';
import { interruptionRuleProblems, type RuleProblem } from './interruption-rule-problems.js';
import { type LevelInput, levelSetting, levelToBlame, valueAt } from './level-input.js';
import { mergeLevels } from './merge-levels.js';
import { type ResolvedConfig, ResolvedConfigSchema } from './resolved-config.js';

/** The outcome of merging and validating levels: the config, or every problem found. */
export type LevelsResult =
  | { readonly ok: true; readonly config: ResolvedConfig }
  | { readonly ok: false; readonly issues: ConfigIssue[] };

const INTERRUPTIONS_PATH = ['playback', 'interruptions'] as const;

function pathText(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

function issue(
  levels: readonly LevelInput[],
  merged: unknown,
  path: readonly (string | number)[],
  code: ConfigIssueCode,
  message: string,
  blame: LevelInput = levelToBlame(levels, path),
  value: unknown = valueAt(merged, path),
): ConfigIssue {
  return { level: blame.level, source: blame.source, path, pathText: pathText(path), value, code, message };
}

/** The issue code a schema's own check (`refine`, `superRefine`) put in its params, if any. */
function customCode(zodIssue: z.core.$ZodIssue): unknown {
  return zodIssue.code === 'custom' ? (zodIssue.params as { code?: unknown } | undefined)?.code : undefined;
}

function isRuleCheck(zodIssue: z.core.$ZodIssue): boolean {
  const code = customCode(zodIssue);
  return code === 'exclusive_sum' || code === 'not_pause_like';
}

function fromZod(levels: readonly LevelInput[], merged: unknown, zodIssue: z.core.$ZodIssue): ConfigIssue[] {
  const path = zodIssue.path.filter((key): key is string | number => typeof key !== 'symbol');
  switch (zodIssue.code) {
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) => issue(levels, merged, [...path, key], 'unknown_field', 'unknown field'));
    case 'invalid_type': {
      const missing = valueAt(merged, path) === undefined;
      return [
        issue(
          levels,
          merged,
          path,
          missing ? 'missing' : 'invalid_type',
          missing ? `required (${zodIssue.expected})` : `expected ${zodIssue.expected}`,
        ),
      ];
    }
    case 'too_big':
    case 'too_small':
      return [issue(levels, merged, path, 'out_of_range', zodIssue.message.replace(/^Too (big|small): /, ''))];
    case 'invalid_key':
      return [issue(levels, merged, path, 'invalid_value', zodIssue.issues[0]?.message ?? zodIssue.message)];
    case 'custom':
      // A range check written as a refine (the IAB error code) says so in its params.
      return [issue(levels, merged, path, customCode(zodIssue) === 'out_of_range' ? 'out_of_range' : 'invalid_value', zodIssue.message)];
    default:
      return [issue(levels, merged, path, 'invalid_value', zodIssue.message)];
  }
}

function fromRuleProblem(levels: readonly LevelInput[], merged: unknown, problem: RuleProblem): ConfigIssue {
  const path = [...INTERRUPTIONS_PATH, ...problem.path];
  // A sum is blamed on the lowest level that set one of the probabilities, switches or outcomes in it.
  let blame: LevelInput | undefined;
  for (const related of problem.related) {
    const candidate = levelSetting(levels, [...INTERRUPTIONS_PATH, ...related]);
    if (candidate !== undefined && (blame === undefined || levels.indexOf(candidate) > levels.indexOf(blame))) {
      blame = candidate;
    }
  }
  return issue(levels, merged, path, problem.code, problem.message, blame, problem.value);
}

/**
 * Merges the levels (highest first) and validates the result with {@link ResolvedConfigSchema},
 * turning every problem into a {@link ConfigIssue} blamed on the level that set the bad value.
 */
export function validateLevels(levels: readonly LevelInput[]): LevelsResult {
  let merged: unknown = {};
  for (const level of levels) merged = mergeLevels(merged, level.config);
  const parsed = ResolvedConfigSchema.safeParse(merged);
  if (parsed.success) return { ok: true, config: parsed.data };
  // The cross-rule checks run here rather than through zod: zod skips them once a rule has another
  // problem, and here the sum can be blamed on the level that pushed it over.
  const issues = parsed.error.issues
    .filter((zodIssue) => !isRuleCheck(zodIssue))
    .flatMap((zodIssue) => fromZod(levels, merged, zodIssue));
  for (const problem of interruptionRuleProblems(valueAt(merged, INTERRUPTIONS_PATH))) {
    issues.push(fromRuleProblem(levels, merged, problem));
  }
  return { ok: false, issues };
}
