// SIGTERM, SIGINT and SIGHUP in the middle of a batch (issue 12, item 7): the run stops cleanly with 128 + the
// signal's number, leaves no temp file (they hold whole, unredacted transcripts), every output present is
// complete, and the summary says how many inputs were not started. A later run removes stale temp files that a
// killed run (SIGKILL) left behind, and says so.
import { spawn } from 'node:child_process';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, binPath, linkDir, repoRoot, tempDir } from './support/cli.js';
import {
  ALL_EXTENSIONS,
  expectWhole,
  outputsByExtension,
  splitOutput,
  tempFiles,
} from './support/outputs.js';

const example = join(repoRoot, 'examples/conversation.json');
const INPUTS = 300;
const args = (input: string, out: string) => [
  binPath,
  'convert',
  input,
  '--to',
  'all',
  '--subject',
  'Patient/signal',
  '-o',
  out,
  '--jobs',
  '2',
];

/** A reference conversion of the example (the outputs every input of the batch must equal). */
async function reference(): Promise<Map<string, Buffer>> {
  const out = tempDir();
  const r = await bin(['convert', example, '--to', 'all', '--subject', 'Patient/signal', '-o', out]);
  expect(r.code).toBe(0);
  return outputsByExtension(out, 'conversation');
}

/** Starts a batch of INPUTS copies, sends `signal` once some outputs exist, and returns what is left. */
async function interrupt(signal: NodeJS.Signals) {
  const input = linkDir(
    Array.from({ length: INPUTS }, (_, i) => ({
      source: example,
      name: `visit-${String(i).padStart(3, '0')}.json`,
    })),
  );
  const out = tempDir();
  const child = spawn(process.execPath, args(input, out), {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  const written = () => {
    try {
      return readdirSync(out).filter((f) => !f.endsWith('.tmp')).length;
    } catch {
      return 0;
    }
  };
  // Mid-batch: some inputs written, most not started (bounded wait: 30 s).
  for (let i = 0; i < 1200 && written() < 16; i++) await new Promise((r) => setTimeout(r, 25));
  child.kill(signal);
  const end = await exited;
  return { ...end, stderr, out, files: readdirSync(out) };
}

describe('stopping a batch with a signal', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal}: exit ${code}, no temp files, every output whole, the rest reported not started`, async () => {
      const ref = await reference();
      const r = await interrupt(signal);
      // The process handled the signal (it did not die of it).
      expect(r.signal).toBeNull();
      expect(r.code).toBe(code);
      expect(tempFiles(r.out)).toEqual([]);
      const m = /converted (\d+) of (\d+) inputs into (\d+) files.*; (\d+) not started \(interrupted\)/.exec(
        r.stderr,
      );
      expect(m, r.stderr.slice(-300)).not.toBeNull();
      const [ok, total, files, notStarted] = m!.slice(1).map(Number) as [number, number, number, number];
      expect(total).toBe(INPUTS);
      expect(notStarted).toBeGreaterThan(0);
      expect(ok + notStarted).toBeLessThanOrEqual(INPUTS);
      // What the summary says was written is what is there: all eight outputs of each converted input.
      expect(r.files.length).toBe(files);
      expect(files).toBe(ok * ALL_EXTENSIONS.length);
      const perInput = new Map<string, string[]>();
      for (const f of r.files) {
        const [base, ext] = splitOutput(f);
        perInput.set(base, [...(perInput.get(base) ?? []), ext]);
      }
      expect(perInput.size).toBe(ok);
      for (const [base, exts] of perInput) expect(exts.sort(), base).toEqual(ALL_EXTENSIONS);
      for (const f of r.files) expectWhole(r.out, f, ref);
    }, 90_000);
  }

  it("a run removes this tool's stale temp files in the folders it writes to, and says so", async () => {
    const out = tempDir();
    const stale = '.conversation.srt.0123abcd.tmp';
    const fresh = '.other.vtt.89abcdef.tmp';
    const unrelated = '.notes.tmp';
    for (const f of [stale, fresh, unrelated]) writeFileSync(join(out, f), 'left by a killed run');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(join(out, stale), hourAgo, hourAgo);
    utimesSync(join(out, unrelated), hourAgo, hourAgo);
    const r = await bin(['convert', example, '--to', 'srt', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('removed 1 stale temp file of an interrupted earlier run');
    const left = readdirSync(out).sort();
    expect(left).toContain(fresh);
    expect(left).toContain(unrelated);
    expect(left).not.toContain(stale);
  });
});
