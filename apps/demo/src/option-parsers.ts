import { InvalidArgumentError } from '@commander-js/extra-typings';

/**
 * Reads a whole number of at least `min` (commander calls it with the option's text).
 *
 * @param what - what the number is, for the message
 * @param min - the smallest allowed value
 * @param max - the largest allowed value
 * @returns the parser
 */
export function integerOption(what: string, min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^-?\d+$/u.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER ? `${what} must be a whole number of at least ${min}.` : `${what} must be a whole number from ${min} to ${max}.`,
      );
    }
    return value;
  };
}

/**
 * Reads `on` or `off`.
 *
 * @param text - the option's text
 * @returns `true` for on
 */
export function onOffOption(text: string): boolean {
  if (text === 'on') return true;
  if (text === 'off') return false;
  throw new InvalidArgumentError('expected on or off.');
}
