/**
 * @packageDocumentation
 * The IAB VAST error codes: the named table, their meanings and the one range check (100 to 902)
 * that every `@vast` package uses.
 */
export { VastErrorCode } from './vast-error-code.js';
export { isVastErrorCode } from './is-vast-error-code.js';
export { describeVastErrorCode } from './describe-vast-error-code.js';
