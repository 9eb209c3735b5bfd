// Runs a command (turbo) with the two facts a test result depends on beyond the sources, as
// variables turbo.json puts in the test task's hash: the Node version (a Node 24 run must not
// replay a Node 20 result) and a hash of the conformance corpus (a run without it, cached as
// "skipped", must not be replayed once it appears). Usage: node scripts/with-test-env.mjs <cmd> [args]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// The same default as the conformance tests: VAST_CORPUS_DIR, else ../shared/fixtures beside the clone.
const corpus = resolve(root, process.env.VAST_CORPUS_DIR ?? '../shared/fixtures');

/** Every file's path and bytes, in a stable order; `absent` without the folder (832 KB: a few ms). */
function corpusHash(dir) {
  if (!existsSync(dir)) return 'absent';
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${relative(dir, file)}\0`).update(readFileSync(file)).update('\0');
  return `${files.length}:${hash.digest('hex')}`;
}

const [command, ...args] = process.argv.slice(2);
const env = { ...process.env, VAST_NODE_VERSION: process.version, VAST_CORPUS_HASH: corpusHash(corpus) };
process.stdout.write(`test environment: Node ${env.VAST_NODE_VERSION}, corpus ${corpus} (${env.VAST_CORPUS_HASH.slice(0, 16)})\n`);
const result = spawnSync(command, args, { stdio: 'inherit', env });
process.exitCode = result.status ?? 1;
