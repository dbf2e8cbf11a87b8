import { analyze, detectKind, parseTranscript, TranscriptParseError, transcriptText } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { loadManifest, readCorpus, readFixture } from '../../../test/support/corpus.js';

const manifest = loadManifest();

describe('streaming: corpus files agree with the manifest', () => {
  for (const e of manifest.filter((m) => m.kind === 'medical-streaming' && m.expected === 'parse')) {
    it(e.file, () => {
      const json = JSON.parse(readCorpus(e.file).toString('utf8')) as unknown;
      expect(detectKind(json)).toBe('medical-streaming');
      const t = parseTranscript(readCorpus(e.file), { file: e.file });
      expect(t.metadata.source).toBe('medical-streaming');
      expect(t.tokens).toHaveLength(e.finalItems!);
      expect(t.channels).toHaveLength(e.channels!);
      expect(t.speakers).toHaveLength(e.speakers!);
      expect(t.durationMs).toBe(Math.round(e.durationSeconds! * 1000));
      expect(t.tokens.filter((k) => k.confidence !== null)).toHaveLength(e.itemsWithConfidence!);
      expect(t.metadata.languageCode).toBe(e.language);
      const a = analyze(t);
      expect(a.durationMs).toBe(t.durationMs);
      expect(a.words + a.punctuation).toBe(e.finalItems);
    });
  }

  it('the recorded log keeps only the 7 final results, in time order', () => {
    const file = 'real/medical-streaming-events-recorded-1.json';
    const raw = JSON.parse(readCorpus(file).toString('utf8')) as {
      data: { IsPartial: boolean; Alternatives: { Items: { Content: string }[] }[] };
    }[];
    const finalText = raw
      .filter((e) => !e.data.IsPartial)
      .flatMap((e) => e.data.Alternatives[0]!.Items.map((i) => i.Content));
    const t = parseTranscript(readCorpus(file), { file });
    expect(t.tokens.map((k) => k.text)).toEqual(finalText);
    expect(t.warnings).toEqual([]);
    for (let i = 1; i < t.tokens.length; i++)
      expect(t.tokens[i]!.startMs).toBeGreaterThanOrEqual(t.tokens[i - 1]!.startMs);
  });

  it('the channel doc example (camelCase, channelId, vocabularyFilterMatch false)', () => {
    const file = 'doc-examples/awsdocs-conversation-channel-id-med-streaming.json';
    const t = parseTranscript(readCorpus(file), { file });
    expect(t.tokens.map((k) => [k.text, k.channel, k.startMs, k.endMs])).toEqual([
      ['Left', 'ch_0', 110, 450],
      ['.', 'ch_0', 450, 450],
    ]);
    expect(t.tokens[0]!.vocabularyFilterMatch).toBeUndefined();
  });

  it('the standard-streaming PII examples: entities, and a `[NAME]` placeholder as a service redaction', () => {
    const id = parseTranscript(readCorpus('doc-examples/awsdocs-pii-identification-streaming.json'));
    expect(id.entities).toHaveLength(1);
    expect(id.entities[0]).toMatchObject({
      category: 'PII',
      type: 'NAME',
      startMs: 800,
      endMs: 1020,
      firstToken: 3,
      endToken: 4,
    });
    const red = parseTranscript(readCorpus('doc-examples/awsdocs-pii-redaction-streaming-redacted.json'));
    expect(red.tokens[3]).toMatchObject({
      text: '[NAME]',
      serviceRedaction: { kind: 'pii', type: 'NAME', confidence: null },
    });
  });
});

describe('streaming: synthetic logs', () => {
  it('partials that later change: only the last final version of each result is used', () => {
    const t = parseTranscript(readFixture('streaming/partials-that-change.json'));
    expect(transcriptText(t)).toBe('The patient is stable. Blood pressure normal.');
    expect(t.tokens[3]).toMatchObject({ text: 'stable', confidence: 0.88, startMs: 1100, endMs: 1500 });
    expect(t.tokens[4]).toMatchObject({ kind: 'punctuation', confidence: null, startMs: 1500 });
    expect(t.durationMs).toBe(3600);
    expect(t.warnings).toEqual([
      '1 result(s) had only partial versions and were left out',
      '1 final result(s) were sent again; the last version of each was kept',
    ]);
  });

  it('two channels, camelCase, speakers, speaker-change items, a masked word and a PHI entity', () => {
    const t = parseTranscript(readFixture('streaming/two-channels-camel.json'));
    expect(t.tokens.map((k) => k.text)).toEqual([
      'Hello',
      'Ms',
      'Quillby',
      ',',
      'Wait',
      'hi',
      '.',
      '***',
      'please',
      '.',
      'Okay',
      '.',
    ]);
    expect(t.tokens.map((k) => k.channel)).toEqual([
      'ch_0',
      'ch_0',
      'ch_0',
      'ch_0',
      'ch_1',
      'ch_0',
      'ch_0',
      'ch_1',
      'ch_1',
      'ch_1',
      'ch_0',
      'ch_0',
    ]);
    expect(t.channels.map((c) => c.id)).toEqual(['ch_0', 'ch_1']);
    expect(t.speakers.map((s) => s.id)).toEqual(['spk_0', 'spk_1']);
    expect(t.tokens[5]).toMatchObject({ text: 'hi', speaker: 'spk_1', confidence: 0.97 });
    expect(t.tokens[7]).toMatchObject({
      vocabularyFilterMatch: true,
      serviceRedaction: { kind: 'vocabulary-mask', type: null, confidence: null },
    });
    expect(t.turns.map((u) => [u.speaker, u.channel, u.firstToken, u.endToken])).toEqual([
      ['spk_0', 'ch_0', 0, 4],
      [null, 'ch_1', 4, 5],
      ['spk_1', 'ch_0', 5, 7],
      [null, 'ch_1', 7, 10],
      ['spk_0', 'ch_0', 10, 12],
    ]);
    expect(t.entities).toEqual([
      {
        channel: 'ch_0',
        category: 'PHI',
        type: 'NAME',
        text: 'Quillby',
        startMs: 700,
        endMs: 1300,
        confidence: 0.98,
        firstToken: 2,
        endToken: 3,
      },
    ]);
    expect(t.durationMs).toBe(7000);
    const a = analyze(t);
    expect(a.channels.map((c) => [c.id, c.talkTimeMs, c.words])).toEqual([
      ['ch_0', 2200, 5],
      ['ch_1', 1400, 3],
    ]);
    expect(a.phi).toEqual({ total: 1, byType: { NAME: 1 } });
  });

  it('accepts a single raw result, a PascalCase TranscriptEvent and an array of Transcript wrappers', () => {
    const result = {
      ResultId: 'x',
      StartTime: 0,
      EndTime: 1,
      IsPartial: false,
      Alternatives: [
        {
          Items: [{ Type: 'pronunciation', Content: 'Fine', StartTime: 0.1, EndTime: 0.5, Confidence: 0.9 }],
        },
      ],
    };
    for (const shape of [
      result,
      { TranscriptEvent: { Transcript: { Results: [result] } } },
      [{ Transcript: { Results: [result] } }, { Transcript: { Results: [{ ...result, IsPartial: true }] } }],
    ]) {
      const t = parseTranscript(JSON.stringify(shape));
      expect(t.tokens.map((k) => k.text)).toEqual(['Fine']);
      expect(t.durationMs).toBe(1000);
    }
  });
});

describe('streaming: malformed events are refused with typed errors', () => {
  const base = () => ({
    resultId: 'x',
    isPartial: false,
    alternatives: [{ items: [{ type: 'pronunciation', content: 'Fine', startTime: 0.1, endTime: 0.5 }] }],
  });
  const refuse = (json: unknown): TranscriptParseError => {
    try {
      parseTranscript(JSON.stringify(json), { file: 'events.json' });
    } catch (error) {
      return error as TranscriptParseError;
    }
    throw new Error('expected a refusal');
  };

  it('names the path in the input spelling, never the words', () => {
    const a = base();
    (a.alternatives[0]!.items[0] as Record<string, unknown>).startTime = '0.1';
    const err = refuse([{ t: 1, data: a }]);
    expect(err).toBeInstanceOf(TranscriptParseError);
    expect(err.code).toBe('E_PARSE');
    expect(err.issues[0]!.path).toBe('[0].data.alternatives[0].items[0].startTime');
    expect(err.message).toContain('events.json');
    expect(err.message).not.toContain('Fine');
  });

  it('an unknown item type, a non-boolean IsPartial, a non-object event', () => {
    const a = base();
    a.alternatives[0]!.items[0]!.type = 'word';
    expect(refuse(a).issues[0]!.path).toBe('alternatives[0].items[0].type');
    const b = { ...base(), isPartial: 'no' };
    expect(refuse(b).issues[0]!.path).toBe('isPartial');
    const c = [
      { t: 1, data: base() },
      { t: 2, data: { ...base(), resultId: 7 } },
    ];
    expect(refuse(c).issues[0]!.path).toBe('[1].data.resultId');
    expect(refuse({ events: [base(), 3] }).issues[0]!.path).toBe('events[1]');
  });
});
