// A pool of worker threads that run convert jobs on several cores. Loaded only when a run uses more than one
// job, so a single conversion never loads `node:worker_threads`' Worker.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExportError } from '@scribekit/core/errors';
import { InputError } from '../errors.js';
import type { ConvertJob, ConvertJobResult } from './convert-job.js';
import type { Executor } from './executor.js';
import { oldGenerationLimit } from './heap.js';
import { RemoteError, type SerializedError } from './remote-error.js';

/**
 * The built worker script. Both `src/pipeline/` (tests run the TypeScript source) and `dist/pipeline/` sit
 * two levels below the package root, so the same relative URL finds `dist/pipeline/worker.js` from either.
 */
export function workerScript(): string {
  return fileURLToPath(new URL('../../dist/pipeline/worker.js', import.meta.url));
}

/**
 * Node flags for the workers: the parent's, minus those that make no sense (or fail) in a worker: resolution
 * conditions (the worker is built JS and must resolve the other packages to their `dist`, even when the
 * parent runs from source in tests) and the eval/print/input-type flags of a `node -e` parent.
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  const withValue = new Set(['--conditions', '-C', '--eval', '-e', '--print', '-p', '--input-type']);
  const prefixed = ['--conditions=', '-C=', '--eval=', '--print=', '--input-type='];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (withValue.has(a)) i++;
    else if (!prefixed.some((p) => a.startsWith(p))) out.push(a);
  }
  return out;
}

function abortError(): Error {
  return new DOMException('The batch was interrupted', 'AbortError');
}

type Pending = {
  resolve: (r: ConvertJobResult) => void;
  reject: (e: unknown) => void;
  /** The input, for messages about a worker that died with it. */
  display: string;
};

/** Each worker's heap limit: the main thread's, so a file that fits here fits there (and the message can say it). */
const WORKER_HEAP_MB = Math.round(oldGenerationLimit() / 1048576);

/** A worker died while converting `display`: out of memory, or another crash. */
function workerDied(display: string, error: Error): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new InputError(
      `${display}: converting it ran out of memory (the heap limit is ${WORKER_HEAP_MB} MB); raise it with NODE_OPTIONS=--max-old-space-size=<MB>`,
      { cause: error },
    );
  }
  return new ExportError(`${display}: the conversion worker stopped unexpectedly (${error.message})`, {
    cause: error,
  });
}
type Reply =
  | { id: number; ok: true; result: ConvertJobResult }
  | { id: number; ok: false; error: SerializedError };

/**
 * A fixed pool of `size` worker threads; jobs queue until a worker has room. Each worker holds up to `depth`
 * jobs (default 2), so it starts the next one the moment it finishes one, without waiting for this thread
 * (busy writing files) to hand it more work. `script` is for tests.
 */
export function workerPoolExecutor(
  size: number,
  options: { readonly script?: string; readonly depth?: number } = {},
): Executor {
  const script = options.script ?? workerScript();
  const depth = Math.max(1, options.depth ?? 2);
  if (!existsSync(script)) throw new Error(`The worker script ${script} is missing: run \`tsc -b\` first`);
  const all: Worker[] = [];
  const inFlight = new Map<Worker, Map<number, Pending>>();
  const queue: { id: number; job: ConvertJob; pending: Pending }[] = [];
  let nextId = 0;
  let closed = false;
  let respawns = 0;
  let everReplied = false;
  let broken: Error | null = null;

  /** The worker with the fewest jobs, if it has room for another. */
  const leastLoaded = (): Worker | undefined => {
    let best: Worker | undefined;
    for (const w of all) {
      const n = inFlight.get(w)!.size;
      if (n < depth && (best === undefined || n < inFlight.get(best)!.size)) best = w;
    }
    return best;
  };

  const dispatch = () => {
    while (queue.length > 0) {
      const worker = leastLoaded();
      if (!worker) return;
      const item = queue.shift()!;
      inFlight.get(worker)!.set(item.id, item.pending);
      worker.postMessage({ id: item.id, job: item.job });
    }
  };

  const spawn = () => {
    const worker = new Worker(script, {
      execArgv: workerExecArgv(),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const mine = new Map<number, Pending>();
    let replies = 0;
    worker.on('message', (reply: Reply) => {
      replies++;
      everReplied = true;
      const pending = mine.get(reply.id);
      mine.delete(reply.id);
      if (pending) {
        if (reply.ok) pending.resolve(reply.result);
        else pending.reject(new RemoteError(reply.error));
      }
      dispatch();
    });
    // A crashed worker (an uncaught error, or an exit such as running out of memory) fails its jobs and a
    // fresh one takes its place; the batch goes on.
    // When no worker has ever answered and they keep dying, workers cannot start here at all: then every job
    // fails with that error instead of respawning forever. Once workers work, a crash costs only its jobs.
    let gone = false;
    const replace = (error: Error) => {
      if (gone) return;
      gone = true;
      all.splice(all.indexOf(worker), 1);
      inFlight.delete(worker);
      for (const pending of mine.values()) pending.reject(workerDied(pending.display, error));
      mine.clear();
      if (closed) return;
      if (replies === 0 && !everReplied && respawns >= size) {
        broken = error;
        for (const item of queue.splice(0)) item.pending.reject(error);
        return;
      }
      respawns++;
      spawn();
      dispatch();
    };
    worker.on('error', replace);
    worker.on('exit', (code) => {
      if (!closed) replace(new Error(`A conversion worker stopped unexpectedly (exit code ${code})`));
    });
    all.push(worker);
    inFlight.set(worker, mine);
  };
  for (let i = 0; i < size; i++) spawn();

  return {
    run(job) {
      if (closed) return Promise.reject(abortError());
      if (broken) return Promise.reject(broken);
      return new Promise<ConvertJobResult>((resolve, reject) => {
        queue.push({ id: nextId++, job, pending: { resolve, reject, display: job.display } });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const item of queue.splice(0)) item.pending.reject(abortError());
      for (const mine of inFlight.values()) {
        for (const pending of mine.values()) pending.reject(abortError());
        mine.clear();
      }
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
