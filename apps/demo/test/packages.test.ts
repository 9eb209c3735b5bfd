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
});
