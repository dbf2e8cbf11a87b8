// The text a PHI detector reads, its token offsets, and detected spans back to entities over tokens.
import {
  addPhiEntities,
  buildTranscript,
  codePointLength,
  type DraftEntity,
  type DraftToken,
  entitiesFromOffsets,
  mergePhiEntities,
  type PhiEntity,
  type PhiSpan,
  parseTranscript,
  phiTextOf,
  redact,
  type Transcript,
  utf16Offsets,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { hasCorpus, loadManifest, readCorpus, readFixture } from '../../../test/support/corpus.js';

const metadata = {
  source: 'transcribe-batch',
  jobName: null,
  accountId: null,
  status: null,
  languageCode: 'en-US',
  serviceRedacted: null,
} as const;

/** Words timed 100 ms apart (each 80 ms long); `|` words open a turn of the other speaker. */
function transcriptOf(pieces: readonly string[], entities: DraftEntity[] = []): Transcript {
  let speaker = 'spk_0';
  let ms = 0;
  const tokens: DraftToken[] = pieces.map((piece) => {
    let text = piece;
    if (text.startsWith('|')) {
      speaker = speaker === 'spk_0' ? 'spk_1' : 'spk_0';
      text = text.slice(1);
    }
    if (/^[.,?!。、]$/.test(text)) {
      return {
        kind: 'punctuation',
        text,
        startMs: null,
        endMs: null,
        confidence: null,
        speaker,
        channel: null,
      };
    }
    ms += 100;
    return { kind: 'word', text, startMs: ms, endMs: ms + 80, confidence: 0.9, speaker, channel: null };
  });
  return buildTranscript({ metadata, tokens, entities });
}

/** Offsets of the n-th occurrence of `needle` (UTF-16), for hand-made spans. */
function at(text: string, needle: string, nth = 0): { begin: number; end: number } {
  let from = 0;
  for (let k = 0; ; k++) {
    const i = text.indexOf(needle, from);
    if (i < 0) throw new Error(`test bug: ${needle} not found`);
    if (k === nth) return { begin: i, end: i + needle.length };
    from = i + 1;
  }
}

const span = (where: { begin: number; end: number }, type = 'NAME', score = 0.99): PhiSpan => ({
  ...where,
  type,
  category: 'PROTECTED_HEALTH_INFORMATION',
  score,
});

const ranges = (entities: readonly PhiEntity[]) =>
  entities.map((e) => [e.firstToken, e.endToken, e.type, e.text] as const);

describe('phiTextOf', () => {
  it('joins tokens with reader spacing and records where each token sits', () => {
    const t = transcriptOf([
      'My',
      'name',
      'is',
      'Ada',
      'Quennick',
      '.',
      'Call',
      '555-0100',
      ',',
      'please',
      '.',
    ]);
    const map = phiTextOf(t);
    expect(map.text).toBe('My name is Ada Quennick. Call 555-0100, please.');
    t.tokens.forEach((tok, i) => {
      expect(map.text.slice(map.tokenStart[i], map.tokenEnd[i])).toBe(tok.text);
    });
  });

  it('puts a line break (not a space) where the speaker changes, also between CJK turns', () => {
    const t = transcriptOf([
      'Hello',
      'Ada',
      '.',
      '|Hi',
      'doctor',
      '.',
      '|我',
      '叫',
      '张伟',
      '。',
      '|好',
      '。',
    ]);
    const map = phiTextOf(t);
    expect(map.text).toBe('Hello Ada.\nHi doctor.\n我叫张伟。\n好。');
    expect(map.text.split('\n')).toHaveLength(t.turns.length);
  });

  it('gives empty tokens a zero-width place and skips them like joinTokens', () => {
    const t = transcriptOf(['Ada', '', 'Quennick', '|', 'yes']);
    const map = phiTextOf(t);
    expect(map.text).toBe('Ada Quennick\nyes');
    expect([map.tokenStart[1], map.tokenEnd[1]]).toEqual([3, 3]);
    // The empty token opened the turn; the break goes before the next token with text.
    expect([map.tokenStart[3], map.tokenEnd[3]]).toEqual([12, 12]);
    expect(map.text.slice(map.tokenStart[4], map.tokenEnd[4])).toBe('yes');
  });

  it('replaces lone surrogates (not valid UTF-8) without moving any offset', () => {
    const t = transcriptOf(['bad\uD800', 'Ada']);
    const map = phiTextOf(t);
    expect(map.text).toBe('bad\uFFFD Ada');
    expect(map.tokenStart[1]).toBe(5);
  });

  it('holds for every fixture and corpus transcript: token slices are token texts, separators are spaces or breaks', () => {
    const inputs: Transcript[] = [];
    for (const name of ['medical-conversation-phi.json', 'two-channel.json', 'pii-redacted.json']) {
      inputs.push(parseTranscript(readFixture(`transcribe/${name}`)));
    }
    // The shared corpus when this checkout has it beside it (../shared/corpus), else the fixtures alone.
    for (const entry of hasCorpus
      ? loadManifest()
          .filter((e) => e.expected === 'parse')
          .slice(0, 40)
      : []) {
      inputs.push(parseTranscript(readCorpus(entry.file)));
    }
    expect(inputs.length).toBeGreaterThanOrEqual(3);
    for (const t of inputs) {
      const map = phiTextOf(t);
      let previousEnd = 0;
      t.tokens.forEach((tok, i) => {
        const slice = map.text.slice(map.tokenStart[i], map.tokenEnd[i]);
        if (!/[\uD800-\uDFFF]/.test(tok.text)) expect(slice).toBe(tok.text);
        if (tok.text !== '') {
          expect(map.text.slice(previousEnd, map.tokenStart[i])).toMatch(/^(?:| |\n)$/);
          previousEnd = map.tokenEnd[i]!;
        }
      });
      expect(previousEnd).toBe(map.text.length);
    }
  });
});

describe('utf16Offsets and codePointLength (DetectPHI counts code points)', () => {
  it('is the identity for BMP-only text, CJK included', () => {
    const to16 = utf16Offsets('我叫张伟');
    expect([0, 2, 4, 9].map(to16)).toEqual([0, 2, 4, 4]);
    expect(codePointLength('我叫张伟')).toBe(4);
  });

  it('counts an emoji or an astral ideograph once, as DetectPHI does, and maps to the UTF-16 index', () => {
    const text = 'I 😀 met 𠮷田 Ada';
    // Code points: I,␠,😀,␠,m,e,t,␠,𠮷,田,␠,A,d,a → 14; UTF-16 has two more units.
    expect(codePointLength(text)).toBe(14);
    expect(text.length).toBe(16);
    const to16 = utf16Offsets(text);
    expect(text.slice(to16(11), to16(14))).toBe('Ada');
    expect(text.slice(to16(8), to16(10))).toBe('𠮷田');
    expect(to16(99)).toBe(text.length);
    expect(to16(-3)).toBe(0);
  });
});

describe('entitiesFromOffsets', () => {
  const t = transcriptOf([
    'My',
    'name',
    'is',
    'Ada',
    'Quennick',
    '.',
    'Call',
    '555-0100',
    ',',
    'please',
    '.',
  ]);
  const map = phiTextOf(t);

  it('maps a span to the tokens it covers, with times, text, type and source', () => {
    const { entities, dropped, split } = entitiesFromOffsets(t, map, [
      span(at(map.text, 'Ada Quennick'), 'NAME', 0.97),
      span(at(map.text, '555-0100'), 'PHONE_OR_FAX', 0.88),
    ]);
    expect([dropped, split]).toEqual([0, 0]);
    expect(entities).toEqual([
      {
        category: 'PROTECTED_HEALTH_INFORMATION',
        type: 'NAME',
        text: 'Ada Quennick',
        startMs: t.tokens[3]!.startMs,
        endMs: t.tokens[4]!.endMs,
        confidence: 0.97,
        source: 'comprehend-medical',
        firstToken: 3,
        endToken: 5,
      },
      {
        category: 'PROTECTED_HEALTH_INFORMATION',
        type: 'PHONE',
        text: '555-0100',
        startMs: t.tokens[7]!.startMs,
        endMs: t.tokens[7]!.endMs,
        confidence: 0.88,
        source: 'comprehend-medical',
        firstToken: 7,
        endToken: 8,
      },
    ]);
  });

  it('takes the whole word for a span over part of it, and leaves out punctuation at the ends', () => {
    const { entities } = entitiesFromOffsets(t, map, [
      span(at(map.text, 'uenn')),
      span(at(map.text, 'Quennick. ')),
      span(at(map.text, '5-01')),
      span(at(map.text, ', please.'), 'PROFESSION'),
    ]);
    expect(ranges(entities)).toEqual([
      [4, 5, 'NAME', 'Quennick'],
      [4, 5, 'NAME', 'Quennick'],
      [7, 8, 'NAME', '555-0100'],
      [9, 10, 'PROFESSION', 'please'],
    ]);
  });

  it('drops spans over only spaces or punctuation, empty spans and spans outside the text, and counts them', () => {
    const period = at(map.text, '. C');
    const { entities, dropped } = entitiesFromOffsets(t, map, [
      span({ begin: period.begin, end: period.begin + 2 }),
      span({ begin: 2, end: 3 }),
      span({ begin: 5, end: 5 }),
      span({ begin: 7, end: 4 }),
      span({ begin: map.text.length, end: map.text.length + 10 }),
    ]);
    expect(entities).toEqual([]);
    expect(dropped).toBe(5);
  });

  it('splits a span over a turn boundary into one entity per turn', () => {
    const two = transcriptOf(['I', 'am', 'Ada', '|Quennick', 'is', 'my', 'name', '.']);
    const m = phiTextOf(two);
    expect(m.text).toBe('I am Ada\nQuennick is my name.');
    const { entities, split } = entitiesFromOffsets(two, m, [span(at(m.text, 'Ada\nQuennick'))]);
    expect(split).toBe(1);
    expect(ranges(entities)).toEqual([
      [2, 3, 'NAME', 'Ada'],
      [3, 4, 'NAME', 'Quennick'],
    ]);
    expect(entities.map((e) => two.tokens[e.firstToken]!.speaker)).toEqual(['spk_0', 'spk_1']);
  });

  it('maps CJK spans without spaces to the right words', () => {
    const cjk = transcriptOf(['我', '叫', '张伟', '。', '住', '在', '北京', '。']);
    const m = phiTextOf(cjk);
    expect(m.text).toBe('我叫张伟。住在北京。');
    const { entities } = entitiesFromOffsets(cjk, m, [
      span(at(m.text, '张伟')),
      span(at(m.text, '京'), 'ADDRESS'),
      span(at(m.text, '伟。住'), 'NAME'),
    ]);
    expect(ranges(entities)).toEqual([
      [2, 5, 'NAME', '张伟。住'],
      [2, 3, 'NAME', '张伟'],
      [6, 7, 'ADDRESS', '北京'],
    ]);
  });

  it('maps code-point offsets after emoji and astral characters once converted', () => {
    const e = transcriptOf(['😀', 'thanks', '𠮷田', 'san', ',', 'Ada', 'Quennick', 'here']);
    const m = phiTextOf(e);
    expect(m.text).toBe('😀 thanks 𠮷田 san, Ada Quennick here');
    // What DetectPHI would answer for "Ada Quennick": code points 17..29 (UTF-16 19..31).
    const cp = { begin: 17, end: 29 };
    const to16 = utf16Offsets(m.text);
    const { entities } = entitiesFromOffsets(e, m, [
      span({ begin: to16(cp.begin), end: to16(cp.end) }),
      span({ begin: to16(9), end: to16(11) }),
    ]);
    expect(ranges(entities)).toEqual([
      [2, 3, 'NAME', '𠮷田'],
      [5, 7, 'NAME', 'Ada Quennick'],
    ]);
    // Unconverted, the same offsets would land two units early.
    expect(m.text.slice(cp.begin, cp.end)).toBe(', Ada Quenni');
  });

  it('never covers an empty token alone', () => {
    const e = transcriptOf(['Ada', '', 'Quennick']);
    const m = phiTextOf(e);
    const { entities, dropped } = entitiesFromOffsets(e, m, [
      span({ begin: 3, end: 3 }),
      span({ begin: 3, end: 4 }),
      span(at(m.text, 'Ada Quennick')),
    ]);
    expect(dropped).toBe(2);
    expect(ranges(entities)).toEqual([[0, 3, 'NAME', 'Ada Quennick']]);
  });
});

describe('mergePhiEntities / addPhiEntities', () => {
  const words = ['Ada', 'Quennick', 'lives', 'at', '12', 'Elm', 'Street', 'since', 'March', 'third', '.'];
  const t0 = transcriptOf(words);
  // Transcribe's own entity: "Quennick" (by time, as Transcribe gives them).
  const transcribed = transcriptOf(words, [
    {
      category: 'PHI',
      type: 'NAME',
      text: 'Quennick',
      startMs: t0.tokens[1]!.startMs,
      endMs: t0.tokens[1]!.endMs,
      confidence: 0.9,
    },
    { category: 'PHI', type: 'DATE', text: 'March third', startMs: 900, endMs: 1080, confidence: 0.8 },
  ]);
  const map = phiTextOf(transcribed);
  const detect = (...spans: PhiSpan[]) => entitiesFromOffsets(transcribed, map, spans).entities;

  it('keeps one entity for the same tokens, drops entities inside others, whatever the type', () => {
    const merge = mergePhiEntities(
      transcribed,
      detect(
        span(at(map.text, 'Quennick')),
        span(at(map.text, 'March third'), 'ADDRESS'),
        span(at(map.text, 'third'), 'DATE'),
      ),
    );
    expect([merge.added, merge.duplicates, merge.merged, merge.trimmed]).toEqual([0, 3, 0, 0]);
    expect(merge.entities).toEqual(transcribed.entities);
  });

  it('merges overlapping entities of the same type into one over the union of their tokens', () => {
    const merge = mergePhiEntities(transcribed, detect(span(at(map.text, 'Ada Quennick'), 'NAME', 0.95)));
    expect([merge.added, merge.duplicates, merge.merged]).toEqual([0, 0, 1]);
    expect(ranges(merge.entities)).toEqual([
      [0, 2, 'NAME', 'Ada Quennick'],
      [8, 10, 'DATE', 'March third'],
    ]);
    // The merged entity keeps Transcribe's category (no source), the higher confidence, and both times.
    expect(merge.entities[0]).toMatchObject({ category: 'PHI', confidence: 0.95, startMs: 100 });
    expect(merge.entities[0]!.source).toBeUndefined();
  });

  it('adds only the uncovered tokens of an entity overlapping one of another type', () => {
    const merge = mergePhiEntities(transcribed, detect(span(at(map.text, 'since March'), 'ADDRESS')));
    expect([merge.added, merge.trimmed, merge.duplicates]).toEqual([0, 1, 0]);
    expect(ranges(merge.entities)).toEqual([
      [1, 2, 'NAME', 'Quennick'],
      [7, 8, 'ADDRESS', 'since'],
      [8, 10, 'DATE', 'March third'],
    ]);
  });

  it('adds new entities sorted by first token, and de-duplicates the same detection twice (chunk overlaps)', () => {
    const found = [
      ...detect(span(at(map.text, '12 Elm Street'), 'ADDRESS', 0.7)),
      ...detect(span(at(map.text, '12 Elm Street'), 'ADDRESS', 0.9), span(at(map.text, 'Elm'), 'ADDRESS')),
    ];
    const merge = mergePhiEntities(transcribed, found);
    expect([merge.added, merge.duplicates]).toEqual([1, 2]);
    expect(ranges(merge.entities)).toEqual([
      [1, 2, 'NAME', 'Quennick'],
      [4, 7, 'ADDRESS', '12 Elm Street'],
      [8, 10, 'DATE', 'March third'],
    ]);
    // The higher-scored of two identical detections is the one kept.
    expect(merge.entities[1]).toMatchObject({ confidence: 0.9, source: 'comprehend-medical' });
  });

  it('passes entities that cover no token through and places them by time', () => {
    const lost: PhiEntity = {
      category: 'PHI',
      type: 'ID',
      text: 'x',
      startMs: 450,
      endMs: 460,
      confidence: null,
      firstToken: -1,
      endToken: -1,
    };
    const t = { ...transcribed, entities: [...transcribed.entities, lost] };
    const merge = mergePhiEntities(t, detect(span(at(map.text, 'Elm Street'), 'ADDRESS')));
    expect(merge.entities.map((e) => e.firstToken)).toEqual([1, -1, 5, 8]);
  });

  it('gives redact() the detected words: one placeholder per entity', () => {
    const added = addPhiEntities(
      t0,
      detect(span(at(map.text, 'Ada Quennick')), span(at(map.text, '12 Elm Street'), 'ADDRESS')),
    );
    const r = redact(added);
    expect(r.tokens.map((tok) => tok.text).join(' ')).toBe(
      '[NAME]  lives at [ADDRESS]   since March third .',
    );
    expect(r.redaction).toEqual({ by: 'scribekit', tokens: 5, entities: 2, placeholders: 2 });
    expect(added.metadata.phiIdentified).toBe(true);
  });
});
