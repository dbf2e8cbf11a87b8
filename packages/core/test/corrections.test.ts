import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  analyze,
  applyCorrections,
  CORRECTIONS_FORMAT,
  CORRECTIONS_VERSION,
  CorrectionsError,
  contentHash,
  parseTranscript,
  sha256Hex,
  type Transcript,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';

const example = (): Transcript =>
  parseTranscript(readFileSync(new URL('../../../examples/conversation.json', import.meta.url)));

const wordIndexes = (t: Transcript) => t.tokens.filter((k) => k.kind === 'word').map((k) => k.index);

function corrections(t: Transcript, extra: Record<string, unknown> = {}) {
  const [a, b] = wordIndexes(t);
  return {
    format: CORRECTIONS_FORMAT,
    version: CORRECTIONS_VERSION,
    contentHash: contentHash(t),
    tokens: t.tokens.length,
    words: [
      { index: a!, original: t.tokens[a!]!.text, text: 'Corrected' },
      { index: b!, original: t.tokens[b!]!.text, text: 'twice over' },
    ],
    speakers: { [t.speakers[0]!.id]: 'Dr. Reviewer' },
    reviewed: true,
    reviewer: 'Q. Reviewer',
    savedAt: '2026-01-02T03:04:05.000Z',
    ...extra,
  };
}

const thrown = (f: () => unknown): CorrectionsError => {
  try {
    f();
  } catch (error) {
    if (error instanceof CorrectionsError) return error;
    throw error;
  }
  throw new Error('expected a CorrectionsError');
};

describe('sha256Hex', () => {
  it('matches node:crypto on empty, ASCII, multi-block and non-ASCII text', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000), 'Grüße – 東京 😀']) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('contentHash', () => {
  it('changes with a word, a time or a speaker, and not with labels or the summary', () => {
    const t = example();
    const h = contentHash(t);
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tok = t.tokens[0]!;
    const retoken = (patch: object) => ({ ...t, tokens: [{ ...tok, ...patch }, ...t.tokens.slice(1)] });
    expect(contentHash(retoken({ text: `${tok.text}x` }))).not.toBe(h);
    expect(contentHash(retoken({ startMs: tok.startMs + 1 }))).not.toBe(h);
    expect(contentHash(retoken({ speaker: 'spk_9' }))).not.toBe(h);
    expect(contentHash({ ...t, speakers: t.speakers.map((s) => ({ ...s, label: 'Other' })) })).toBe(h);
  });
});

describe('applyCorrections', () => {
  it('replaces the words (times kept), renames the speaker and records the review', () => {
    const t = example();
    const c = corrections(t);
    const out = applyCorrections(t, c);
    const [a, b] = wordIndexes(t);
    expect(out.tokens[a!]).toMatchObject({
      text: 'Corrected',
      startMs: t.tokens[a!]!.startMs,
      endMs: t.tokens[a!]!.endMs,
      confidence: 1,
      corrected: true,
    });
    expect(out.tokens[b!]!.text).toBe('twice over');
    expect(out.tokens.filter((k) => k.corrected)).toHaveLength(2);
    expect(out.tokens.length).toBe(t.tokens.length);
    expect(out.speakers[0]!.label).toBe('Dr. Reviewer');
    expect(out.review).toEqual({
      corrected: 2,
      renamed: 1,
      reviewed: true,
      reviewer: 'Q. Reviewer',
      at: '2026-01-02T03:04:05.000Z',
    });
    // The input is not changed.
    expect(t.tokens[a!]!.corrected).toBeUndefined();
    expect(analyze(out).words).toBe(analyze(t).words);
  });

  it('an edit that keeps the text counts as no correction', () => {
    const t = example();
    const a = wordIndexes(t)[0]!;
    const c = corrections(t, { words: [{ index: a, original: t.tokens[a]!.text, text: t.tokens[a]!.text }] });
    expect(applyCorrections(t, c).review?.corrected).toBe(0);
  });

  it('refuses a file made for another transcript, naming no words', () => {
    const t = example();
    const other = { ...t, tokens: [{ ...t.tokens[0]!, text: 'Zebraword' }, ...t.tokens.slice(1)] };
    const e = thrown(() => applyCorrections(other, corrections(t), { file: 'visit.json' }));
    expect(e.code).toBe('E_CORRECTIONS');
    expect(e.problem).toBe('hash');
    expect(e.message).toMatch(/^visit\.json: .*another transcript/);
    expect(e.message).not.toContain('Zebraword');
    const shorter = thrown(() => applyCorrections({ ...t, tokens: t.tokens.slice(1) }, corrections(t)));
    expect(shorter.message).toContain(`${t.tokens.length} tokens, this one has ${t.tokens.length - 1}`);
  });

  it('refuses a stale original, naming the token index and not the words', () => {
    const t = example();
    const c = corrections(t);
    const a = c.words[1]!.index;
    c.words[1] = { index: a, original: 'something else', text: 'x' };
    const e = thrown(() => applyCorrections(t, c));
    expect(e.problem).toBe('stale');
    expect(e.token).toBe(a);
    expect(e.message).toContain(`token ${a}`);
    expect(e.message).not.toContain('something else');
    expect(e.message).not.toContain(t.tokens[a]!.text);
  });

  it('refuses out-of-range indexes, punctuation, duplicates and unknown speakers', () => {
    const t = example();
    const punct = t.tokens.find((k) => k.kind === 'punctuation')!;
    const a = wordIndexes(t)[0]!;
    const cases: [unknown, string, number | undefined][] = [
      [
        corrections(t, { words: [{ index: t.tokens.length, original: 'x', text: 'y' }] }),
        'index',
        t.tokens.length,
      ],
      [
        corrections(t, { words: [{ index: punct.index, original: punct.text, text: ';' }] }),
        'kind',
        punct.index,
      ],
      [
        corrections(t, {
          words: [
            { index: a, original: t.tokens[a]!.text, text: 'y' },
            { index: a, original: t.tokens[a]!.text, text: 'z' },
          ],
        }),
        'duplicate',
        a,
      ],
      [corrections(t, { speakers: { spk_77: 'Someone' } }), 'speaker', undefined],
    ];
    for (const [c, problem, token] of cases) {
      const e = thrown(() => applyCorrections(t, c));
      expect(e.problem).toBe(problem);
      expect(e.token).toBe(token);
      expect(e.message).not.toContain('Someone');
    }
  });

  it('refuses what is not a corrections file', () => {
    const t = example();
    for (const bad of [
      null,
      [],
      {},
      corrections(t, { version: 2 }),
      corrections(t, { words: [{ index: -1 }] }),
    ]) {
      expect(thrown(() => applyCorrections(t, bad)).problem).toBe('invalid');
    }
  });
});
