// Proves each package works on its own, as a team that installs just one of them would use it:
// publint --strict and attw on its tarball, then the tarball (with the tarballs of its internal
// dependencies, nothing else from the workspace) installed with npm in an empty folder outside the
// workspace and imported with plain Node. Run after `turbo run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const packDir = join(root, '.pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** name -> { dir, tarball, internal dependency names } */
const packages = new Map();
for (const folder of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const output = run('npx', ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', packDir], dir);
  const tarball = output.trim().split('\n').filter((line) => line.endsWith('.tgz')).pop();
  const internal = Object.keys(manifest.dependencies ?? {}).filter((dep) => dep.startsWith('@vast/'));
  packages.set(manifest.name, { dir, tarball: resolve(dir, tarball), internal });
}

/** Every internal package `name` needs at run time, itself excluded. */
function closure(name, seen = new Set()) {
  for (const dep of packages.get(name).internal) {
    if (!seen.has(dep)) {
      seen.add(dep);
      closure(dep, seen);
    }
  }
  return seen;
}

const failures = [];
let checked = 0;
for (const [name, pkg] of packages) {
  if (only.length > 0 && !only.includes(name)) continue;
  checked += 1;
  const steps = [];
  try {
    steps.push('publint');
    run('npx', ['publint', '--strict', pkg.tarball], root);
    steps.push('attw');
    run('npx', ['attw', '--profile', 'esm-only', '--format', 'ascii', pkg.tarball], root);
    steps.push('install');
    const consumer = mkdtempSync(join(tmpdir(), 'vast-consumer-'));
    const overrides = Object.fromEntries([...closure(name)].map((dep) => [dep, `file:${packages.get(dep).tarball}`]));
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { [name]: `file:${pkg.tarball}` }, overrides }),
    );
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], consumer);
    steps.push('import');
    const exported = run(
      'node',
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(name)}); console.log(Object.keys(m).join(', '))`],
      consumer,
    ).trim();
    rmSync(consumer, { recursive: true, force: true });
    process.stdout.write(`ok   ${name}: publint, attw, installs alone, imports [${exported || 'types only'}]\n`);
  } catch (error) {
    failures.push(name);
    process.stdout.write(`FAIL ${name} at ${steps.at(-1)}:\n${error.stdout ?? ''}${error.stderr ?? error.message}\n`);
  }
}
process.stdout.write(`\npackages: ${checked - failures.length} passed, ${failures.length} failed\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
