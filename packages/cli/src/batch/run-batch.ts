// Runs many async tasks with bounded concurrency; results come back in input order, failures do not stop
// the batch, and an abort signal stops starting new tasks (those are reported as cancelled).

/** One unit of work. It receives the batch's abort signal. */
export type BatchTask<R> = (signal: AbortSignal) => Promise<R>;

export type BatchResult<R> =
  | { readonly index: number; readonly status: 'ok'; readonly value: R }
  | { readonly index: number; readonly status: 'failed'; readonly error: unknown }
  | { readonly index: number; readonly status: 'cancelled' };

export interface BatchProgress {
  readonly total: number;
  /** Tasks finished (ok or failed). */
  readonly done: number;
  readonly failed: number;
}

export interface BatchOptions<R> {
  /** Tasks running at once (at least 1). */
  readonly concurrency: number;
  /** Called after every finished task, in completion order. */
  readonly onProgress?: ((progress: BatchProgress) => void) | undefined;
  /** Called once per task in input order, as soon as it and every task before it have finished. */
  readonly onResult?: ((result: BatchResult<R>) => void) | undefined;
  /** When aborted, no new task starts; running ones get the signal and are awaited. */
  readonly signal?: AbortSignal | undefined;
}

/** Runs the tasks and resolves (never rejects) with one result per task, in input order. */
export async function runBatch<R>(
  tasks: readonly BatchTask<R>[],
  options: BatchOptions<R>,
): Promise<BatchResult<R>[]> {
  const total = tasks.length;
  const results: BatchResult<R>[] = new Array(total);
  const signal = options.signal ?? new AbortController().signal;
  const concurrency = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, total));
  let next = 0;
  let done = 0;
  let failed = 0;
  let reported = 0;

  const report = () => {
    while (reported < total && results[reported] !== undefined) {
      options.onResult?.(results[reported]!);
      reported++;
    }
  };

  const lane = async () => {
    while (next < total && !signal.aborted) {
      const index = next++;
      let result: BatchResult<R>;
      try {
        result = { index, status: 'ok', value: await tasks[index]!(signal) };
      } catch (error) {
        if (signal.aborted && (error as { name?: unknown } | null)?.name === 'AbortError') {
          result = { index, status: 'cancelled' };
        } else {
          result = { index, status: 'failed', error };
          failed++;
        }
      }
      results[index] = result;
      done++;
      options.onProgress?.({ total, done, failed });
      report();
    }
  };

  await Promise.all(Array.from({ length: concurrency }, lane));
  for (let i = 0; i < total; i++) results[i] ??= { index: i, status: 'cancelled' };
  report();
  return results;
}
