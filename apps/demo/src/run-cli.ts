import { writeLines, type CliIo } from './cli-io.js';
import { demoCommand } from './commands/demo-command.js';
import { fetchCommand } from './commands/fetch-command.js';
import { USAGE, helpCommand } from './commands/help-command.js';
import { parseCommand } from './commands/parse-command.js';
import { resolveConfigCommand } from './commands/resolve-config-command.js';
import { UsageError, parseArgs } from './parse-args.js';

/** Exit code of a command line the CLI does not understand. */
export const USAGE_EXIT_CODE = 2;

/**
 * Runs the demo CLI: picks the command from the arguments and runs it, writing only to `io`.
 *
 * @param argv - the arguments after the program name
 * @param io - where normal output and errors go
 * @returns the exit code: 0 success, 1 the command failed (invalid VAST, config error, no ad),
 *   2 the command line is wrong (unknown command or option, missing argument)
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, { values: ['publisher'], flags: ['help', 'explain', 'allow-private'] });
    if (args.flags.has('help')) return helpCommand(io.out);
    switch (args.command) {
      case undefined:
        return await demoCommand(io);
      case 'help':
        return helpCommand(io.out);
      case 'parse':
        return await parseCommand(args, io);
      case 'resolve-config':
        return resolveConfigCommand(args, io);
      case 'fetch':
        return await fetchCommand(args, io);
      default:
        throw new UsageError(`unknown command: ${args.command}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLines(io.err, [`vast-demo: ${error.message}`, '', ...USAGE]);
    return USAGE_EXIT_CODE;
  }
}
