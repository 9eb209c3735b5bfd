import { InterruptionTypeSchema, isPauseLike } from './interruption-type.js';

/** A problem across interruption rules, with a path relative to the rules record. */
export interface RuleProblem {
  readonly path: readonly (string | number)[];
  readonly code: 'exclusive_sum' | 'not_pause_like';
  readonly message: string;
  readonly value: unknown;
  /** For a sum: the paths (relative to the rules) of what went into it. */
  readonly related: readonly (readonly string[])[];
}

/** Slack for floating-point sums such as 0.1 + 0.2 + 0.7. */
const EPSILON = 1e-9;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Out-of-range probabilities are reported on their own and left out of the sum. */
function isProbability(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

/**
 * The checks that concern several rules or a rule's type: a `resumed` outcome is allowed only for
 * pause-like types, and the interruptions that end the ad (outcome `stopped` or `failed`) are
 * mutually exclusive, so their enabled probabilities must not sum above 1. Tolerates malformed
 * input (it runs even when the schema found other problems) and skips what it cannot read.
 */
export function interruptionRuleProblems(rules: unknown): RuleProblem[] {
  const entries = record(rules);
  if (entries === undefined) return [];
  const problems: RuleProblem[] = [];
  const ending: string[] = [];
  let sum = 0;
  for (const [type, raw] of Object.entries(entries)) {
    const rule = record(raw);
    const parsedType = InterruptionTypeSchema.safeParse(type);
    if (rule === undefined || !parsedType.success) continue;
    const kind = record(rule['outcome'])?.['kind'];
    if (kind === 'resumed' && !isPauseLike(parsedType.data)) {
      problems.push({
        path: [type, 'outcome', 'kind'],
        code: 'not_pause_like',
        message: `"${type}" ends the ad, so its outcome must be "stopped" or "failed", not "resumed"`,
        value: kind,
        related: [],
      });
    }
    const probability = rule['probability'];
    if (rule['enabled'] !== false && (kind === 'stopped' || kind === 'failed') && isProbability(probability)) {
      sum += probability;
      ending.push(type);
    }
  }
  if (sum > 1 + EPSILON) {
    problems.push({
      path: [],
      code: 'exclusive_sum',
      message: `probabilities of the interruptions that end the ad (${ending.join(', ')}) sum to ${Number(sum.toFixed(6))}, above 1`,
      value: sum,
      related: ending.flatMap((type) => [
        [type, 'probability'],
        [type, 'enabled'],
        [type, 'outcome', 'kind'],
      ]),
    });
  }
  return problems;
}
