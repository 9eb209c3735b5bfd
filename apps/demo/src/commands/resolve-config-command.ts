import { ConfigResolver, formatExplanation, isConfigError } from '@vast/config';
import { writeLines, type CliIo } from '../cli-io.js';
import { DEMO_PUBLISHERS } from '../demo-publishers.js';
import { UsageError, type ParsedArgs } from '../parse-args.js';

/**
 * `resolve-config <provider> [--publisher id] [--explain]`: the config a playback for that
 * provider (and publisher) runs with, as JSON; with `--explain`, one line per field saying which
 * level set it.
 *
 * @param args - the parsed command line (`positionals[0]` is the provider)
 * @param io - where to write
 * @returns 0, or 1 when the resolver refuses (an unknown provider, for instance)
 * @throws UsageError when the provider is missing
 */
export function resolveConfigCommand(args: ParsedArgs, io: CliIo): number {
  const provider = args.positionals[0];
  if (provider === undefined) throw new UsageError('resolve-config needs a provider');
  const publisher = args.values.publisher;
  const resolver = new ConfigResolver({ publishers: DEMO_PUBLISHERS });
  try {
    if (args.flags.has('explain')) {
      writeLines(io.out, [formatExplanation(resolver.explain(provider, publisher))]);
    } else {
      writeLines(io.out, [JSON.stringify(resolver.resolve(provider, publisher), null, 2)]);
    }
    return 0;
  } catch (error) {
    if (!isConfigError(error)) throw error;
    writeLines(io.err, [error.message]);
    return 1;
  }
}
