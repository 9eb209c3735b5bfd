import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Markdown files whose examples are checked, relative to the repository root: `README.md`,
 * `docs/*.md` (not the generated `docs/api/`), and the README of every package, app and tool.
 *
 * @param root - the repository root
 * @returns the files, sorted
 */
export function findDocFiles(root: string): string[] {
  const files: string[] = [];
  if (existsSync(join(root, 'README.md'))) files.push('README.md');
  const docs = join(root, 'docs');
  if (existsSync(docs)) {
    for (const entry of readdirSync(docs, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.md')) files.push(`docs/${entry.name}`);
    }
  }
  for (const group of ['packages', 'apps', 'tools']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(dir, entry.name, 'README.md'))) files.push(`${group}/${entry.name}/README.md`);
    }
  }
  return files.sort();
}
