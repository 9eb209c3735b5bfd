/**
 * Waits for the first SIGINT (Ctrl-C) or SIGTERM, and handles it so that the process does not die
 * before the caller has cleaned up.
 *
 * @returns the signal's name
 */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
