// What a tarball ships: every package carries the licence and none carries its tests.
import { execFileSync } from 'node:child_process';

const TEST_FILE = /(^|\/)(test|tests|__tests__)\/|\.(test|spec|bench)\.[cm]?[jt]sx?$|(^|\/)vitest\.config\./;

/**
 * The problems with a tarball's file list: a missing LICENSE, any test file.
 *
 * @param {string} tarball - path of the .tgz
 * @returns {{ files: string[], problems: string[] }} the paths inside `package/`, and what is wrong
 */
export function checkTarballEntries(tarball) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('package/') && !line.endsWith('/'))
    .map((line) => line.slice('package/'.length));
  const problems = [];
  if (!files.includes('LICENSE')) problems.push('no LICENSE in the tarball');
  const tests = files.filter((file) => TEST_FILE.test(file));
  if (tests.length > 0) problems.push(`test files in the tarball: ${tests.join(', ')}`);
  return { files, problems };
}
