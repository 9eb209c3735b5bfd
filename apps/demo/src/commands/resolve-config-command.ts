import { ConfigResolver, formatExplanation } from '@vast/config';
import { writeLines, type CliIo } from '../cli-io.js';
import { DEMO_PUBLISHERS } from '../demo-publishers.js';

/** Options of `vast resolve-config`. */
export interface ResolveConfigCommandOptions {
  /** A publisher id whose overrides apply (the demo knows `acme`). */
  readonly publisher?: string;
  /** Say which level set each field instead of printing the config. */
  readonly explain?: boolean;
  /** With `explain`, print the explanation as JSON rather than text. */
  readonly json?: boolean;
}

/**
 * `resolve-config <provider> [--publisher id] [--explain] [--json]`: the config a playback for
 * that provider (and publisher) runs with, as JSON; with `--explain`, one line per field saying
 * which level set it (as JSON with `--json`).
 *
 * @param provider - the provider profile name
 * @param options - `publisher`, `explain`, `json`
 * @param io - where to write
 * @returns 0
 * @throws ConfigError naming the path (an unknown provider, for instance)
 */
export function resolveConfigCommand(provider: string, options: ResolveConfigCommandOptions, io: CliIo): number {
  const resolver = new ConfigResolver({ publishers: DEMO_PUBLISHERS });
  if (options.explain === true) {
    const explanation = resolver.explain(provider, options.publisher);
    writeLines(io.out, [options.json === true ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation)]);
  } else {
    writeLines(io.out, [JSON.stringify(resolver.resolve(provider, options.publisher), null, 2)]);
  }
  return 0;
}
