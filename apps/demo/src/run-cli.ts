import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { CliError, USAGE_EXIT_CODE, describeError } from './cli-error.js';
import { writeLines, type CliIo } from './cli-io.js';
import { demoCommand } from './commands/demo-command.js';
import { parseCommand } from './commands/parse-command.js';
import { playCommand } from './commands/play-command.js';
import { replayCommand } from './commands/replay-command.js';
import { resolveCommand } from './commands/resolve-command.js';
import { resolveConfigCommand } from './commands/resolve-config-command.js';
import { serveCommand } from './commands/serve-command.js';
import { simulateCommand } from './commands/simulate-command.js';
import { integerOption, onOffOption } from './option-parsers.js';
import { listPackages } from './packages.js';
import { untilSignal } from './until-signal.js';

/** The largest seed (the config's `playback.seed` is an unsigned 32-bit integer). */
const MAX_SEED = 0xffff_ffff;

/** The toolkit's packages, listed after the main help. */
function packagesHelp(): string {
  const packages = listPackages();
  const width = Math.max(...packages.map((p) => p.name.length));
  return ['', 'The toolkit:', ...packages.map((pkg) => `  ${pkg.name.padEnd(width)}  ${pkg.description}`)].join('\n');
}

const allowPrivate = (): Option<'--allow-private-network', undefined, undefined, undefined, false> =>
  new Option('--allow-private-network', 'allow loopback and private addresses (refused by the SSRF guard by default)');

/**
 * The `vast` program: one commander command per CLI command. Each action stores its exit code
 * in `done`.
 */
function buildProgram(io: CliIo, done: (code: number) => void): Command<[string | undefined]> {
  const program = new Command('vast')
    .description('VAST ad resolution, playback, simulation and beacon replay for CTV middleware.\nWith no command: the self-contained demo.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out.write(text), writeErr: (text) => io.err.write(text) })
    .showSuggestionAfterError()
    .addHelpText('after', packagesHelp)
    .usage('[command] [options]')
    .argument('[command]')
    .action(async (command) => {
      // The program's own action (the demo) takes no argument: anything here is a typo.
      if (command !== undefined) throw new CliError(`unknown command '${command}' (see vast --help)`, USAGE_EXIT_CODE);
      done(await demoCommand(io));
    });

  program
    .command('parse')
    .description('parse a VAST file and summarise it')
    .argument('<file>', 'a VAST XML file')
    .option('--json', 'print the parsed model as JSON')
    .action(async (file, options) => done(await parseCommand(file, options, io)));

  program
    .command('resolve')
    .alias('fetch')
    .description('resolve an ad tag (or a VAST file) through its wrapper chain and summarise it')
    .argument('<url|file>', 'an ad tag URL or a VAST file')
    .option('--json', 'print the resolution as JSON')
    .option('--no-beacons', 'record the Error pixels of a failed chain instead of firing them')
    .addOption(allowPrivate())
    .action(async (source, options) => done(await resolveCommand(source, options, io)));

  program
    .command('resolve-config')
    .description('print the playback config of a provider profile (and publisher)')
    .argument('<provider>', 'global, tiger, leto, yandex, google or custom')
    .option('--publisher <id>', 'add a publisher\'s overrides (the demo knows "acme")')
    .option('--explain', 'show which level set each field')
    .option('--json', 'with --explain: as JSON')
    .action((provider, options) => done(resolveConfigCommand(provider, options, io)));

  program
    .command('play')
    .description('resolve an ad and play it: the timeline of events and beacons, or the session JSON')
    .argument('<url|file>', 'an ad tag URL or a VAST file')
    .addOption(new Option('--mode <mode>', 'playback mode (default: the config\'s)').choices(['real', 'headless', 'auto'] as const))
    .option('--provider <name>', 'provider profile', 'global')
    .option('--publisher <id>', 'publisher id')
    .option('--seed <n>', 'seed of the headless playback', integerOption('--seed', 0, MAX_SEED))
    .option('--interruptions <on|off>', 'apply the provider\'s interruption model (headless)', onOffOption, true)
    .option('--send-beacons', 'send the beacons of a headless playback (real playback always sends)')
    .addOption(allowPrivate())
    .option('--json', 'print the session JSON on stdout')
    .action(async (source, options) => done(await playCommand(source, options, io)));

  program
    .command('simulate')
    .description('forecast the completion funnel over many headless sessions')
    .argument('<url|file>', 'an ad tag URL or a VAST file')
    .requiredOption('--sessions <n>', 'how many sessions', integerOption('--sessions', 1))
    .option('--provider <name>', 'provider profile (its interruption model)', 'global')
    .option('--publisher <id>', 'publisher id')
    .option('--seed <n>', 'seed of the run', integerOption('--seed', 0, MAX_SEED))
    .option('--interruptions <on|off>', 'apply the interruption model', onOffOption, true)
    .option('--report <file>', 'write a self-contained HTML report of the funnel')
    .addOption(allowPrivate())
    .option('--json', 'print the forecast as JSON')
    .action(async (source, options) => done(await simulateCommand(source, options, io)));

  program
    .command('replay')
    .description("re-drive a recorded session's beacons (recorded unless --send-beacons)")
    .argument('<session.json>', 'a session JSON file (from play --json)')
    .requiredOption('--ad <url|file>', 'the ad the session played (for its tracking URLs)')
    .option('--send-beacons', 'send the beacons instead of recording them')
    .option('--state <file>', 'where the beacons already fired are kept (default: <session.json>.fired.json)')
    .addOption(allowPrivate())
    .option('--json', 'print the replay as JSON')
    .action(async (session, options) => done(await replayCommand(session, options, io)));

  program
    .command('serve')
    .description('run the mock ad server with the bundled documents until Ctrl-C')
    .action(async () => done(await serveCommand({ untilStopped: untilSignal, ...io })));

  return program;
}

/**
 * Runs the `vast` CLI: parses the arguments with commander and runs the command, writing only to
 * `io`. Bad input ends in one line on stderr (`vast: IAB 301: ...`, `vast: config error at
 * provider ...`) and a non-zero exit code, never a stack trace.
 *
 * @param argv - the arguments after the program name
 * @param io - where output goes, the user's directory and environment
 * @returns the exit code: 0 success; 1 the command failed on its input (invalid VAST, no ad,
 *   config error, unreadable file); 2 the command line is wrong (unknown command or option, bad
 *   option value, missing argument)
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (exitCode) => (code = exitCode));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (or the help) already.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    writeLines(io.err, [`vast: ${describeError(error)}`]);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
