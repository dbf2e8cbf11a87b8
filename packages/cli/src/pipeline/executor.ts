// Where convert jobs run: the main thread (one job at a time) here, or the worker pool (`pool.ts`).
import type { ConvertJob, ConvertJobResult } from './convert-job.js';

export interface Executor {
  readonly run: (job: ConvertJob) => Promise<ConvertJobResult>;
  /** Stops the workers; jobs still running reject with an AbortError. */
  readonly close: () => Promise<void>;
}

/** Runs jobs in the current thread (`--jobs 1`, a single input, or no built worker). */
export async function inThreadExecutor(): Promise<Executor> {
  const { runConvertJob } = await import('./convert-job.js');
  return { run: runConvertJob, close: async () => {} };
}
