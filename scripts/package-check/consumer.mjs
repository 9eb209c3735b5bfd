// A strict TypeScript consumer of one tarball in an empty folder outside the workspace: the
// package and its internal dependencies installed from their tarballs, nothing else from the
// workspace; compiled with each TypeScript version and run with each Node version.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const quiet = (cwd) => ({ cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/**
 * The consumer's tsconfig: strict, declarations of every installed package checked, NodeNext, and
 * Node's types only when the package declares that its types need them.
 *
 * @param {boolean} nodeTypes - `@types/node` is installed for this package
 */
function tsconfig(nodeTypes) {
  return {
    compilerOptions: {
      strict: true,
      skipLibCheck: false,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      // Without Node's types the consumer is any JavaScript host: the DOM library gives it a console.
      lib: nodeTypes ? ['ES2023'] : ['ES2023', 'DOM'],
      types: nodeTypes ? ['node'] : [],
      outDir: 'out',
    },
    files: ['index.ts'],
  };
}

/**
 * Sets up, compiles and runs one consumer.
 *
 * @param {object} options
 * @param {string} options.dir - an empty folder
 * @param {string} options.name - the package under test
 * @param {string} options.snippet - scripts/consumers/<folder>.ts
 * @param {Record<string, string>} options.dependencies - what the consumer installs (the package, its type-only peers)
 * @param {Record<string, string>} options.overrides - internal packages from their tarballs
 * @param {{ tsc: Map<string, string>, node: Map<string, string> }} options.toolchain
 * @param {(step: string) => void} options.step - records the step being run, for the failure message
 * @returns {Promise<string>} what the consumer printed under the last Node version
 */
export async function runConsumer({ dir, name, snippet, dependencies, overrides, toolchain, step }) {
  if (!existsSync(snippet)) throw new Error(`no consumer for ${name}: write ${snippet}`);
  step('install');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, overrides }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], quiet(dir));
  const nodeTypes = existsSync(join(dir, 'node_modules', '@types', 'node'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig(nodeTypes), null, 2));
  copyFileSync(snippet, join(dir, 'index.ts'));
  for (const [version, tsc] of toolchain.tsc) {
    step(`tsc ${version}`);
    await run(process.execPath, [tsc, '-p', '.'], quiet(dir));
  }
  let printed = '';
  for (const [version, node] of toolchain.node) {
    step(`node ${version}`);
    printed = (await run(node, ['out/index.js'], { ...quiet(dir), timeout: 30_000 })).stdout.trim();
  }
  return printed;
}
