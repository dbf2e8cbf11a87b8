// Word conservation over every parsable corpus file, and real readers (python-docx, mammoth, LibreOffice +
// pdftotext) reading the generated files and finding the same words in order.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTranscript, redact, type Token, type Transcript } from '@scribekit/core';
import { type DocxOptions, toDocx } from '@scribekit/exporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, parsableBatch, readCorpus, readFixture } from '../../../test/support/corpus.js';
import { redactableTranscript } from '../../../test/support/phi.js';
import { clientsDepsDir, python, readersAvailable } from '../../../test/support/real-clients.js';
import { documentXml, firstMissingToken, synthBatch, unzipDocx, xmlText } from './docx-helpers.js';

const date = new Date('2026-03-02T15:04:05Z');
const noSpace = (s: string) => s.replace(/\s+/g, '');

interface Generated {
  readonly name: string;
  readonly path: string;
  readonly tokens: readonly Token[];
}

/** Robustness inputs: synthetic, PHI-free. */
const synthetic: [string, string, DocxOptions][] = [
  ['synthetic-no-speakers', synthBatch({ words: 500 }), {}],
  ['synthetic-one-speaker', synthBatch({ words: 300, speakers: 1 }), {}],
  ['synthetic-two-channels', synthBatch({ words: 300, channels: 2 }), {}],
  ['synthetic-twelve-speakers', synthBatch({ words: 800, speakers: 12 }), {}],
  [
    'synthetic-cjk',
    synthBatch({
      words: 300,
      speakers: 2,
      languageCode: 'ja-JP',
      vocabulary: ['患者', 'さんは', '胸の', '痛みを', '訴えています'],
    }),
    {},
  ],
  [
    'synthetic-hostile',
    synthBatch({
      words: 200,
      speakers: 2,
      jobName: 'job <&> "x"',
      vocabulary: ['R&D', '<b>', 'a"b', "it's", 'x>y'],
    }),
    { speakerNames: { spk_0: 'Dr <A&B>\u0001\uFFFF', spk_1: '"Q" & \u0007\uD800' } },
  ],
  [
    'synthetic-5-hours',
    synthBatch({ words: 40_500, speakers: 3, stepMs: 450, turnWords: 60 }),
    { comments: true },
  ],
];
const fixtures = [
  'medical-conversation-phi',
  'medical-dictation',
  'two-channel',
  'show-alternatives',
  'pii-redacted',
  'speaker-label-gaps',
  'empty',
];

const lower = (s: string) => s.toLowerCase();
let dir = '';
const generated: Generated[] = [];

async function write(name: string, t: Transcript, options: DocxOptions): Promise<Generated> {
  const bytes = await toDocx(t, { ...options, date });
  const path = join(dir, `${name}.docx`);
  writeFileSync(path, bytes);
  // Redacted: the placeholders core's `redact` puts in place of PHI words. Words only, compared without case:
  // a dictation's heading loses its punctuation to the heading style and its body's first word is capitalised.
  const tokens = (options.redact ? redact(t).tokens : t.tokens).filter((k) => k.kind === 'word');
  return { name, path, tokens };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scribekit-docx-'));
  for (const [name, json, options] of synthetic)
    generated.push(await write(name, parseTranscript(json), options));
  for (const f of fixtures) {
    const t = parseTranscript(readFixture(`transcribe/${f}.json`), { file: f });
    generated.push(await write(f, t, { comments: true }));
    if (t.entities.length > 0) generated.push(await write(`${f}.redacted`, t, { redact: true }));
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasCorpus)('toDocx word conservation over the corpus', () => {
  const entries = hasCorpus ? parsableBatch() : [];
  it('has parsable batch files to convert', () => {
    expect(entries.length).toBeGreaterThan(10);
  });
  it.each(entries.map((e) => [e.file]))('%s: every token, in order', async (file) => {
    const t = parseTranscript(readCorpus(file), { file });
    const files = unzipDocx(await toDocx(t, { date, comments: true }));
    const xml = files['word/document.xml']!;
    expect(firstMissingToken(xmlText(xml), t.tokens)).toBe(-1);
    // Every comment is anchored: one range start, one range end and one reference each.
    const comments = (files['word/comments.xml'] ?? '').match(/<w:comment /g)?.length ?? 0;
    for (const el of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
      expect(xml.match(new RegExp(`<w:${el} `, 'g'))?.length ?? 0, el).toBe(comments);
    }
    // Redacted (planted entities, times a little off): every token or its placeholder, in order.
    const planted = redactableTranscript(readCorpus(file), file);
    const r = await toDocx(planted, { date, redact: true });
    expect(firstMissingToken(xmlText(documentXml(r)), redact(planted).tokens)).toBe(-1);
    // Generated once more for the real readers below.
    generated.push({ name: file, path: join(dir, `${file.replace(/\//g, '__')}.docx`), tokens: t.tokens });
    writeFileSync(generated.at(-1)!.path, await toDocx(t, { date }));
  });
});

describe('real readers', () => {
  const pyDocx = readersAvailable('python3-docx');
  it.skipIf(!pyDocx.ok)(
    `python-docx reads every generated file and finds the same words ${pyDocx.reason}`,
    () => {
      expect(generated.length).toBeGreaterThan(10);
      const script = fileURLToPath(new URL('./read_docx_text.py', import.meta.url));
      const r = spawnSync(python, [script, ...generated.map((g) => g.path)], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
      });
      expect(r.status, r.stderr).toBe(0);
      const read = JSON.parse(r.stdout) as Record<
        string,
        { title: string; author: string; language: string; styles: string[]; text: string }
      >;
      for (const g of generated) {
        const doc = read[g.path]!;
        expect(doc.author, g.name).toBe('scribekit');
        expect(doc.title, g.name).toMatch(/^Transcript/);
        expect(doc.styles, g.name).toContain('Transcript');
        expect(firstMissingToken(doc.text.toLowerCase(), g.tokens, lower), g.name).toBe(-1);
      }
    },
  );

  const mammothOk = readersAvailable('mammoth');
  it.skipIf(!mammothOk.ok)(
    `mammoth reads every generated file and finds the same words ${mammothOk.reason}`,
    async () => {
      const require = createRequire(join(clientsDepsDir, 'package.json'));
      const mammoth = require('mammoth') as {
        extractRawText(input: {
          buffer: Buffer;
        }): Promise<{ value: string; messages: { type: string; message: string }[] }>;
      };
      expect(generated.length).toBeGreaterThan(10);
      for (const g of generated) {
        const r = await mammoth.extractRawText({ buffer: readFileSync(g.path) });
        expect(
          r.messages.filter((m) => m.type === 'error'),
          g.name,
        ).toEqual([]);
        expect(firstMissingToken(r.value.toLowerCase(), g.tokens, lower), g.name).toBe(-1);
      }
    },
  );

  const xmllint = readersAvailable('xmllint');
  it.skipIf(!xmllint.ok)(
    `xmllint finds every XML part of every generated file well-formed ${xmllint.reason}`,
    () => {
      expect(generated.length).toBeGreaterThan(10);
      const parts: string[] = [];
      for (const g of generated) {
        for (const [name, xml] of Object.entries(unzipDocx(readFileSync(g.path)))) {
          if (!/\.(xml|rels)$/.test(name)) continue;
          const path = join(dir, 'parts', g.name.replace(/\//g, '__'), name);
          mkdirSync(join(path, '..'), { recursive: true });
          writeFileSync(path, xml);
          parts.push(path);
        }
      }
      expect(parts.length).toBeGreaterThan(generated.length * 10);
      const r = spawnSync('xmllint', ['--noout', ...parts], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );

  const lo = readersAvailable('libreoffice', 'pdftotext');
  it.skipIf(!lo.ok)(
    `LibreOffice converts fixtures to PDF and pdftotext finds their words ${lo.reason}`,
    () => {
      const chosen = generated.filter(
        (g) =>
          g.name === 'medical-conversation-phi' || g.name === 'synthetic-hostile' || g.name === 'two-channel',
      );
      expect(chosen).toHaveLength(3);
      const out = join(dir, 'pdf');
      const r = spawnSync(
        'soffice',
        [
          '--headless',
          '--infilter=MS Word 2007 XML',
          '--convert-to',
          'pdf',
          '--outdir',
          out,
          ...chosen.map((g) => g.path),
        ],
        {
          encoding: 'utf8',
          timeout: 180_000,
        },
      );
      expect(r.status, r.stderr).toBe(0);
      for (const g of chosen) {
        const pdf = join(out, `${g.name}.pdf`);
        const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        expect(text.status, g.name).toBe(0);
        expect(text.stdout, g.name).toContain('Page 1 of');
        const flat = (s: string) => noSpace(s).toLowerCase();
        expect(firstMissingToken(flat(text.stdout), g.tokens, flat), g.name).toBe(-1);
      }
    },
    240_000,
  );
});
