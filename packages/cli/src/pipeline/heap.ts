// The old-generation heap limit, which is what a large input fills. V8's `heap_size_limit` adds the young
// generation's reservation (192 MB on Node 24), so under `--max-old-space-size=48` it says 240 MB: a size check
// against it lets through inputs that then abort the process with a native out-of-memory stack.
import { getHeapStatistics } from 'node:v8';

const MB = 1048576;

/** The last `--max-old-space-size=<MB>` in Node's own flags or NODE_OPTIONS, or undefined. */
function flagMb(): number | undefined {
  const words = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv];
  let mb: number | undefined;
  for (const [i, w] of words.entries()) {
    const m = /^--max[-_]old[-_]space[-_]size(?:=(\d+))?$/.exec(w);
    const value = m ? (m[1] ?? words[i + 1]) : undefined;
    if (value !== undefined && /^\d+$/.test(value)) mb = Number(value);
  }
  return mb;
}

/** A worker thread's old-generation limit in MB, from its resource limits (set by the worker entry). */
let workerLimitMb: number | undefined;

/** Called once by the worker entry (`worker.ts`), so the main thread never loads `node:worker_threads` here. */
export function setWorkerHeapLimit(mb: number | undefined): void {
  workerLimitMb = mb;
}

/** This thread's old-generation limit in bytes (a worker's from its resource limits). */
export function oldGenerationLimit(): number {
  if (workerLimitMb) return workerLimitMb * MB;
  const flag = flagMb();
  if (flag !== undefined) return flag * MB;
  const limit = getHeapStatistics().heap_size_limit;
  return Math.max(limit / 2, limit - 192 * MB);
}

/** The old-generation bytes still free in this thread. */
export function freeHeap(): number {
  return Math.max(0, oldGenerationLimit() - getHeapStatistics().used_heap_size);
}
