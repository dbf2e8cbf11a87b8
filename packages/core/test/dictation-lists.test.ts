import { listDefaults, numberedItems, OptionsError } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { dictate, span } from './dictation-tokens.js';

/** The items as `ordinal: marker | content`. */
function items(text: string): string[] {
  const tokens = dictate(text);
  return numberedItems(tokens, 0, tokens.length).map(
    (i) => `${i.ordinal}: ${span(tokens, i.markerStart, i.markerEnd)} | ${span(tokens, i.markerEnd, i.end)}`,
  );
}

describe('numberedItems', () => {
  it('finds spoken numbers at sentence starts, in sequence, with their punctuation', () => {
    expect(items('one, recurrent bunion deformity. Two, hallux valgus. Three. Hammertoe.')).toEqual([
      '1: one , | recurrent bunion deformity .',
      '2: Two , | hallux valgus .',
      '3: Three . | Hammertoe .',
    ]);
  });

  it('reads `number one`, digits and a mix of forms', () => {
    expect(items('Number one, asthma. number 2, eczema. 3. Rhinitis.')).toEqual([
      '1: Number one , | asthma .',
      '2: number 2 , | eczema .',
      '3: 3 . | Rhinitis .',
    ]);
    expect(items('1. Asthma. 2. Eczema. 11. Nothing.').length).toBe(2);
  });

  it('takes a pause or a capitalised word as the marker punctuation', () => {
    expect(items('one /700/ hypertension. two /700/ diabetes.')).toEqual([
      '1: one | hypertension .',
      '2: two | diabetes .',
    ]);
    expect(items('one Hypertension.')).toEqual(['1: one | Hypertension .']);
    expect(items('one+700 hypertension.')).toEqual(['1: one | hypertension .']);
  });

  it('continues an open list after a comma', () => {
    expect(items('one, hypertension, two, diabetes, three, obesity.')).toEqual([
      '1: one , | hypertension ,',
      '2: two , | diabetes ,',
      '3: three , | obesity .',
    ]);
  });

  it('leaves numbers in sentences alone', () => {
    expect(items('Two units of blood were given.')).toEqual([]);
    expect(items('One of the sutures broke.')).toEqual([]);
    expect(items('one /700/ of the sutures broke.')).toEqual([]);
    expect(items('She had two, maybe three, episodes.')).toEqual([]);
    expect(items('Two, the wound is clean.')).toEqual([]);
  });

  it('starts a list at one and restarts it at one; other numbers out of sequence are speech', () => {
    expect(items('one, a. three, b. two, c.').map((s) => s.slice(0, 2))).toEqual(['1:', '2:']);
    expect(items('one, a. two, b. one, c. two, d.').map((s) => s.slice(0, 1))).toEqual(['1', '2', '1', '2']);
  });

  it('covers the range: each item ends where the next marker starts', () => {
    const tokens = dictate('Plan. one, rest. two, fluids. Follow up in a week.');
    const body = tokens.findIndex((t) => t.text === 'one');
    const found = numberedItems(tokens, body, tokens.length);
    expect(found.map((i) => i.ordinal)).toEqual([1, 2]);
    expect(found[0]!.markerStart).toBe(body);
    expect(found[0]!.end).toBe(found[1]!.markerStart);
    expect(found[1]!.end).toBe(tokens.length);
  });

  it('handles empty ranges, empty tokens and a marker at the very end', () => {
    expect(numberedItems([], 0, 0)).toEqual([]);
    const tokens = dictate('∅ one, ∅ rest. two');
    expect(
      numberedItems(tokens, 0, tokens.length).map((i) => [i.ordinal, i.markerStart, i.markerEnd]),
    ).toEqual([
      [1, 1, 4],
      [2, tokens.length - 1, tokens.length],
    ]);
    expect(() => numberedItems(tokens, -1, 2)).toThrow(OptionsError);
    expect(listDefaults.pauseMs).toBe(300);
  });
});
