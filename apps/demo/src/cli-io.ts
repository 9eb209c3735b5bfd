/** Where the CLI writes text: `process.stdout` in the bin, a string buffer in tests. */
export interface Writer {
  /** Writes a chunk of text as is (the caller adds the newlines). */
  write(text: string): unknown;
}

/** The two output streams of a command: results go to `out`, problems to `err`. */
export interface CliIo {
  /** Normal output (summaries, JSON, usage asked for). */
  readonly out: Writer;
  /** Error messages and the usage shown after a mistake. */
  readonly err: Writer;
}

/**
 * Writes each line followed by a newline.
 * @param writer - where to write
 * @param lines - the lines, without their newlines
 */
export function writeLines(writer: Writer, lines: readonly string[]): void {
  writer.write(lines.map((line) => `${line}\n`).join(''));
}
