/** The command line split into its parts by {@link parseArgs}. */
export interface ParsedArgs {
  /** The first argument that is not an option (`parse`, `fetch`...), if any. */
  readonly command: string | undefined;
  /** The other arguments that are not options, in order. */
  readonly positionals: readonly string[];
  /** Options that take a value (`--publisher acme` or `--publisher=acme`), by name. */
  readonly values: Readonly<Record<string, string>>;
  /** Options given without a value (`--explain`). */
  readonly flags: ReadonlySet<string>;
}

/** Thrown by {@link parseArgs} for an option missing its value; the CLI answers exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The options a command line may use, by name without `--`. */
export interface ArgsSpec {
  /** Options that take a value (the next argument, or what follows `=`). */
  readonly values: readonly string[];
  /** Options that take no value. */
  readonly flags: readonly string[];
}

/**
 * Splits the arguments into command, positionals and options. `--` ends the options; `-h` is
 * read as `--help`.
 *
 * @param argv - the arguments after the program name
 * @param spec - the options allowed
 * @returns the parsed arguments
 * @throws UsageError for an unknown option, a flag given a value, or a value option without one
 */
export function parseArgs(argv: readonly string[], spec: ArgsSpec): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const queue = [...argv];
  for (let arg = queue.shift(); arg !== undefined; arg = queue.shift()) {
    if (arg === '--') {
      positionals.push(...queue.splice(0));
    } else if (arg === '-h') {
      flags.add('help');
    } else if (arg.startsWith('--')) {
      const [name, inline] = splitOnce(arg.slice(2), '=');
      if (spec.values.includes(name)) {
        const value = inline ?? (queue[0]?.startsWith('--') === false ? queue.shift() : undefined);
        if (value === undefined) throw new UsageError(`option --${name} needs a value`);
        values[name] = value;
      } else if (spec.flags.includes(name) && inline === undefined) {
        flags.add(name);
      } else {
        throw new UsageError(spec.flags.includes(name) ? `option --${name} takes no value` : `unknown option --${name}`);
      }
    } else {
      positionals.push(arg);
    }
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, values, flags };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
