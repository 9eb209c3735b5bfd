import { brand, hasBrand } from './brand.js';

const BRAND = Symbol.for('@vast/client.VastClientConfigError');

/**
 * A `VastClient` option that is out of range or malformed (code `INVALID_CLIENT_OPTIONS`). The
 * message names the option path and the bad value; so do {@link VastClientConfigError.path} and
 * {@link VastClientConfigError.value}. Test an unknown value with {@link isVastClientConfigError}.
 *
 * @example
 * ```ts
 * try {
 *   new VastClient({ hopTimeoutMs: -1 });
 * } catch (error) {
 *   if (isVastClientConfigError(error)) console.error(error.code, error.path, error.value);
 * }
 * ```
 */
export class VastClientConfigError extends Error {
  /** Always `'INVALID_CLIENT_OPTIONS'`: a stable code that does not change between releases. */
  readonly code = 'INVALID_CLIENT_OPTIONS' as const;
  /** The option path, e.g. `ssrf.allowlist[2]`. */
  readonly path: string;
  /** The value that was refused. */
  readonly value: unknown;

  /**
   * @param path - the option path, e.g. `maxWrapperDepth`
   * @param value - the refused value
   * @param expected - what would have been accepted, e.g. `an integer from 0 to 20`
   */
  constructor(path: string, value: unknown, expected: string) {
    super(`Invalid VastClient option ${path}: ${describe(value)} (expected ${expected})`);
    this.name = 'VastClientConfigError';
    this.path = path;
    this.value = value;
    brand(this, BRAND);
  }
}

/**
 * Whether a value is a {@link VastClientConfigError}, also when it comes from another installed
 * copy of `@vast/client` (it tests the `Symbol.for('@vast/client.VastClientConfigError')` brand).
 *
 * @param value - anything, typically what `new VastClient(options)` threw
 * @returns `true` for a bad `VastClient` option
 */
export function isVastClientConfigError(value: unknown): value is VastClientConfigError {
  return hasBrand(value, BRAND);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return Object.prototype.toString.call(value);
}
