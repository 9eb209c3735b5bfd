// A package installs what its JavaScript runs and nothing more: every bare import of the built
// JavaScript is in `dependencies`, every dependency is imported by it, and what only the
// declarations refer to is an optional peer dependency (installed by TypeScript users, who get the
// types from it; see docs/development.md, "Dependencies").
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

const BUILTINS = new Set(builtinModules);

/** `node:fs` and `fs` are Node's; `@scope/name/sub` and `name/sub` are `@scope/name` and `name`. */
function packageOf(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function filesUnder(dir, suffix) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Package names a set of files imports (comments ignored: TypeScript's own pre-processor reads them). */
function importsOf(files, self) {
  const found = new Set();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const specifiers = [...info.importedFiles.map((f) => f.fileName), ...info.typeReferenceDirectives.map((d) => `@types/${d.fileName}`)];
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) continue;
      const name = packageOf(specifier);
      if (name !== self) found.add(name);
    }
  }
  return found;
}

/**
 * What is wrong with a package's dependency metadata, read against its built `dist/`.
 *
 * @param {string} dir - the package folder, after the build
 * @param {Record<string, any>} manifest - its package.json
 * @returns {string[]} one line per problem; none when the metadata matches the code
 */
export function auditDependencies(dir, manifest) {
  const dist = join(dir, 'dist');
  const runtime = importsOf(filesUnder(dist, '.js'), manifest.name);
  const types = importsOf(filesUnder(dist, '.d.ts'), manifest.name);
  const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
  const peers = new Set(Object.keys(manifest.peerDependencies ?? {}));
  const optional = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name));
  const problems = [];
  runtime.delete('node:');
  for (const name of runtime) {
    if (!dependencies.has(name)) problems.push(`the JavaScript imports ${name}, which is not in dependencies`);
  }
  for (const name of dependencies) {
    if (runtime.has(name)) continue;
    if (types.has(name)) problems.push(`${name} is only used by the declarations: make it an optional peer dependency`);
    else problems.push(`${name} is a dependency that nothing imports`);
  }
  for (const name of peers) {
    if (!optional.has(name)) problems.push(`peer dependency ${name} is not marked optional in peerDependenciesMeta`);
    if (runtime.has(name)) problems.push(`peer dependency ${name} is imported by the JavaScript: make it a dependency`);
  }
  if (types.delete('node:')) types.add('@types/node');
  for (const name of types) {
    if (!dependencies.has(name) && !peers.has(name)) problems.push(`the declarations import ${name}, which is neither a dependency nor a peer dependency`);
  }
  return problems;
}
