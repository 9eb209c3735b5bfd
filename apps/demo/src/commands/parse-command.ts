import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isVastError, parseVast } from '@vast/parser';
import { writeLines, type CliIo } from '../cli-io.js';
import { formatDocument } from '../format-document.js';
import { UsageError, type ParsedArgs } from '../parse-args.js';

/**
 * `parse <file>`: parses a local VAST file with `parseVast` (lenient mode) and prints its version,
 * its ads and the warnings, or the `VastError` code and message.
 *
 * @param args - the parsed command line (`positionals[0]` is the file)
 * @param io - where to write
 * @returns 0 when the file parsed, 1 when it could not be read or is not valid VAST
 * @throws UsageError when the file is missing from the command line
 */
export async function parseCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = args.positionals[0];
  if (file === undefined) throw new UsageError('parse needs a file');
  let xml: Uint8Array;
  try {
    xml = await readFile(io.cwd === undefined ? file : resolve(io.cwd, file));
  } catch (error) {
    writeLines(io.err, [`Cannot read ${file}: ${(error as Error).message}`]);
    return 1;
  }
  try {
    writeLines(io.out, formatDocument(file, parseVast(xml)));
    return 0;
  } catch (error) {
    if (!isVastError(error)) throw error;
    writeLines(io.err, [`${file}: not valid VAST: IAB ${error.code}: ${error.message}`]);
    return 1;
  }
}
