// The worker pool: every job answered with its own result, several in flight per worker, a crashed worker
// failing only its own jobs, close() rejecting what is left. A stand-in worker script speaks the protocol.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConvertJob } from '../src/pipeline/convert-job.js';
import { workerPoolExecutor } from '../src/pipeline/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'scribekit-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Answers after `job.display` ms (or exits for `crash`), reporting how many jobs it held at once.
const script = join(dir, 'worker.mjs');
writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
let held = 0;
parentPort.on('message', ({ id, job }) => {
  if (job.display === 'crash') process.exit(7);
  held++;
  const most = held;
  setTimeout(() => {
    held--;
    parentPort.postMessage({ id, ok: true, result: { outputs: [], jobName: job.display + ':' + most, warnings: [] } });
  }, Number(job.display));
});
`,
);

const job = (display: string): ConvertJob => ({
  path: null,
  display,
  formats: [],
  options: { options: {}, sources: {} },
});

describe('workerPoolExecutor', () => {
  it('answers every job with its own result, with up to `depth` jobs in flight per worker', async () => {
    const pool = workerPoolExecutor(2, { script, depth: 2 });
    try {
      const delays = ['40', '5', '30', '10', '20', '5', '15', '25'];
      const results = await Promise.all(delays.map((d) => pool.run(job(d))));
      expect(results.map((r) => r.jobName?.split(':')[0])).toEqual(delays);
      const most = Math.max(...results.map((r) => Number(r.jobName?.split(':')[1])));
      expect(most).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('a crashed worker fails only its own jobs; a fresh worker takes the rest', async () => {
    const pool = workerPoolExecutor(2, { script, depth: 1 });
    try {
      const runs = ['10', 'crash', '10', '10', '10'].map((d) => pool.run(job(d)));
      const settled = await Promise.allSettled(runs);
      expect(settled.map((s) => s.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      const failed = settled[1] as PromiseRejectedResult;
      expect(String(failed.reason)).toContain('stopped unexpectedly (exit code 7)');
    } finally {
      await pool.close();
    }
  });

  it('close() rejects queued and running jobs with an AbortError', async () => {
    const pool = workerPoolExecutor(1, { script, depth: 1 });
    const runs = Promise.allSettled(['200', '200', '200'].map((d) => pool.run(job(d))));
    await pool.close();
    const settled = await runs;
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect((s as PromiseRejectedResult).reason.name).toBe('AbortError');
    }
    await expect(pool.run(job('1'))).rejects.toMatchObject({ name: 'AbortError' });
  });
});
