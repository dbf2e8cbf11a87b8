// An input too large for the heap (issue 12, item 9): a typed InputError naming the input and the limit, exit 3,
// no partial output — not V8's native out-of-memory abort (exit 134). The child runs with a small
// --max-old-space-size, in the main thread (--jobs 1) and in worker threads (--jobs 2), and with the limit given
// through NODE_OPTIONS.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, tempDir } from './support/cli.js';

const HEAP_MB = 48;
let dir = '';

/** A synthetic Transcribe batch transcript of `n` words (about 130 bytes each). */
function bigTranscript(n: number): string {
  const items = Array.from({ length: n }, (_, i) => ({
    type: 'pronunciation',
    start_time: (i * 0.5).toFixed(3),
    end_time: (i * 0.5 + 0.4).toFixed(3),
    alternatives: [{ confidence: '0.99', content: 'word' }],
  }));
  return JSON.stringify({
    jobName: 'synthetic-large',
    status: 'COMPLETED',
    results: { transcripts: [{ transcript: 'word '.repeat(n) }], items },
  });
}

function run(args: readonly string[], env: Record<string, string> = {}, execArgv: readonly string[] = []) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, binPath, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

beforeAll(() => {
  dir = tempDir('scribekit-heap-');
  // 10 MB: it aborted the process under a 48 MB heap before the check knew the old-generation limit.
  writeFileSync(join(dir, 'large-a.json'), bigTranscript(80_000));
  writeFileSync(join(dir, 'large-b.json'), bigTranscript(80_000));
});

const expectTyped = (stderr: string, input: string) => {
  expect(stderr).toContain(`error: ${input}: the input is`);
  expect(stderr).toContain(`heap limit (${HEAP_MB} MB)`);
  expect(stderr).toContain('--max-old-space-size');
  expect(stderr).not.toContain('FATAL ERROR');
  expect(stderr).not.toMatch(/\n\s+at |Native stack/);
  expect(stderr).not.toContain('word word');
};

describe('an input too large for the heap', () => {
  it(`--max-old-space-size=${HEAP_MB}, main thread: InputError naming the input, exit 3, no output`, async () => {
    const out = join(dir, 'out-1');
    const r = await run(
      ['convert', 'large-a.json', '--to', 'all', '--subject', 'Patient/1', '-o', out, '--jobs', '1'],
      {},
      [`--max-old-space-size=${HEAP_MB}`],
    );
    expect(r.code, r.stderr.slice(0, 400)).toBe(3);
    expectTyped(r.stderr, 'large-a.json');
    expect(readdirSync(dir)).not.toContain('out-1');
  });

  it('in worker threads, limit from NODE_OPTIONS: each input named, exit 1 (all failed), no output', async () => {
    const out = join(dir, 'out-2');
    const r = await run(
      ['convert', 'large-a.json', 'large-b.json', '--to', 'json', '-o', out, '--jobs', '2'],
      {
        NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
      },
    );
    expect(r.code, r.stderr.slice(0, 400)).toBe(1);
    expectTyped(r.stderr, 'large-a.json');
    expectTyped(r.stderr, 'large-b.json');
    expect(r.stderr).toContain('converted 0 of 2 inputs');
    let files: string[] = [];
    try {
      files = readdirSync(out);
    } catch {
      // never created
    }
    expect(files).toEqual([]);
  });
});
