// Running the real third-party readers in ../shared/tools/real-clients from tests.
// A reader that is missing fails the test in CI (CI=true); elsewhere the test is skipped with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const realClientsDir = fileURLToPath(new URL('../../../shared/tools/real-clients/', import.meta.url));
export const clientsDepsDir =
  process.env.CLIENTS_DIR ?? fileURLToPath(new URL('../../.tmp/real-clients/', import.meta.url));
export const python = process.env.PYTHON ?? '/usr/bin/python3';
export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Why a reader cannot run here, or null when it can. */
export function missingReader(
  reader:
    | 'python3-srt'
    | 'python3-webvtt'
    | 'python3-docx'
    | 'ffmpeg'
    | 'webvtt-parser'
    | 'mammoth'
    | 'libreoffice'
    | 'pdftotext'
    | 'xmllint'
    | 'chromium'
    | 'playwright-core',
): string | null {
  const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  switch (reader) {
    case 'python3-srt':
    case 'python3-webvtt':
    case 'python3-docx':
      return has(python, ['-c', `import ${reader.slice(8)}`])
        ? null
        : `${python} cannot import ${reader.slice(8)} (apt-get install ${reader})`;
    case 'ffmpeg':
      return has('ffmpeg', ['-version']) ? null : 'ffmpeg is not installed (apt-get install ffmpeg)';
    case 'libreoffice':
      return has('soffice', ['--version'])
        ? null
        : 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui)';
    case 'pdftotext':
      return has('pdftotext', ['-v']) ? null : 'pdftotext is not installed (apt-get install poppler-utils)';
    case 'xmllint':
      return has('xmllint', ['--version'])
        ? null
        : 'xmllint is not installed (apt-get install libxml2-utils)';
    case 'chromium':
      return has('chromium', ['--version']) ? null : 'chromium is not installed (apt-get install chromium)';
    case 'webvtt-parser':
    case 'mammoth':
    case 'playwright-core':
      return existsSync(`${clientsDepsDir}/node_modules/${reader}/package.json`)
        ? null
        : `npm package ${reader} is missing in ${clientsDepsDir} (CLIENTS_DIR=${clientsDepsDir} bash ${realClientsDir}install-clients.sh --npm-only)`;
  }
}

/**
 * Returns true when the test may run. When a reader is missing: throws in CI (so the test fails),
 * and outside CI returns false after recording the reason, for `it.skipIf`/`ctx.skip(reason)`.
 */
export function readersAvailable(...readers: Parameters<typeof missingReader>[0][]): {
  ok: boolean;
  reason: string;
} {
  const missing = readers.map(missingReader).filter((m): m is string => m !== null);
  if (missing.length === 0) return { ok: true, reason: '' };
  const reason = `missing reader(s): ${missing.join('; ')}`;
  if (inCi) throw new Error(`${reason} — CI must install every reader`);
  return { ok: false, reason };
}

/** Runs one of the real-client checker scripts; returns its exit status and output. */
export function runChecker(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number; output: string } {
  const r = spawnSync(command, args, {
    cwd: realClientsDir,
    encoding: 'utf8',
    env: { ...process.env, CLIENTS_DIR: clientsDepsDir, PYTHON: python, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
