import type { CliIo } from '../src/cli-io.js';

/** A `CliIo` that keeps what the CLI writes, for assertions. */
export interface CapturedIo extends CliIo {
  /** Everything written to `out` so far. */
  stdout(): string;
  /** Everything written to `err` so far. */
  stderr(): string;
}

/** @returns a fresh capturing `CliIo` */
export function captureIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    stdout: () => out,
    stderr: () => err,
  };
}
