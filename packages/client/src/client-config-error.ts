/**
 * A `VastClient` option that is out of range or malformed. The message names the option path and
 * the bad value; so do {@link VastClientConfigError.path} and {@link VastClientConfigError.value}.
 *
 * @example
 * ```ts
 * try {
 *   new VastClient({ hopTimeoutMs: -1 });
 * } catch (error) {
 *   if (error instanceof VastClientConfigError) console.error(error.path, error.value);
 * }
 * ```
 */
export class VastClientConfigError extends Error {
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
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return Object.prototype.toString.call(value);
}
