import { isVastError, parseVast } from '@vast/parser';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { formatDocument } from '../format-document.js';
import { readSource } from '../load-ad.js';

/** Options of `vast parse`. */
export interface ParseCommandOptions {
  /** Print the parsed model as JSON instead of the summary. */
  readonly json?: boolean;
}

/**
 * `parse <file>`: parses a local VAST file with `parseVast` (lenient mode) and prints its version,
 * its ads and the warnings (or, with `--json`, the whole model).
 *
 * @param file - the file, relative to the user's directory
 * @param options - `json`
 * @param io - where to write
 * @returns 0 when the file parsed
 * @throws {@link CliError} when it cannot be read or is not valid VAST (with the IAB code)
 */
export async function parseCommand(file: string, options: ParseCommandOptions, io: CliIo): Promise<number> {
  const xml = await readSource(file, io.cwd);
  let document;
  try {
    document = parseVast(xml);
  } catch (error) {
    if (!isVastError(error)) throw error;
    throw new CliError(`${file}: not valid VAST: IAB ${error.errorCode}: ${error.message}`);
  }
  writeLines(io.out, options.json === true ? [JSON.stringify(document, null, 2)] : formatDocument(file, document));
  return 0;
}
