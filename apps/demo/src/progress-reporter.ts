import { SingleBar, Presets } from 'cli-progress';
import { writeLines, type Writer } from './cli-io.js';

/** Follows a long run: `update` as work is done, `stop` at the end. */
export interface ProgressReporter {
  /** Reports that `done` of `total` are done. */
  update(done: number, total: number): void;
  /** Ends the report (the bar's last frame, or nothing more). */
  stop(): void;
}

/**
 * A progress bar (`cli-progress`) when `writer` is a terminal; plain lines at every tenth of the
 * run otherwise, so logs and CI output stay readable.
 *
 * @param writer - where progress goes (stderr, so stdout keeps only results)
 * @param label - what is counted, e.g. `sessions`
 * @returns the reporter
 */
export function createProgressReporter(writer: Writer, label: string): ProgressReporter {
  if (writer.isTTY === true) {
    const bar = new SingleBar(
      { stream: writer as NodeJS.WritableStream, format: `{bar} {percentage}% | {value}/{total} ${label} | ETA {eta}s`, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = 0;
  return {
    update(done, total) {
      const tenth = Math.floor((done * 10) / total);
      if (tenth <= lastTenth && done < total) return;
      lastTenth = tenth;
      writeLines(writer, [`${done}/${total} ${label} (${Math.floor((done * 100) / total)}%)`]);
    },
    stop() {
      // Plain lines need no closing.
    },
  };
}
