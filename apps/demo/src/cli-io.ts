/** Where the CLI writes text: `process.stdout` in the bin, a string buffer in tests. */
export interface Writer {
  /** Writes a chunk of text as is (the caller adds the newlines). */
  write(text: string): unknown;
  /** Whether the stream is a terminal (progress bars are drawn only there). @defaultValue `false` */
  readonly isTTY?: boolean;
}

/**
 * What a command talks to: two output streams (results go to `out`, problems and progress to
 * `err`) and the directory the user typed the command in.
 */
export interface CliIo {
  /** Normal output (summaries, JSON, usage asked for). */
  readonly out: Writer;
  /** Error messages, progress, and the usage shown after a mistake. */
  readonly err: Writer;
  /**
   * The directory relative file arguments are read from. The bin passes the directory `pnpm demo`
   * was typed in, since pnpm runs the script from `apps/demo`.
   * @defaultValue the process's working directory
   */
  readonly cwd?: string;
  /**
   * The environment variables (auto mode reads them through `detectPlaybackEnvironment`).
   * @defaultValue `process.env`
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Resolves when the user asks a long-running command (`serve`) to stop, with what asked.
   * @defaultValue the first SIGINT or SIGTERM of the process (`runCli` fills it in)
   */
  readonly untilStopped?: () => Promise<string>;
}

/**
 * Writes each line followed by a newline.
 * @param writer - where to write
 * @param lines - the lines, without their newlines
 */
export function writeLines(writer: Writer, lines: readonly string[]): void {
  writer.write(lines.map((line) => `${line}\n`).join(''));
}
