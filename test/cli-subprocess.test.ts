// The built CLI as a subprocess (`node packages/cli/bin/scribekit.js`): pipes, the whole corpus in one batch,
// broken files mixed in, and Ctrl-C in the middle of a batch.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { bin, binPath, linkDir, listFiles, repoRoot, tempDir } from './support/cli.js';
import { corpusDir, hasCorpus, loadManifest } from './support/corpus.js';

const ALL = ['docx', 'fhir.json', 'fhir.xml', 'hl7', 'html', 'md', 'scribekit.json', 'srt', 'txt', 'vtt'];
/** `real/x.json` → `real-x.json`: unique names in one flat directory. */
const flat = (name: string) => name.replace(/\//g, '-');
const baseOf = (name: string) => flat(name).replace(/\.json$/, '');

/** Parsable corpus transcripts (a HealthScribe summary alone has no words, so it is not a transcript to convert). */
const corpusTranscripts = () =>
  hasCorpus ? loadManifest().filter((e) => e.expected !== 'reject' && e.kind !== 'healthscribe-summary') : [];

describe('scribekit as a subprocess', () => {
  it('--help and --version', async () => {
    const help = await bin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: scribekit');
    const version = await bin(['--version']);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')).version,
    );
  });

  it('the installed `scribekit` command (the package bin) runs the built program', async () => {
    const linked = join(repoRoot, 'node_modules/.bin/scribekit');
    const r = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(linked, ['--version'], { cwd: repoRoot });
      let stdout = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('pipes: standard input to standard output', async () => {
    const r = await bin(['convert', '-', '--to', 'vtt'], {
      input: readFileSync(join(repoRoot, 'examples/conversation.json')),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^WEBVTT\n/);
    expect(r.stderr).toBe('');
  });

  it('usage errors exit 2 with one line on stderr', async () => {
    const r = await bin(['convert', 'examples/conversation.json', '--to', 'srtx']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!hasCorpus)(
    'converts a directory of every parsable corpus transcript to every format with zero failures',
    async () => {
      const entries = corpusTranscripts();
      const input = linkDir(
        entries.map((e) => ({ source: join(corpusDir, e.file), name: `${flat(e.file)}` })),
      );
      const out = tempDir();
      const r = await bin(
        ['convert', input, '--to', 'all', '-o', out, '--subject', 'Patient/corpus', '--json', '--jobs', '2'],
        {},
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary).toMatchObject({
        total: entries.length,
        ok: entries.length,
        failed: 0,
        files: entries.length * ALL.length,
      });
      const files = listFiles(out);
      expect(files).toHaveLength(entries.length * ALL.length);
      for (const e of entries) {
        const base = baseOf(e.file);
        for (const ext of ALL) expect(files, `${base}.${ext}`).toContain(`${base}.${ext}`);
        // The plain text carries every token exactly once, in order.
        const t = parseTranscript(readFileSync(join(corpusDir, e.file)));
        const text = readFileSync(join(out, `${base}.txt`), 'utf8');
        const bodies = text
          .trimEnd()
          .split('\n\nCLINICAL SUMMARY\n')[0]!
          .split('\n\n')
          .map((b) => b.split('\n').slice(1).join(' '))
          .join('');
        expect(bodies.replace(/\s+/g, ''), e.file).toBe(
          t.tokens
            .map((k) => k.text)
            .join('')
            .replace(/\s+/g, ''),
        );
      }
    },
  );

  it.skipIf(!hasCorpus)(
    'a directory with broken files mixed in: exit 1, good files written, no partial files',
    async () => {
      const manifest = loadManifest();
      const broken = manifest.filter((e) => e.expected === 'reject');
      const good = corpusTranscripts().filter((e) => e.bytes < 300_000);
      const input = linkDir(
        [...broken, ...good].map((e) => ({ source: join(corpusDir, e.file), name: flat(e.file) })),
      );
      // Parses, but has no words, so the FHIR export fails after the text formats could have been rendered.
      writeFileSync(
        join(input, 'zz-empty.json'),
        readFileSync(join(repoRoot, 'test/fixtures/transcribe/empty.json')),
      );
      const out = tempDir();
      const r = await bin([
        'convert',
        input,
        '--to',
        'all',
        '-o',
        out,
        '--subject',
        'Patient/mixed',
        '--json',
      ]);
      expect(r.code).toBe(1);
      const summary = JSON.parse(r.stdout);
      expect(summary).toMatchObject({
        total: broken.length + good.length + 1,
        ok: good.length,
        failed: broken.length + 1,
      });
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      expect(errors).toHaveLength(broken.length + 1);
      const files = listFiles(out);
      expect(files).toHaveLength(good.length * ALL.length);
      for (const e of broken) expect(files.some((f) => f.startsWith(`${baseOf(e.file)}.`))).toBe(false);
      expect(files.some((f) => f.startsWith('zz-empty'))).toBe(false);
      expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
      const empty = summary.items.find((i: { input: string }) => i.input.endsWith('zz-empty.json'));
      expect(empty.error.code).toBe('E_EXPORT');
    },
  );

  it.skipIf(!hasCorpus)(
    'Ctrl-C during a batch: exit 130, no temp files, every written output complete',
    async () => {
      const source = join(corpusDir, 'real/std-plain-200KB.json');
      const input = linkDir(
        Array.from({ length: 400 }, (_, i) => ({ source, name: `visit-${String(i).padStart(3, '0')}.json` })),
      );
      const out = tempDir();
      const child = spawn(
        process.execPath,
        [binPath, 'convert', input, '--to', 'all', '-o', out, '--subject', 'Patient/int', '--jobs', '2'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Interrupt once some outputs exist (the batch is well under way), while temp files are being written.
      for (let i = 0; i < 600 && readdirSync(out).filter((f) => !f.includes('.tmp')).length < 16; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill('SIGINT');
      const code = await exited;
      expect(code).toBe(130);
      expect(stderr).toContain('not started (interrupted)');
      const files = readdirSync(out);
      expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
      expect(files.length).toBeGreaterThan(0);
      expect(files.length).toBeLessThan(400 * ALL.length);
      // Outputs of one input are all or nothing.
      const perBase = new Map<string, number>();
      for (const f of files) perBase.set(f.split('.')[0]!, (perBase.get(f.split('.')[0]!) ?? 0) + 1);
      for (const [base, n] of perBase) expect(n, base).toBe(ALL.length);
    },
  );
});
