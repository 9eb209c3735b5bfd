import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The app's folder: where `pnpm demo` runs the CLI from. */
const appDir = fileURLToPath(new URL('..', import.meta.url));

/** tsx's loader by absolute URL, so the CLI can run from any working directory. */
const tsxLoader = pathToFileURL(createRequire(`${appDir}package.json`).resolve('tsx')).href;

/** What a finished process gave. */
export interface CliRun {
  /** The exit code (`null` when a signal killed it). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a spawned CLI: the test runner's own variables removed (they would make auto
 * mode headless and INIT_CWD would move relative paths), plus `extra`.
 */
function cliEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(VITEST|INIT_CWD$|npm_|NODE_ENV$)/u.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * Starts the CLI as the `start` script does (`tsx --conditions=@vast/source src/cli.ts`), in
 * `cwd`.
 *
 * @param argv - the arguments
 * @param options - the working directory and extra environment variables
 * @returns the child process
 */
export function startCli(argv: readonly string[], options: { cwd?: string; env?: Readonly<Record<string, string>> } = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', tsxLoader, '--conditions=@vast/source', `${appDir}src/cli.ts`, ...argv], {
    cwd: options.cwd ?? appDir,
    env: cliEnv(options.env ?? {}),
  });
}

/**
 * Runs the CLI to its end.
 *
 * @param argv - the arguments
 * @param options - the working directory and extra environment variables
 * @returns the exit code and the two outputs
 */
export function runCliProcess(argv: readonly string[], options: { cwd?: string; env?: Readonly<Record<string, string>> } = {}): Promise<CliRun> {
  const child = startCli(argv, options);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
