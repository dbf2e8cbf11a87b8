import { joinTokens, OptionsError, paragraphBreaks, paragraphDefaults, type Token } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { dictate } from './dictation-tokens.js';

/** Paragraph texts of `tokens` split at `breaks`. */
function paragraphs(
  tokens: readonly Token[],
  breaks: readonly number[],
  first = 0,
  end = tokens.length,
): string[] {
  const bounds = [first, ...breaks, end];
  return bounds.slice(1).map((b, i) => joinTokens(tokens.slice(bounds[i], b)));
}

/** `n` sentences of about 60 characters, numbered so each is distinct. */
const sentences = (n: number, pause = '') =>
  Array.from(
    { length: n },
    (_, i) => `${pause} Sentence number ${i} says that the wound is clean and dry today.`,
  ).join(' ');

describe('paragraphBreaks', () => {
  it('leaves a range that fits alone', () => {
    const tokens = dictate(sentences(10));
    expect(joinTokens(tokens).length).toBeLessThan(paragraphDefaults.maxChars);
    expect(paragraphBreaks(tokens, 0, tokens.length)).toEqual([]);
    expect(paragraphBreaks([], 0, 0)).toEqual([]);
    expect(paragraphBreaks(dictate('∅ ∅'), 0, 2)).toEqual([]);
  });

  it('splits a long turn at sentence starts into paragraphs of at most maxChars, balanced', () => {
    const tokens = dictate(sentences(60));
    const breaks = paragraphBreaks(tokens, 0, tokens.length);
    const texts = paragraphs(tokens, breaks);
    expect(texts.join(' ')).toBe(joinTokens(tokens));
    for (const b of breaks) {
      expect(tokens[b]!.kind).toBe('word');
      expect(tokens[b - 1]!.text).toBe('.');
    }
    const lengths = texts.map((t) => t.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(paragraphDefaults.maxChars);
    expect(Math.min(...lengths)).toBeGreaterThan(paragraphDefaults.targetChars / 2);
  });

  it('prefers the sentence end with the longest pause among similar choices', () => {
    const plain = dictate(sentences(30));
    const at = paragraphBreaks(plain, 0, plain.length);
    expect(at.length).toBe(1);
    // Put a long pause before a sentence a few sentences away from the balanced break.
    const sentenceStarts = plain.flatMap((t, i) => (t.text === 'Sentence' ? [i] : []));
    const k = sentenceStarts.indexOf(at[0]!);
    const text = Array.from(
      { length: 30 },
      (_, i) =>
        `${i === k + 3 ? '/2500/' : ''} Sentence number ${i} says that the wound is clean and dry today.`,
    ).join(' ');
    const paused = dictate(text);
    expect(paragraphBreaks(paused, 0, paused.length)).toEqual([sentenceStarts[k + 3]]);
  });

  it('breaks inside an overlong sentence at clause marks, and without punctuation at the longest pauses', () => {
    const clauses = Array.from({ length: 60 }, (_, i) => `clause ${i} of a very long sentence,`).join(' ');
    const long = dictate(`${clauses} end.`);
    const texts = paragraphs(long, paragraphBreaks(long, 0, long.length));
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(paragraphDefaults.maxChars);
    for (const t of texts.slice(0, -1)) expect(t.endsWith(',')).toBe(true);

    // No punctuation at all (as in the Japanese output): unspaced tokens, breaks at the pauses.
    const words = Array.from({ length: 900 }, (_, i) => `${i % 150 === 149 ? '/3000/' : ''} 言葉`).join(' ');
    const unspaced = dictate(words).map((t) => ({ ...t, spaceBefore: false }));
    const breaks = paragraphBreaks(unspaced, 0, unspaced.length);
    const pieces = paragraphs(unspaced, breaks);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(paragraphDefaults.maxChars);
    for (const b of breaks)
      expect(unspaced[b]!.startMs - unspaced[b - 1]!.endMs).toBeGreaterThanOrEqual(3000);
  });

  it('keeps paragraphs under maxMs of speech when sentence ends allow', () => {
    // Slow speech: few characters, long words.
    const slow = dictate(sentences(8, '/4000/'));
    const breaks = paragraphBreaks(slow, 0, slow.length, { maxMs: 30_000 });
    expect(breaks.length).toBeGreaterThan(0);
    const bounds = [0, ...breaks, slow.length];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const first = slow[bounds[i]!]!;
      const last = slow[bounds[i + 1]! - 2]!; // the word before the final period
      expect(last.endMs - first.startMs).toBeLessThanOrEqual(30_000);
    }
  });

  it('never passes hardMaxChars except for a single longer token', () => {
    const giant = dictate(`Short start. ${'x'.repeat(2000)} short end.`);
    const texts = paragraphs(giant, paragraphBreaks(giant, 0, giant.length));
    expect(texts.some((t) => t.includes('x'.repeat(2000)))).toBe(true);
    for (const t of texts) expect(t.length <= paragraphDefaults.hardMaxChars || /x{2000}/.test(t)).toBe(true);
  });

  it('works on a sub-range and counts characters as joinTokens does', () => {
    const tokens = dictate(`Intro. ${sentences(40)} Outro.`);
    const first = 2;
    const end = tokens.length - 2;
    const breaks = paragraphBreaks(tokens, first, end, { maxChars: 700, targetChars: 500 });
    for (const b of breaks) expect(b > first && b < end).toBe(true);
    for (const t of paragraphs(tokens, breaks, first, end)) expect(t.length).toBeLessThanOrEqual(700);
  });

  it('rejects inconsistent options', () => {
    const tokens = dictate('One. Two.');
    expect(() => paragraphBreaks(tokens, 0, tokens.length, { maxChars: 100, targetChars: 200 })).toThrow(
      OptionsError,
    );
    expect(() => paragraphBreaks(tokens, 0, tokens.length, { hardMaxChars: 10 })).toThrow(OptionsError);
    expect(() => paragraphBreaks(tokens, 0, tokens.length, { maxMs: 0 })).toThrow(OptionsError);
    expect(() => paragraphBreaks(tokens, 0, tokens.length, { maxChars: Number.NaN })).toThrow(OptionsError);
    expect(() => paragraphBreaks(tokens, 1, 0)).toThrow(OptionsError);
  });
});
