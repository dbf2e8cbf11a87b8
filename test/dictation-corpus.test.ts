// Conformance of the dictation structure on real material, read in place from ../shared/corpus:
// the MTSamples reports (CC0) spoken as Transcribe Medical DICTATION output by bench/dictation/speak.mjs,
// scored against their typed headings; and paragraph lengths on every real batch transcript.
import {
  detectSections,
  joinTokens,
  numberedItems,
  paragraphBreaks,
  paragraphDefaults,
  parseTranscript,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { paragraphLengths, scoreReports } from '../bench/dictation/score.mjs';
import { parseCsv, speakReport } from '../bench/dictation/speak.mjs';
import { readShared, sharedManifest } from './support/shared-corpus.js';

const rows = parseCsv(readShared('dictation/mtsamples-dev.csv').toString('utf8'));
const core = { parseTranscript, detectSections, numberedItems };

describe('dictation sections on the spoken MTSamples reports', () => {
  it('reads every report of the CSV (quoted fields, "" escapes, line breaks as commas)', () => {
    expect(rows.length).toBe(342);
    for (const r of rows) expect(r.transcription!.length).toBeGreaterThanOrEqual(200);
    expect(rows.some((r) => r.transcription!.includes('"'))).toBe(true);
  });

  it('the generator writes valid DICTATION output whose items are the canonical tokens', () => {
    const { json, truth } = speakReport(rows[0]!.transcription!, { seed: 7 });
    expect(json.status).toBe('COMPLETED');
    const t = parseTranscript(json);
    expect(t.tokens.length).toBe(json.results.items.length);
    expect(new Set(t.tokens.filter((k) => k.kind === 'punctuation').map((k) => k.text))).toEqual(
      new Set(['.', ',']),
    );
    expect(t.speakers).toEqual([]);
    expect(truth.headings.length).toBeGreaterThan(3);
    for (const h of truth.headings) expect(h.body).toBeGreaterThan(h.start);
    // Same seed, same file.
    expect(speakReport(rows[0]!.transcription!, { seed: 7 }).json).toEqual(json);
  });

  for (const [seed, model] of [
    [1, 'clinician'],
    [2, 'clinician'],
  ] as const) {
    it(`recall ≥ 95 % over the common sections and precision ≥ 95 % (${model}, seed ${seed})`, () => {
      const s = scoreReports(rows, core, { seed, model });
      expect(s.mismatchedTokens).toBe(0);
      expect(s.common).toBeGreaterThan(1500);
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.itemRecall).toBeGreaterThanOrEqual(0.95);
      expect(s.itemPrecision).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('stays usable for another speaker (variant model: shorter, absorbed pauses; paraphrased headings)', () => {
    const s = scoreReports(rows, core, { seed: 3, model: 'variant' });
    expect(s.recall).toBeGreaterThanOrEqual(0.93);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });
});

describe('paragraphs on the real corpus', () => {
  const files = sharedManifest().filter((e) => e.kind === 'transcribe-batch' && e.expected === 'parse');

  it.each(
    files.map((e) => e.file),
  )('%s: no paragraph over the hard cap, none over maxChars at a sentence end', (file) => {
    const t = parseTranscript(readShared(file), { file });
    const stats = paragraphLengths(t, { paragraphBreaks, joinTokens });
    expect(stats.over1500).toBe(0);
    expect(stats.max).toBeLessThanOrEqual(paragraphDefaults.hardMaxChars);
    // The English files all have sentence ends close enough to stay within maxChars.
    if (t.metadata.languageCode?.startsWith('en')) expect(stats.over1200).toBe(0);
  });

  it('splits the 56-minute monologue (one 44,025-character turn) into paragraphs at sentence ends', () => {
    const t = parseTranscript(readShared('real/std-plain-56min-1.2MB.json'));
    const stats = paragraphLengths(t, { paragraphBreaks, joinTokens });
    expect(stats.longestTurn).toBeGreaterThan(40_000);
    expect(stats.paragraphs).toBeGreaterThan(36);
    expect(stats.max).toBeLessThanOrEqual(paragraphDefaults.maxChars);
    const breaks = paragraphBreaks(t.tokens, 0, t.tokens.length);
    for (const b of breaks) expect(['.', '?', '!']).toContain(t.tokens[b - 1]!.text);
  });
});

describe('analyze reports a dictation’s structure', () => {
  it('sections with their LOINC codes, numbered items and spoken commands applied (never words)', async () => {
    const { cli } = await import('./support/cli.js');
    const r = await cli(['analyze', 'examples/dictation-report.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { dictation } = JSON.parse(r.stdout);
    expect(dictation.sections.map((s: { id: string }) => s.id)).toContain('history-of-present-illness');
    expect(dictation.sections.find((s: { id: string }) => s.id === 'plan').code).toBe('18776-5');
    expect(dictation.numberedItems).toBe(7);
    expect(dictation.commandsApplied).toBe(0);
    const off = JSON.parse(
      (await cli(['analyze', 'examples/dictation-report.json', '--json', '--sections', 'off'])).stdout,
    );
    expect(off.dictation).toBeUndefined();
  });
});
