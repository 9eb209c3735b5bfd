// Proves each package works on its own, as a team that installs just one of them would use it.
// For every folder under packages/: the tarball ships a LICENSE and no tests; its dependency
// metadata matches what its built code imports; publint --strict and attw pass; and a strict
// TypeScript consumer (scripts/consumers/<folder>.ts), installed with npm in an empty folder outside
// the workspace from the tarball and those of its internal dependencies, compiles with the oldest
// supported and the current TypeScript and runs under the engines floor and the current Node.
// Run after `turbo run build`. Arguments: package names to check (default: all).
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { runConsumer } from './package-check/consumer.mjs';
import { auditDependencies } from './package-check/dependency-audit.mjs';
import { checkTarballEntries } from './package-check/tarball-entries.mjs';
import { NODE_VERSIONS, TYPESCRIPT_VERSIONS, prepareToolchain } from './package-check/toolchain.mjs';

const started = performance.now();
const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const packDir = join(root, '.pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);
const work = mkdtempSync(join(tmpdir(), 'vast-check-packages-'));

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** name -> { folder, dir, manifest, tarball } */
const packages = new Map();
for (const folder of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const output = run('npx', ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', packDir], dir);
  const tarball = output.trim().split('\n').filter((line) => line.endsWith('.tgz')).pop();
  packages.set(manifest.name, { folder, dir, manifest, tarball: resolve(dir, tarball) });
}

/** Internal packages `name` installs (its dependencies, theirs, and so on), itself excluded. */
function closure(name, seen = new Set()) {
  for (const dep of Object.keys(packages.get(name).manifest.dependencies ?? {})) {
    if (packages.has(dep) && !seen.has(dep)) {
      seen.add(dep);
      closure(dep, seen);
    }
  }
  return seen;
}

/**
 * What a TypeScript user of `name` installs beside it: the type-only (optional peer) dependencies of
 * the package and of every internal package it installs, and those of the peers themselves.
 */
function typeOnlyPeers(name) {
  const peers = new Map();
  const installed = closure(name);
  const visit = (pkg) => {
    for (const inner of [pkg, ...closure(pkg)]) {
      for (const [peer, range] of Object.entries(packages.get(inner).manifest.peerDependencies ?? {})) {
        if (peers.has(peer) || peer === name || installed.has(peer)) continue;
        peers.set(peer, packages.has(peer) ? `file:${packages.get(peer).tarball}` : range);
        if (packages.has(peer)) visit(peer);
      }
    }
  };
  visit(name);
  return peers;
}

const toolchain = prepareToolchain(join(work, 'toolchain'));
process.stdout.write(`toolchain: TypeScript ${TYPESCRIPT_VERSIONS.join(', ')}; Node ${NODE_VERSIONS.join(', ')}\n`);

const bin = (name) => join(root, 'node_modules', '.bin', name);
const runAsync = promisify(execFile);
const quiet = (cwd) => ({ cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Every check of one package; resolves to the line to print, rejects with the failing step. */
async function checkPackage(name, pkg) {
  let current = 'tarball contents';
  const times = [];
  let since = performance.now();
  const step = (next) => {
    const now = performance.now();
    times.push(`${current} ${((now - since) / 1000).toFixed(1)}s`);
    since = now;
    current = next;
  };
  try {
    const problems = [...checkTarballEntries(pkg.tarball).problems, ...auditDependencies(pkg.dir, pkg.manifest)];
    if (problems.length > 0) throw new Error(problems.map((p) => `  - ${p}`).join('\n'));
    step('publint');
    await runAsync(bin('publint'), ['--strict', pkg.tarball], quiet(root));
    step('attw');
    await runAsync(bin('attw'), ['--profile', 'esm-only', '--format', 'ascii', pkg.tarball], quiet(root));
    const peers = typeOnlyPeers(name);
    const installed = new Set([...closure(name), ...[...peers.keys()].flatMap((peer) => (packages.has(peer) ? [peer, ...closure(peer)] : []))]);
    const overrides = Object.fromEntries(
      [...installed].filter((dep) => dep !== name && !peers.has(dep)).map((dep) => [dep, `file:${packages.get(dep).tarball}`]),
    );
    const dir = mkdtempSync(join(work, `${pkg.folder}-`));
    const printed = await runConsumer({
      dir,
      name,
      snippet: join(root, 'scripts', 'consumers', `${pkg.folder}.ts`),
      dependencies: { [name]: `file:${pkg.tarball}`, ...Object.fromEntries(peers) },
      overrides,
      toolchain,
      step,
    });
    step('done');
    const extra = peers.size > 0 ? ` (TypeScript users add ${[...peers.keys()].join(', ')})` : '';
    return `ok   ${name}: LICENSE, no tests, dependencies match imports, publint, attw, installs alone${extra}, compiles, runs: ${printed.split('\n').at(-1)}\n     [${times.join(', ')}]\n`;
  } catch (error) {
    failures.push(name);
    return `FAIL ${name} at ${current}:\n${error.stdout ?? ''}${error.stderr ?? error.message}\n`;
  }
}

// npm installs and compilers wait on the network and the disk as much as on a core: a few at a time.
const concurrency = Math.max(2, Math.min(4, availableParallelism()));
const queue = [...packages].filter(([name]) => only.length === 0 || only.includes(name));
const failures = [];
const checked = queue.length;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      process.stdout.write(await checkPackage(...next));
    }
  }),
);
rmSync(work, { recursive: true, force: true });
const seconds = Math.round((performance.now() - started) / 1000);
process.stdout.write(`\npackages: ${checked - failures.length} passed, ${failures.length} failed (${seconds} s)\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
