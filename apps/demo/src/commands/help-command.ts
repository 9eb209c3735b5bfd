import { writeLines, type Writer } from '../cli-io.js';
import { listPackages } from '../packages.js';

/** The usage text of the CLI, one line per entry. */
export const USAGE: readonly string[] = [
  'Usage: vast-demo [command] [options]',
  '',
  'Commands:',
  '  (none)                        resolve a 3-wrapper chain served by a local mock ad server,',
  '                                print it, and fire the first beacons as a dry run',
  '  parse <file>                  parse a VAST file and summarise it (exit 1 if invalid)',
  '  resolve-config <provider>     print the resolved playback config as JSON',
  '      --publisher <id>          add a publisher\'s overrides (the demo knows "acme")',
  '      --explain                 show which level set each field instead',
  '  fetch <url>                   resolve a real ad tag and summarise it (no beacons fired)',
  '      --allow-private           allow loopback and private addresses (refused by default)',
  '  help, --help                  this text',
];

/**
 * `help`: prints the usage, then the toolkit's packages and what each does.
 *
 * @param out - where to write
 * @returns 0
 */
export function helpCommand(out: Writer): number {
  const packages = listPackages();
  const width = Math.max(...packages.map((p) => p.name.length));
  writeLines(out, [
    ...USAGE,
    '',
    'The toolkit:',
    ...packages.map((pkg) => `  ${pkg.name.padEnd(width)}  ${pkg.description}`),
  ]);
  return 0;
}
