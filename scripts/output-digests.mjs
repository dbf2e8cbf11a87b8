#!/usr/bin/env node
// The sha256 of every file the built CLI writes for every parsable transcript of the shared corpus, so a change
// to the parser or a writer that moves a single output byte is seen (test/output-digests.test.ts).
// Hashes and file names only: the corpus files are licensed and no transcript text may enter the repository.
//
//   node scripts/output-digests.mjs                  print the digests as JSON
//   node scripts/output-digests.mjs --write          write them to test/golden/corpus-digests.json
//   node scripts/output-digests.mjs --out FILE       write them to FILE
//   --repo DIR     the checkout whose built CLI runs (DIR/packages/cli/bin/scribekit.js, the command as
//                  users run it; default: this one)
//   --cli FILE     the CLI's entry file itself
//   --corpus DIR   the corpus (default: ../shared/corpus beside the checkout, or ../../shared/corpus)
//
// Run `pnpm build` (in the --repo checkout) first.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    repo: { type: 'string' },
    cli: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string' },
    write: { type: 'boolean' },
  },
});

/**
 * Options that pin everything run-dependent: `--date` fixes the FHIR/HL7/DOCX/HTML document date and the DOCX zip
 * times (core.xml included), `--ids deterministic` the FHIR ids and the HL7 control id (MSH-10). The subject is
 * required by FHIR and HL7.
 */
const OPTIONS = [
  '--to',
  'all',
  '--subject',
  'Patient/digest',
  '--date',
  '2024-05-01T14:35:00Z',
  '--ids',
  'deterministic',
];
/** The longest one CLI invocation may take before it is killed. */
const TIMEOUT_MS = 5 * 60_000;

const repo = resolve(args.repo ?? here);
const cli = resolve(args.cli ?? join(repo, 'packages/cli/bin/scribekit.js'));
const corpus = resolve(
  args.corpus ??
    [join(repo, '../shared/corpus'), join(repo, '../../shared/corpus')].find((d) =>
      existsSync(join(d, 'manifest.json')),
    ) ??
    join(repo, '../shared/corpus'),
);
for (const [what, path] of [
  ['the built CLI (run `pnpm build`)', cli],
  ['the corpus manifest', join(corpus, 'manifest.json')],
]) {
  if (!existsSync(path)) {
    process.stderr.write(`output-digests: ${what} is missing: ${path}\n`);
    process.exit(2);
  }
}

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
/** Every file the manifest says must be read (`parse`, and `salvage`: the BOM-prefixed file). */
const parsable = manifest.filter((e) => e.expected !== 'reject').map((e) => e.file);
const ofKind = (kind) =>
  manifest.filter((e) => e.expected !== 'reject' && e.kind === kind).map((e) => e.file);

const work = mkdtempSync(join(tmpdir(), 'scribekit-digests-'));
try {
  const runs = {
    // Every parsable file in one batch. A HealthScribe summary alone has no words: its failure is recorded.
    plain: convert('plain', parsable, []),
    // The same with redaction; files whose job never looked for PHI are refused (recorded as `failed: E_OPTIONS`).
    redacted: convert('redacted', parsable, ['--redact-phi']),
    // FHIR as a document Bundle and a transaction Bundle (the FHIR writers and the HL7 message that embeds them).
    'document-bundle': convert('document-bundle', parsable, ['--fhir-output', 'document-bundle']),
    'transaction-bundle': convert('transaction-bundle', parsable, ['--fhir-output', 'transaction-bundle']),
    // Each HealthScribe summary read with each HealthScribe transcript (`--summary` takes a single input).
    'with-summary': {},
  };
  for (const transcript of ofKind('healthscribe-transcript')) {
    for (const summary of ofKind('healthscribe-summary')) {
      const name = `with-summary-${Object.keys(runs['with-summary']).length}`;
      const run = convert(name, [transcript], ['--summary', join(corpus, summary)]);
      runs['with-summary'][`${transcript} + ${summary}`] = run[transcript];
    }
  }
  const text = `${JSON.stringify(
    {
      about:
        'sha256 of every output of the built CLI on the parsable files of ../shared/corpus (test/output-digests.test.ts); ' +
        'regenerate with `pnpm build && node scripts/output-digests.mjs --write` once a change of output is intended',
      options: OPTIONS,
      runs,
    },
    null,
    2,
  )}\n`;
  const out = args.write ? join(here, 'test/golden/corpus-digests.json') : args.out;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Converts `files` (corpus-relative) in one CLI run into a fresh folder and returns, per file, its output names
 * and their sha256 (sorted), or `failed: <error code>`.
 */
function convert(name, files, extra) {
  const dir = join(work, name);
  mkdirSync(dir);
  const r = spawnSync(
    process.execPath,
    [cli, 'convert', ...files.map((f) => join(corpus, f)), ...OPTIONS, ...extra, '-o', dir, '--json', '-q'],
    {
      // A folder of its own as cwd, so no scribekit.config.json is picked up; UTC and no SOURCE_DATE_EPOCH
      // for good measure (--date wins over both).
      cwd: dir,
      env: { ...process.env, TZ: 'UTC', SOURCE_DATE_EPOCH: undefined },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
    },
  );
  let summary;
  try {
    summary = JSON.parse(r.stdout);
  } catch {
    throw new Error(
      `output-digests: \`convert\` (${name}) gave no summary (exit ${r.status}, signal ${r.signal}): ${r.stderr}`,
    );
  }
  const result = {};
  for (const item of summary.items) {
    const file = relative(corpus, resolve(dir, item.input));
    if (item.status === 'ok') {
      result[file] = sorted(
        Object.fromEntries(item.outputs.map((o) => [basename(o), sha256(resolve(dir, o))])),
      );
    } else if (item.status === 'failed') result[file] = `failed: ${item.error.code}`;
    else throw new Error(`output-digests: ${file} was not converted (${item.status})`);
  }
  const missing = files.filter((f) => !(f in result));
  if (missing.length > 0) throw new Error(`output-digests: no result for ${missing.join(', ')}`);
  return sorted(result);
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The object with its keys in code-point order (stable across locales). */
function sorted(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
