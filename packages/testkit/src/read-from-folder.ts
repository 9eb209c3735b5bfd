import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { MockResponse } from './mock-response.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a request path names in the served folder (`/a/b.xml` is `<root>/a/b.xml`), as an
 * answer with its content type; `undefined` when there is no folder, no such file, or the path
 * would leave the folder.
 * @param root - the served folder, absolute
 * @param path - the request path, URL-encoded
 * @internal
 */
export async function readFromFolder(root: string | undefined, path: string): Promise<MockResponse | undefined> {
  if (root === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    const body = await readFile(file);
    return { body, headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' } };
  } catch {
    return undefined;
  }
}
