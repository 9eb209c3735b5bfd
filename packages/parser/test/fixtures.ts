import { readFileSync } from 'node:fs';
import { isVastError, type VastError } from '../src/index.js';

/** The text of a project fixture in test/fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Runs `fn` and returns the VastError it throws; fails the test if it throws anything else or nothing. */
export function vastErrorOf(fn: () => unknown): VastError {
  try {
    fn();
  } catch (error) {
    if (isVastError(error)) return error;
    throw new Error(`expected a VastError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a VastError, nothing was thrown');
}
