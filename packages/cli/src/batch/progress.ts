// A progress bar on stderr when it is a terminal (quiet otherwise), and the end-of-batch summary.
import type { BatchProgress } from './run-batch.js';

export interface ProgressReporter {
  /** Redraws the bar (at most every 80 ms, and always at the end). */
  readonly update: (progress: BatchProgress) => void;
  /** Prints a line above the bar (errors, warnings). */
  readonly log: (line: string) => void;
  /** Removes the bar. */
  readonly finish: () => void;
}

export interface ProgressOptions {
  readonly write: (text: string) => void;
  /** Draw the bar only on a terminal. */
  readonly isTTY: boolean;
  /** What is being done: `converting`, `fetching`. */
  readonly label: string;
  /** Terminal width; default 80. */
  readonly columns?: number | undefined;
  readonly now?: (() => number) | undefined;
}

export function createProgress(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const started = now();
  let shown = false;
  let last = 0;
  let latest: BatchProgress | null = null;

  const draw = () => {
    if (!options.isTTY || latest === null) return;
    const { total, done, failed } = latest;
    const width = Math.max(10, Math.min(30, (options.columns ?? 80) - 60));
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * width);
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 && done < total ? ` eta ${Math.ceil((total - done) / rate)}s` : '';
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const fail = failed > 0 ? `, ${failed} failed` : '';
    options.write(`\r\u001b[2K${options.label} [${bar}] ${done}/${total}${fail}${eta}`);
    shown = true;
  };

  const clear = () => {
    if (shown) options.write('\r\u001b[2K');
    shown = false;
  };

  return {
    update(progress) {
      latest = progress;
      const t = now();
      if (progress.done === progress.total || t - last >= 80) {
        last = t;
        draw();
      }
    },
    log(line) {
      clear();
      options.write(line.endsWith('\n') ? line : `${line}\n`);
      draw();
    },
    finish() {
      clear();
    },
  };
}
