// Every output byte of the built CLI on every parsable corpus transcript, pinned as sha256 digests in
// test/golden/corpus-digests.json (scripts/output-digests.mjs: plain, redacted, FHIR bundles, HealthScribe with its summary).
// Speed work on the parser and the writers must leave every digest as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { inCi } from './support/real-clients.js';
import { sharedCorpusDir } from './support/shared-corpus.js';

const script = join(repoRoot, 'scripts/output-digests.mjs');
const storedFile = join(repoRoot, 'test/golden/corpus-digests.json');
const REGENERATE = 'pnpm build && node scripts/output-digests.mjs --write';

interface Digests {
  options: string[];
  runs: Record<string, Record<string, Record<string, string> | string>>;
}

/** `run  corpus file  output name` → sha256 (or `failed: E_…` for a file the CLI refused). */
function flatten(d: Digests): Map<string, string> {
  const out = new Map<string, string>([['options', d.options.join(' ')]]);
  for (const [run, files] of Object.entries(d.runs)) {
    for (const [file, outputs] of Object.entries(files)) {
      if (typeof outputs === 'string') out.set(`${run}  ${file}`, outputs);
      else for (const [name, hash] of Object.entries(outputs)) out.set(`${run}  ${file}  ${name}`, hash);
    }
  }
  return out;
}

/** What differs, by name only (never a digest or a byte of content). */
function differences(stored: Digests, now: Digests): string[] {
  const a = flatten(stored);
  const b = flatten(now);
  const lines: string[] = [];
  for (const [key, value] of a) {
    if (!b.has(key)) lines.push(`gone:    ${key}`);
    else if (b.get(key) !== value) lines.push(`changed: ${key}`);
  }
  for (const key of b.keys()) if (!a.has(key)) lines.push(`new:     ${key}`);
  return lines;
}

const stored = JSON.parse(readFileSync(storedFile, 'utf8')) as Digests;

describe('outputs on the corpus are byte-identical to test/golden/corpus-digests.json', () => {
  it('the stored file holds digests and names only (no transcript text)', () => {
    for (const [key, value] of flatten(stored)) {
      if (key === 'options') continue;
      expect(key, key).toMatch(/^[\w-]+ {2}[\w./-]+\.json( \+ [\w./-]+\.json)?( {2}[\w.-]+)?$/);
      expect(value, key).toMatch(/^([0-9a-f]{64}|failed: E_[A-Z_]+)$/);
    }
  });

  it('every output of the built CLI has its stored sha256', { timeout: 240_000 }, (ctx) => {
    if (!existsSync(join(sharedCorpusDir, 'manifest.json'))) {
      const reason = `the shared corpus is missing (${sharedCorpusDir}manifest.json)`;
      if (inCi) throw new Error(`${reason} — CI must have ../shared/corpus`);
      return ctx.skip(reason);
    }
    const now = JSON.parse(
      execFileSync(process.execPath, [script, '--corpus', sharedCorpusDir], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 200_000,
      }),
    ) as Digests;
    expect(
      differences(stored, now),
      `outputs differ from test/golden/corpus-digests.json (run  corpus file  output). ` +
        `If the change is intended, regenerate the file with \`${REGENERATE}\` and commit it with the change.`,
    ).toEqual([]);
  });
});
