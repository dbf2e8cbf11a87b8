import {
  analyze,
  buildTranscript,
  type DraftToken,
  OptionsError,
  parseTranscript,
  type Transcript,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { loadManifest, readCorpus } from '../../../test/support/corpus.js';
import { testTranscript } from '../../../test/support/transcript.js';

const word = (
  text: string,
  startMs: number,
  endMs: number,
  confidence: number | null,
  speaker: string,
): DraftToken => ({
  kind: 'word',
  text,
  startMs,
  endMs,
  confidence,
  speaker,
  channel: null,
});
const punct = (text: string, speaker: string): DraftToken => ({
  kind: 'punctuation',
  text,
  startMs: null,
  endMs: null,
  confidence: null,
  speaker,
  channel: null,
});

/** Two speakers, a 2.8 s silence, two overlaps (200 ms and 100 ms), one unscored word. */
function smallDialogue(): Transcript {
  return testTranscript({
    tokens: [
      word('Hello', 0, 500, 0.9, 'spk_0'),
      word('there', 500, 1000, 0.4, 'spk_0'),
      punct('.', 'spk_0'),
      word('Hi', 800, 1200, 0.8, 'spk_1'),
      word('doctor', 4000, 4600, 1, 'spk_1'),
      word('ok', 4500, 5000, null, 'spk_0'),
    ],
    entities: [
      { category: 'PHI', type: 'NAME', text: 'doctor', startMs: 4000, endMs: 4600, confidence: 0.9 },
      { category: 'PHI', type: 'DATE', text: 'Hello', startMs: 0, endMs: 500, confidence: 0.9 },
      { category: 'PHI', type: 'NAME', text: 'Hi', startMs: 800, endMs: 1200, confidence: 0.9 },
    ],
  });
}

describe('analyze: hand-computed figures on a small dialogue', () => {
  const a = analyze(smallDialogue());

  it('counts duration, words and punctuation', () => {
    expect(a.durationMs).toBe(5000);
    expect(a.words).toBe(5);
    expect(a.punctuation).toBe(1);
  });

  it('computes per-speaker talk time, share, words, turns, wpm and confidence', () => {
    expect(a.speakers).toEqual([
      {
        id: 'spk_0',
        label: 'spk_0',
        talkTimeMs: 1500,
        share: 0.6,
        words: 3,
        turns: 2,
        wordsPerMinute: 120,
        meanConfidence: 0.65,
        minConfidence: 0.4,
      },
      {
        id: 'spk_1',
        label: 'spk_1',
        talkTimeMs: 1000,
        share: 0.4,
        words: 2,
        turns: 1,
        wordsPerMinute: 120,
        meanConfidence: 0.9,
        minConfidence: 0.8,
      },
    ]);
    expect(a.channels).toEqual([]);
  });

  it('finds the longest monologue, silences and overlaps', () => {
    expect(a.longestMonologue).toEqual({
      speaker: 'spk_1',
      channel: null,
      startMs: 800,
      endMs: 4600,
      durationMs: 3800,
      words: 2,
    });
    expect(a.silences).toEqual([{ startMs: 1200, endMs: 4000, durationMs: 2800, beforeToken: 4 }]);
    expect(analyze(smallDialogue(), { silenceThresholdMs: 2800 }).silences).toEqual([]);
    expect(a.overlaps).toEqual([
      { a: 'spk_0', b: 'spk_1', startMs: 800, endMs: 1000, durationMs: 200 },
      { a: 'spk_0', b: 'spk_1', startMs: 4500, endMs: 4600, durationMs: 100 },
    ]);
  });

  it('summarises confidence with a histogram and lists low-confidence words without text', () => {
    expect(a.confidence.mean).toBeCloseTo(0.775, 10);
    expect(a.confidence.min).toBe(0.4);
    expect(a.confidence.unscored).toBe(1);
    expect(a.confidence.histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1, 2]);
    expect(a.confidence.histogram[3]).toEqual({ from: 0.3, to: 0.4, count: 0 });
    expect(a.lowConfidence).toEqual({
      threshold: 0.5,
      tokens: [{ index: 1, startMs: 500, endMs: 1000, confidence: 0.4, speaker: 'spk_0', channel: null }],
    });
    expect(JSON.stringify(a)).not.toContain('there');
    const withText = analyze(smallDialogue(), { includeText: true, lowConfidenceThreshold: 0.85 });
    expect(withText.lowConfidence.tokens.map((t) => t.text)).toEqual(['there', 'Hi']);
    expect(analyze(smallDialogue(), { histogramBins: 2 }).confidence.histogram).toEqual([
      { from: 0, to: 0.5, count: 1 },
      { from: 0.5, to: 1, count: 3 },
    ]);
  });

  it('counts PHI entities by type and has no summary figures without a summary', () => {
    expect(a.phi).toEqual({ total: 3, byType: { DATE: 1, NAME: 2 } });
    expect(a.summary).toBeUndefined();
  });

  it('refuses out-of-range options with OptionsError', () => {
    const t = smallDialogue();
    expect(() => analyze(t, { lowConfidenceThreshold: 1.5 })).toThrow(OptionsError);
    expect(() => analyze(t, { silenceThresholdMs: -1 })).toThrow(OptionsError);
    expect(() => analyze(t, { histogramBins: 0 })).toThrow(OptionsError);
    expect(() => analyze(t, { histogramBins: 2.5 })).toThrow(OptionsError);
  });

  it('handles an empty transcript', () => {
    const empty = buildTranscript({ metadata: smallDialogue().metadata, tokens: [] });
    const e = analyze(empty);
    expect(e.durationMs).toBe(0);
    expect(e.speakers).toEqual([]);
    expect(e.longestMonologue).toBeNull();
    expect(e.confidence.mean).toBeNull();
    expect(e.confidence.histogram).toHaveLength(10);
  });
});

describe('analyze: channels', () => {
  it('reports per-channel figures and channel overlaps when there are no speakers', () => {
    const ch = (text: string, s: number, e: number, channel: string): DraftToken => ({
      kind: 'word',
      text,
      startMs: s,
      endMs: e,
      confidence: 0.7,
      speaker: null,
      channel,
    });
    const t = buildTranscript({
      metadata: smallDialogue().metadata,
      tokens: [ch('a', 0, 1000, 'ch_0'), ch('b', 500, 1500, 'ch_1'), ch('c', 1000, 2000, 'ch_0')],
    });
    const a = analyze(t);
    expect(a.channels.map((c) => [c.id, c.talkTimeMs, c.words, c.turns])).toEqual([
      ['ch_0', 2000, 2, 2],
      ['ch_1', 1000, 1, 1],
    ]);
    expect(a.overlaps).toEqual([{ a: 'ch_0', b: 'ch_1', startMs: 500, endMs: 1500, durationMs: 1000 }]);
  });
});

describe('analyze: overlaps among three speakers', () => {
  it('reports each pair once per stretch, joining touching words of one speaker', () => {
    const t = buildTranscript({
      metadata: smallDialogue().metadata,
      tokens: [
        word('long', 0, 3000, 0.9, 'spk_0'),
        word('b1', 1000, 1500, 0.9, 'spk_1'),
        word('b2', 1500, 2000, 0.9, 'spk_1'),
        word('c1', 1800, 2500, 0.9, 'spk_2'),
        word('d', 4000, 4500, 0.9, 'spk_0'),
      ],
    });
    expect(analyze(t).overlaps).toEqual([
      { a: 'spk_0', b: 'spk_1', startMs: 1000, endMs: 2000, durationMs: 1000 },
      { a: 'spk_0', b: 'spk_2', startMs: 1800, endMs: 2500, durationMs: 700 },
      { a: 'spk_1', b: 'spk_2', startMs: 1800, endMs: 2000, durationMs: 200 },
    ]);
    expect(analyze(t).longestMonologue).toEqual({
      speaker: 'spk_0',
      channel: null,
      startMs: 0,
      endMs: 3000,
      durationMs: 3000,
      words: 1,
    });
  });
});

describe('analyze: corpus transcripts agree with the manifest', () => {
  for (const e of loadManifest().filter((m) => m.kind === 'transcribe-batch' && m.expected === 'parse')) {
    it(e.file, () => {
      const t = parseTranscript(readCorpus(e.file), { file: e.file });
      const a = analyze(t);
      expect(a.durationMs).toBe(Math.round((e.durationSeconds ?? 0) * 1000));
      expect(a.speakers).toHaveLength(e.speakers ?? 0);
      expect(a.channels).toHaveLength(e.channels ?? 0);
      expect(a.words).toBe(e.pronunciationItems);
      for (const group of [a.speakers, a.channels]) {
        if (group.length === 0) continue;
        expect(group.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 9);
        for (const p of group) expect(p.talkTimeMs).toBeLessThanOrEqual(a.durationMs);
      }
      const histogramTotal = a.confidence.histogram.reduce((s, b) => s + b.count, 0);
      expect(histogramTotal + a.confidence.unscored).toBe(a.words);
    });
  }
});
