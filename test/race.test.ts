// Two real `convert` processes racing on one output folder (issue 12, item 1). A run may only ever remove what
// it put there itself: every file a run reports as written is there afterwards, every input ends with all of its
// outputs (even when both runs said "already exists"), and every output is whole.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, linkDir, repoRoot, tempDir } from './support/cli.js';
import {
  ALL_EXTENSIONS,
  expectWhole,
  outputsByExtension,
  splitOutput,
  tempFiles,
} from './support/outputs.js';

const INPUTS = 8;
const ROUNDS = 15;
const example = join(repoRoot, 'examples/conversation.json');

interface Run {
  readonly code: number | null;
  readonly summary: {
    readonly items: readonly {
      input: string;
      status: string;
      outputs: string[];
      error?: { code: string; message: string };
    }[];
  };
}

/** `scribekit convert <input> --to all -o <out> --json [--force]`, from `cwd`. */
function convert(cwd: string, input: string, out: string, force: boolean): Promise<Run> {
  const args = [binPath, 'convert', input, '--to', 'all', '--subject', 'Patient/race', '-o', out, '--json'];
  if (force) args.push('--force');
  args.push('--jobs', '1');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, summary: JSON.parse(stdout) });
      } catch (error) {
        reject(error);
      }
    });
  });
}

describe('two convert processes on one output folder', () => {
  it(`${ROUNDS} races, with and without --force on either side: nothing reported written is lost`, async () => {
    const input = linkDir(
      Array.from({ length: INPUTS }, (_, i) => ({ source: example, name: `visit-${i}.json` })),
    );
    const cwd = tempDir('scribekit-race-');
    // The reference outputs: one conversion of the example, alone.
    const refDir = join(cwd, 'reference');
    const ref = await convert(cwd, join(input, 'visit-0.json'), refDir, false);
    expect(ref.code).toBe(0);
    const reference = outputsByExtension(refDir, 'visit-0');
    expect([...reference.keys()].sort()).toEqual(ALL_EXTENSIONS);

    const sides: [boolean, boolean][] = [
      [true, false],
      [false, false],
      [false, true],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      const [forceA, forceB] = sides[round % sides.length]!;
      const out = join(cwd, `out-${round}`);
      const runs = await Promise.all([convert(cwd, input, out, forceA), convert(cwd, input, out, forceB)]);
      const label = `round ${round} (force: ${forceA}/${forceB})`;
      for (const [i, r] of runs.entries()) {
        const forced = i === 0 ? forceA : forceB;
        // A --force run writes everything; a run without it only ever fails on a file that exists.
        expect(r.code, label).toBe(forced ? 0 : r.summary.items.some((x) => x.status !== 'ok') ? 1 : 0);
        for (const item of r.summary.items) {
          if (item.status === 'ok') continue;
          expect(item.error?.code, label).toBe('E_EXPORT');
          expect(item.error?.message, label).toContain('already exists');
        }
      }
      const files = readdirSync(out);
      expect(tempFiles(out), label).toEqual([]);
      // Every file a run reported as written is there.
      const present = new Set(files);
      for (const r of runs)
        for (const item of r.summary.items)
          for (const path of item.outputs)
            expect(present.has(relative(out, join(cwd, path))), `${label}: ${path}`).toBe(true);
      // Every input has all of its outputs, whatever each run said.
      for (let i = 0; i < INPUTS; i++) {
        const mine = files.filter((f) => splitOutput(f)[0] === `visit-${i}`).map((f) => splitOutput(f)[1]);
        expect(mine.sort(), `${label}: visit-${i}`).toEqual(ALL_EXTENSIONS);
      }
      for (const f of files) expectWhole(out, f, reference);
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});
