import { parseTranscript, transcriptText } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/corpus.js';

const parse = (name: string) => parseTranscript(readFixture(`transcribe/${name}`), { file: name });

describe('synthetic medical fixtures', () => {
  it('dictation: no speakers, one turn, reader text with punctuation attached', () => {
    const t = parse('medical-dictation.json');
    expect(t.metadata).toMatchObject({
      source: 'transcribe-batch',
      jobName: 'example-dictation-0001',
      status: 'COMPLETED',
      languageCode: 'en-US',
    });
    expect(t.speakers).toEqual([]);
    expect(t.channels).toEqual([]);
    expect(t.turns).toHaveLength(1);
    const text = transcriptText(t);
    expect(text).toMatch(
      /^This is a follow up visit for a fifty two year old with type two diabetes\. The patient/,
    );
    expect(text).not.toMatch(/ {2}| [.,?!]/);
    expect(t.tokens.every((k, i) => k.index === i)).toBe(true);
    expect(t.warnings).toEqual([]);
  });

  it('conversation: speakers joined by time, turns alternate, PHI entities linked to their words', () => {
    const t = parse('medical-conversation-phi.json');
    expect(t.speakers.map((s) => s.id)).toEqual(['spk_0', 'spk_1']);
    expect(t.turns.map((x) => x.speaker)).toEqual(['spk_0', 'spk_1', 'spk_0', 'spk_1', 'spk_0']);
    expect(t.metadata.speakersDeclared).toBe(2);
    expect(t.entities.map((e) => e.type)).toEqual(['NAME', 'DATE', 'PHONE']);
    for (const e of t.entities) {
      const words = t.tokens.slice(e.firstToken, e.endToken).filter((k) => k.kind === 'word');
      expect(words.map((w) => w.text).join(' ')).toBe(e.text.replace('.', ''));
    }
    // Every punctuation token belongs to the turn of the word before it.
    for (const turn of t.turns) expect(t.tokens[turn.firstToken]!.kind).toBe('word');
  });

  it('two channels: items grouped per channel are merged into time order', () => {
    const t = parse('two-channel.json');
    expect(t.channels.map((c) => c.id)).toEqual(['ch_0', 'ch_1']);
    const words = t.tokens.filter((k) => k.kind === 'word');
    for (let i = 1; i < words.length; i++)
      expect(words[i]!.startMs).toBeGreaterThanOrEqual(words[i - 1]!.startMs);
    expect(t.turns.map((x) => x.channel)).toEqual(
      ['ch_0', 'ch_1', 'ch_0', 'ch_1', 'ch_0', 'ch_1', 'ch_0'].slice(0, t.turns.length),
    );
    expect(transcriptText(t)).toContain(
      'Thanks for calling the clinic, this is the nurse line. Hi, I need to refill',
    );
  });

  it('ShowAlternatives: n-best segments with flat tokens, best first', () => {
    const t = parse('show-alternatives.json');
    expect(t.alternatives).toHaveLength(2);
    expect(t.alternatives[0]!.alternatives.map((a) => a.text)).toEqual([
      'The patient denies chest pain.',
      'The patient denied chest pain.',
      'The patient denies just pain.',
    ]);
    expect(t.alternatives[0]!.alternatives[0]!.tokens.at(-1)).toMatchObject({
      kind: 'punctuation',
      text: '.',
      startMs: null,
    });
    expect(t.alternatives[1]!.startMs).toBeGreaterThan(t.alternatives[0]!.startMs);
  });

  it('speaker label gaps: labels as used, sorted by number; declared count kept', () => {
    const t = parse('speaker-label-gaps.json');
    expect(t.speakers.map((s) => s.id)).toEqual(['spk_0', 'spk_2', 'spk_9']);
    expect(t.metadata.speakersDeclared).toBe(8);
  });

  it('standard PII redaction: [PII] tokens carry the service redaction and its confidence', () => {
    const t = parse('pii-redacted.json');
    const pii = t.tokens.filter((k) => k.serviceRedaction);
    expect(pii.map((k) => [k.text, k.serviceRedaction?.type, k.confidence])).toEqual([
      ['[PII]', 'NAME', 0.9987],
      ['[PII]', 'PHONE', 0.9987],
    ]);
    expect(t.metadata.serviceRedacted).toBe(true);
  });

  it('empty transcript: valid, zero tokens, zero duration', () => {
    const t = parse('empty.json');
    expect(t.tokens).toEqual([]);
    expect(t.turns).toEqual([]);
    expect(t.durationMs).toBe(0);
  });
});
