// Where convert jobs run: a pool of worker threads (several cores) or the main thread (one job at a time).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConvertJob, ConvertJobResult } from './job.js';
import { RemoteError, type SerializedError } from './remote-error.js';

export interface Executor {
  readonly run: (job: ConvertJob) => Promise<ConvertJobResult>;
  /** Stops the workers; jobs still running reject with an AbortError. */
  readonly close: () => Promise<void>;
}

/**
 * The built worker script. Both `src/convert/` (tests run the TypeScript source) and `dist/convert/` sit
 * two levels below the package root, so the same relative URL finds `dist/convert/worker.js` from either.
 */
export function workerScript(): string {
  return fileURLToPath(new URL('../../dist/convert/worker.js', import.meta.url));
}

/**
 * Node flags for the workers: the parent's, minus resolution conditions. The worker is built JS, so it must
 * resolve the other packages to their `dist` too, even when the parent runs from source (tests).
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--conditions' || a === '-C') i++;
    else if (!a.startsWith('--conditions=') && !a.startsWith('-C=')) out.push(a);
  }
  return out;
}

/** Runs jobs in the current thread (`--jobs 1`, a single input, or no built worker). */
export async function inThreadExecutor(): Promise<Executor> {
  const { runConvertJob } = await import('./job.js');
  return { run: runConvertJob, close: async () => {} };
}

function abortError(): Error {
  return new DOMException('The batch was interrupted', 'AbortError');
}

type Pending = { resolve: (r: ConvertJobResult) => void; reject: (e: unknown) => void };
type Reply =
  | { id: number; ok: true; result: ConvertJobResult }
  | { id: number; ok: false; error: SerializedError };

/** A fixed pool of `size` worker threads; jobs queue until a worker is free. */
export function workerPoolExecutor(size: number): Executor {
  const script = workerScript();
  if (!existsSync(script)) throw new Error(`The worker script ${script} is missing: run \`tsc -b\` first`);
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const busy = new Map<Worker, { id: number; pending: Pending }>();
  const queue: { id: number; job: ConvertJob; pending: Pending }[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const item = queue.shift()!;
      busy.set(worker, { id: item.id, pending: item.pending });
      worker.postMessage({ id: item.id, job: item.job });
    }
  };

  const spawn = () => {
    const worker = new Worker(script, { execArgv: workerExecArgv() });
    worker.on('message', (reply: Reply) => {
      const current = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (current) {
        if (reply.ok) current.pending.resolve(reply.result);
        else current.pending.reject(new RemoteError(reply.error));
      }
      dispatch();
    });
    // A crashed worker (an uncaught error, or an exit such as running out of memory) fails its job and a
    // fresh one takes its place; the batch goes on.
    let gone = false;
    const replace = (error: Error) => {
      if (gone) return;
      gone = true;
      const current = busy.get(worker);
      busy.delete(worker);
      all.splice(all.indexOf(worker), 1);
      const i = idle.indexOf(worker);
      if (i >= 0) idle.splice(i, 1);
      current?.pending.reject(error);
      if (!closed) {
        spawn();
        dispatch();
      }
    };
    worker.on('error', replace);
    worker.on('exit', (code) => {
      if (!closed) replace(new Error(`A conversion worker stopped unexpectedly (exit code ${code})`));
    });
    all.push(worker);
    idle.push(worker);
  };
  for (let i = 0; i < size; i++) spawn();

  return {
    run(job) {
      if (closed) return Promise.reject(abortError());
      return new Promise<ConvertJobResult>((resolve, reject) => {
        queue.push({ id: nextId++, job, pending: { resolve, reject } });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const item of queue.splice(0)) item.pending.reject(abortError());
      for (const { pending } of busy.values()) pending.reject(abortError());
      busy.clear();
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
