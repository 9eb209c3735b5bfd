import { isFetchError, isSsrfBlockedError, isVastClientConfigError } from '@vast/client';
import { isConfigError, isConfigResolverError } from '@vast/config';
import { isFactoryError } from '@vast/factory';
import { isParserError, isVastError } from '@vast/parser';
import { isPlayerError } from '@vast/player-core';
import { isSessionError } from '@vast/session';
import { isMockAdServerError } from '@vast/testkit';
import { isTimeProviderError } from '@vast/time';
import { isTrackerError } from '@vast/tracker';

/** The guards of every error class of the toolkit whose string `code` is all the CLI needs to print. */
const CODED_ERRORS: readonly ((value: unknown) => value is Error & { readonly code: string })[] = [
  isPlayerError,
  isSessionError,
  isFactoryError,
  isParserError,
  isConfigResolverError,
  isTimeProviderError,
  isTrackerError,
  isFetchError,
  isSsrfBlockedError,
  isVastClientConfigError,
  isMockAdServerError,
];

/** Exit code of a command that failed on its input (bad VAST, bad config, no ad, unreadable file). */
const FAILURE_EXIT_CODE = 1;

/** Exit code of a command line the CLI does not understand (unknown command or option, bad value). */
export const USAGE_EXIT_CODE = 2;

/**
 * A failure the CLI reports in one line and an exit code, without a stack trace: bad input, not
 * a bug.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  /**
   * @param message - the line printed after `vast: `
   * @param exitCode - the process's exit code
   */
  constructor(
    message: string,
    readonly exitCode: number = FAILURE_EXIT_CODE,
  ) {
    super(message);
  }
}

/**
 * Says what went wrong in one line: the IAB code of a `VastError`, the config path of a
 * `ConfigError`, the string `code` of any other error of the toolkit (matched by its guard, never
 * by its message), or the message of anything else.
 *
 * @param error - what was thrown
 * @returns the line (no newline)
 */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (isVastError(error)) return `IAB ${error.errorCode}: ${oneLine(error.message)}`;
  if (isConfigError(error)) {
    const [first, ...rest] = error.issues;
    if (first === undefined) return `config error: ${oneLine(error.message)}`;
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more)`;
    return `config error at ${first.pathText} (${first.source}): ${oneLine(first.message)}${more}`;
  }
  if (CODED_ERRORS.some((isCoded) => isCoded(error))) {
    const coded = error as Error & { readonly code: string };
    return `${coded.code}: ${oneLine(coded.message)}`;
  }
  if (error instanceof Error) return oneLine(error.message);
  return String(error);
}

/** The first line of a message: the CLI prints one line per error. */
function oneLine(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
