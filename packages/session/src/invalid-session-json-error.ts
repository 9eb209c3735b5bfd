import { SessionError } from './session-error.js';

/** One problem found in session JSON. */
export interface SessionJsonIssue {
  /** Where, e.g. `events[3].clockTime`; `(root)` for the document itself. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/**
 * Session JSON (or a config snapshot) is not valid (code `INVALID_SESSION_JSON`). The message and
 * {@link InvalidSessionJsonError.path} name the first bad field and show its value.
 */
export class InvalidSessionJsonError extends SessionError {
  /** The path of the first problem, e.g. `events[3].clockTime`. */
  readonly path: string;
  /** Every problem found (at least one). */
  readonly issues: readonly SessionJsonIssue[];

  /**
   * @param issues - the problems, first one first (at least one)
   * @param value - the bad value at the first path, shown in the message
   * @param options - the `cause`, if any
   */
  constructor(issues: readonly SessionJsonIssue[], value?: unknown, options?: ErrorOptions) {
    const first = issues[0] ?? { path: '(root)', message: 'invalid' };
    super('INVALID_SESSION_JSON', `Invalid session JSON at ${first.path}: ${first.message}${describeValue(value)}`, options);
    this.name = 'InvalidSessionJsonError';
    this.path = first.path;
    this.issues = Object.freeze([...issues]);
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return '';
  let text: string;
  switch (typeof value) {
    case 'string':
      text = JSON.stringify(value);
      break;
    case 'number':
    case 'boolean':
      text = String(value);
      break;
    case 'bigint':
      text = `${value}n`;
      break;
    case 'symbol':
      text = value.toString();
      break;
    case 'function':
      text = 'a function';
      break;
    default:
      text = describeObject(value);
  }
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}

function describeObject(value: object | null): string {
  if (value === null) return 'null';
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value) || proto === Object.prototype || proto === null) {
    try {
      return JSON.stringify(value);
    } catch {
      // cyclic, or holds a bigint
    }
  }
  return Object.prototype.toString.call(value);
}

/**
 * Formats a path as `events[3].clockTime`.
 *
 * @param path - the segments
 * @returns the path, or `(root)` when empty
 * @internal
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(root)' : text;
}
