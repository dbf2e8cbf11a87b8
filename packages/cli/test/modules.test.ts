// Unit tests of the CLI building blocks the AWS commands reuse: names, atomic writes, the batch runner,
// progress and summary, options, formats, exit codes.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ExportError,
  FetchError,
  InvalidJsonError,
  JobStatusError,
  OptionsError,
  TranscriptParseError,
  UnknownFormatError,
  UnsupportedFormatError,
} from '@scribekit/core';
import { NOTE_TYPES } from '@scribekit/exporters';
import { resolveFormats } from '@scribekit/exporters/render';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../src/batch/progress.js';
import { runBatch } from '../src/batch/run-batch.js';
import { formatSummary, summarize, summaryJson } from '../src/batch/summary.js';
import { flaggedSpecs, parseNameMapping } from '../src/commands/export-flags.js';
import { EXIT, exitCodeFor } from '../src/exit-codes.js';
import { safeBaseName, uniqueNames } from '../src/output/safe-name.js';
import { OutputExistsError, writeFileAtomic, writeOutputs } from '../src/output/write-atomic.js';
import { loadConfig } from '../src/pipeline/config.js';
import { layerOptions, noOptions, optionNamer } from '../src/pipeline/export-options.js';
import { globToRegExp } from '../src/pipeline/inputs.js';
import { workerExecArgv, workerPoolExecutor } from '../src/pipeline/pool.js';
import { RemoteError, serializeError } from '../src/pipeline/remote-error.js';

const root = mkdtempSync(join(tmpdir(), 'scribekit-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  return dir;
};
const mode = (p: string) => statSync(p).mode & 0o777;

describe('safeBaseName', () => {
  it.each([
    ['visit-12.json', 'visit-12'],
    ['../../etc/passwd', 'etc_passwd'],
    ['/abs/path/job', 'abs_path_job'],
    ['..\\..\\win\\job', 'win_job'],
    ['..', 'transcript'],
    ['', 'transcript'],
    ['...', 'transcript'],
    ['.bashrc', 'bashrc'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['LPT9.json', '_LPT9'],
    ['job:with*bad?chars<>|"', 'job_with_bad_chars'],
    ['name\u0000with\u001fcontrols', 'name_with_controls'],
    ['Visite médicale 東京', 'Visite_médicale_東京'],
    ['trailing dots...', 'trailing_dots'],
    ['-rf', 'rf'],
  ])('%j → %j', (input, expected) => {
    expect(safeBaseName(input)).toBe(expected);
  });

  it('limits the length', () => {
    expect(safeBaseName('a'.repeat(500))).toHaveLength(100);
  });

  it('uniqueNames numbers repeats in order, case-insensitively', () => {
    expect(uniqueNames(['a', 'b', 'A', 'a', 'a-2'])).toEqual(['a', 'b', 'A-2', 'a-3', 'a-2-2']);
  });
});

describe('writeOutputs / writeFileAtomic', () => {
  const outputs = [
    { extension: 'srt', data: 'one', containsPhi: true },
    { extension: 'docx', data: new Uint8Array([1, 2, 3]), containsPhi: false },
  ];

  it('writes every output, PHI ones with mode 0600, and leaves no temp files', async () => {
    const dir = fresh();
    const paths = await writeOutputs(join(dir, 'sub'), 'visit', outputs);
    expect(paths).toEqual([join(dir, 'sub', 'visit.srt'), join(dir, 'sub', 'visit.docx')]);
    expect(readFileSync(paths[0]!, 'utf8')).toBe('one');
    expect([...readFileSync(paths[1]!)]).toEqual([1, 2, 3]);
    expect(mode(paths[0]!)).toBe(0o600);
    expect(mode(paths[1]!) & 0o044).not.toBe(0);
    expect(readdirSync(join(dir, 'sub')).sort()).toEqual(['visit.docx', 'visit.srt']);
  });

  it('refuses existing targets without force and writes nothing; force replaces them', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'visit.docx'), 'old');
    await expect(writeOutputs(dir, 'visit', outputs)).rejects.toBeInstanceOf(OutputExistsError);
    expect(readdirSync(dir)).toEqual(['visit.docx']);
    expect(readFileSync(join(dir, 'visit.docx'), 'utf8')).toBe('old');
    await writeOutputs(dir, 'visit', outputs, { force: true });
    expect([...readFileSync(join(dir, 'visit.docx'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).sort()).toEqual(['visit.docx', 'visit.srt']);
  });

  it('removes the temp files already written when a later output fails', async () => {
    const dir = fresh();
    const failing = [outputs[0]!, { extension: 'bad', data: 42 as unknown as string, containsPhi: false }];
    await expect(writeOutputs(dir, 'visit', failing)).rejects.toMatchObject({ code: 'E_EXPORT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses names that are paths', async () => {
    const dir = fresh();
    await expect(writeOutputs(dir, '../visit', outputs)).rejects.toMatchObject({ code: 'E_EXPORT' });
    const traversal = [{ extension: 'x/../../escape', data: 'never', containsPhi: false }];
    await expect(writeOutputs(dir, 'visit', traversal)).rejects.toMatchObject({ code: 'E_EXPORT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a read-only directory is an export error (exit 5) naming the file', async () => {
    const dir = fresh();
    chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() === 0) return; // root writes anyway
      const error = await writeOutputs(dir, 'visit', outputs).catch((e: unknown) => e);
      expect(exitCodeFor(error)).toBe(EXIT.export);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('writeFileAtomic: no clobber without force, mode, no temp files', async () => {
    const dir = fresh();
    const path = join(dir, 'a.txt');
    await writeFileAtomic(path, 'x', { mode: 0o600 });
    expect(mode(path)).toBe(0o600);
    await expect(writeFileAtomic(path, 'y')).rejects.toBeInstanceOf(OutputExistsError);
    await writeFileAtomic(path, 'z', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('z');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

describe('runBatch', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('bounds concurrency, keeps input order, survives failures, reports in order', async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const tasks = Array.from({ length: 12 }, (_, i) => async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep((12 - i) * 2);
      running--;
      if (i % 5 === 0) throw new Error(`task ${i}`);
      return i * 10;
    });
    const progress: number[] = [];
    const results = await runBatch(tasks, {
      concurrency: 3,
      onProgress: (p) => progress.push(p.done),
      onResult: (r) => order.push(r.index),
    });
    expect(peak).toBe(3);
    expect(results.map((r) => r.status)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i % 5 === 0 ? 'failed' : 'ok')),
    );
    expect(results[1]).toEqual({ index: 1, status: 'ok', value: 10 });
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('stops starting tasks when aborted; the rest are cancelled', async () => {
    const controller = new AbortController();
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      if (i === 2) controller.abort();
      await sleep(1);
      return i;
    });
    const results = await runBatch(tasks, { concurrency: 1, signal: controller.signal });
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', ...Array(7).fill('cancelled')]);
  });

  it('handles an empty batch', async () => {
    expect(await runBatch([], { concurrency: 4 })).toEqual([]);
  });
});

describe('progress and summary', () => {
  it('draws a bar only on a terminal', () => {
    let tty = '';
    const bar = createProgress({
      write: (t) => {
        tty += t;
      },
      isTTY: true,
      label: 'converting',
      now: () => 0,
    });
    bar.update({ total: 4, done: 4, failed: 1 });
    bar.log('error: x');
    bar.finish();
    expect(tty).toContain('converting [');
    expect(tty).toContain('4/4, 1 failed');
    expect(tty).toContain('error: x\n');
    let quiet = '';
    const none = createProgress({
      write: (t) => {
        quiet += t;
      },
      isTTY: false,
      label: 'converting',
    });
    none.update({ total: 4, done: 4, failed: 0 });
    none.log('error: y');
    none.finish();
    expect(quiet).toBe('error: y\n');
  });

  it('summarises results for people and machines', () => {
    const summary = summarize(
      [
        { index: 0, status: 'ok', value: ['a.srt', 'a.vtt'] },
        { index: 1, status: 'failed', error: new OptionsError('bad') },
        { index: 2, status: 'cancelled' },
      ],
      (i) => `in-${i}.json`,
      (v: string[]) => v,
      1234,
    );
    expect(formatSummary(summary)).toBe(
      'converted 1 of 3 inputs into 2 files in 1.2 s; 1 failed; 1 not started (interrupted)\n',
    );
    expect(JSON.parse(summaryJson(summary))).toMatchObject({
      total: 3,
      ok: 1,
      failed: 1,
      cancelled: 1,
      files: 2,
      items: [
        { input: 'in-0.json', outputs: ['a.srt', 'a.vtt'] },
        { error: { code: 'E_OPTIONS', message: 'bad' } },
        {},
      ],
    });
  });
});

describe('options, formats, exit codes', () => {
  it('flags override the config file, which overrides tags; names merge by id', () => {
    const config = layerOptions(
      noOptions,
      {
        speakerNames: { spk_0: 'Dr. Config', spk_1: 'Patient' },
        maxLines: 2,
        preset: 'bbc',
        subject: 'Patient/c',
      },
      'config',
      'scribekit.config.json',
    );
    const flags = layerOptions(
      config,
      { speakerNames: { spk_0: 'Dr. Flag', ch_1: 'Caller' }, maxLines: 1, redact: true },
      'flag',
    );
    expect(flags.options).toEqual({
      speakerNames: { spk_0: 'Dr. Flag', spk_1: 'Patient', ch_1: 'Caller' },
      maxLines: 1,
      preset: 'bbc',
      redact: true,
      subject: 'Patient/c',
    });
    const namer = optionNamer(flags);
    expect(namer('maxLines')).toBe('--max-lines');
    expect(namer('preset')).toBe('`preset` in the config file scribekit.config.json');
    expect(namer('redact')).toBe('--redact-phi');
    expect(() => parseNameMapping('--speaker', 'spk_0', 'spk_')).toThrow('expects id=name');
  });

  it('the config file rejects a wrong type naming the key and file, never the value', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'scribekit.config.json'), JSON.stringify({ maxLines: 'two-secret' }));
    const error = (await loadConfig(undefined, dir).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('`maxLines`');
    expect(error.message).toContain('scribekit.config.json');
    expect(error.message).not.toContain('two-secret');
  });

  it("the --note-type choices are the exporters' note types", () => {
    const spec = flaggedSpecs.find((s) => s.key === 'noteType')!;
    expect(spec.type.kind === 'enum' && [...spec.type.values].sort()).toEqual(Object.keys(NOTE_TYPES).sort());
  });

  it('resolveFormats: lists, all, duplicates, unknown names', () => {
    expect(resolveFormats('srt, VTT,srt')).toEqual(['srt', 'vtt']);
    expect(resolveFormats('all')).toEqual([
      'srt',
      'vtt',
      'docx',
      'fhir-json',
      'fhir-xml',
      'hl7',
      'txt',
      'md',
      'json',
      'html',
    ]);
    expect(resolveFormats(['txt', 'md,json'])).toEqual(['txt', 'md', 'json']);
    expect(() => resolveFormats('srt,pdf')).toThrow(UnknownFormatError);
    expect(() => resolveFormats('')).toThrow(UnknownFormatError);
  });

  it('exitCodeFor maps every error class', () => {
    expect(exitCodeFor(new TranscriptParseError('x', []))).toBe(3);
    expect(exitCodeFor(new InvalidJsonError('x', { offset: 0, line: 1, column: 1 }))).toBe(3);
    expect(exitCodeFor(new UnsupportedFormatError('unknown', 'x'))).toBe(3);
    expect(exitCodeFor(new JobStatusError('FAILED', 'x'))).toBe(3);
    expect(exitCodeFor(new FetchError('x'))).toBe(4);
    expect(exitCodeFor(new ExportError('x'))).toBe(5);
    expect(exitCodeFor(new OptionsError('x'))).toBe(2);
    expect(exitCodeFor(new UnknownFormatError('x', []))).toBe(2);
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownOption', 'x'))).toBe(2);
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', 'x'))).toBe(0);
    expect(exitCodeFor(new Error('bug'))).toBe(1);
    expect(exitCodeFor('string')).toBe(1);
    // Errors from worker threads keep their code.
    expect(
      exitCodeFor(new RemoteError(serializeError(new FetchError('x', { cause: new Error('net') })))),
    ).toBe(4);
    expect(
      new RemoteError(serializeError(new ExportError('x', { cause: new Error('deep') }))).cause,
    ).toBeInstanceOf(Error);
  });

  it('a pool whose workers cannot start fails its jobs (no endless respawning); close() ends it', async () => {
    const script = join(fresh(), 'broken-worker.mjs');
    writeFileSync(script, "throw new Error('cannot start');\n");
    const pool = workerPoolExecutor(2, { script });
    const job = { path: null, display: '-', formats: [], options: { options: {}, sources: {} } } as const;
    const results = await Promise.allSettled([pool.run(job), pool.run(job), pool.run(job)]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    await expect(pool.run(job)).rejects.toThrow('cannot start');
    await pool.close();
  });

  it("workers get the parent's node flags minus conditions and eval flags", () => {
    expect(
      workerExecArgv([
        '--conditions',
        '@scribekit/source',
        '-C=dev',
        '--input-type=module',
        '-e',
        'code',
        '--max-old-space-size=4096',
        '--require',
        'x.cjs',
      ]),
    ).toEqual(['--max-old-space-size=4096', '--require', 'x.cjs']);
  });

  it('globToRegExp', () => {
    expect(globToRegExp('*.json').test('a.json')).toBe(true);
    expect(globToRegExp('*.json').test('d/a.json')).toBe(false);
    expect(globToRegExp('**/*.json').test('d/e/a.json')).toBe(true);
    expect(globToRegExp('**/*.json').test('a.json')).toBe(true);
    expect(globToRegExp('visit-?.{json,txt}').test('visit-1.txt')).toBe(true);
    expect(globToRegExp('[ab].json').test('c.json')).toBe(false);
  });
});
