import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_NAMES, listPackages } from '../src/packages.js';

describe('listPackages', () => {
  it('lists every toolkit package with the description from its own manifest', () => {
    const packages = listPackages();
    expect(packages.map((p) => p.name)).toEqual([...PACKAGE_NAMES]);
    for (const pkg of packages) {
      expect(pkg.description.length).toBeGreaterThan(10);
    }
  });

  it('forgets no package of the workspace', () => {
    const root = new URL('../../../packages/', import.meta.url);
    const names = readdirSync(root).map((folder) => (JSON.parse(readFileSync(new URL(`${folder}/package.json`, root), 'utf8')) as { name: string }).name);
    expect([...PACKAGE_NAMES].sort()).toEqual(names.sort());
  });
});
