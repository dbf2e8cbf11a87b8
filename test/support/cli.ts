// Running the CLI in tests: in-process through `run` (captured output), or as a subprocess of the built bin.
import { type SpawnOptions, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '@scribekit/cli';
import { afterAll } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The `scribekit` command as installed: packages/cli/bin → the bundle (scripts/bundle-cli.mjs). */
export const binPath = join(repoRoot, 'packages/cli/bin/scribekit.js');
/** The same program unbundled (the `tsc -b` output), whose module files are named after their sources. */
export const unbundledBinPath = join(repoRoot, 'packages/cli/dist/bin.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface InProcessOptions {
  readonly cwd?: string;
  readonly stdin?: string | Uint8Array;
  readonly env?: Record<string, string | undefined>;
  readonly isTTY?: boolean;
  readonly signal?: AbortSignal;
}

/** Runs `scribekit <args>` in this process. */
export async function cli(args: readonly string[], options: InProcessOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    readStdin: async () =>
      typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? new Uint8Array()),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout, stderr };
}

/** Runs `node packages/cli/bin/scribekit.js <args>` and collects its output. */
export function bin(
  args: readonly string[],
  options: SpawnOptions & { input?: string | Buffer } = {},
): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = 'scribekit-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A directory of symlinks to the given files (so corpus files are read in place, never copied). */
export function linkDir(files: readonly { source: string; name: string }[]): string {
  const dir = tempDir('scribekit-in-');
  for (const f of files) symlinkSync(f.source, join(dir, f.name));
  return dir;
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(dir, '');
  return out;
}
