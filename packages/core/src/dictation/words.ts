// Token helpers shared by the dictation algorithms: normalised words, sentence ends, pauses, spoken numbers.
import { OptionsError } from '../errors.js';
import type { DictationToken } from './types.js';

/** Punctuation that ends a sentence (Transcribe writes `.` `?`; other sources may add `!`, `…`, CJK marks). */
export const SENTENCE_END = /^[.?!…。？！]+$/u;
/** Punctuation inside a sentence. */
export const CLAUSE_END = /^[,;:、，；：]+$/u;

/** Lower case, `&` → `and`, everything but letters and digits removed: `Pre-op` → `preop`, `A&P` → `aandp`. */
export function normalizeWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The normalised text of word `i` in `[first, end)` ('' for punctuation, empty words and indexes outside),
 * computed on first use and kept.
 */
export function wordReader(
  tokens: readonly DictationToken[],
  first: number,
  end: number,
): (i: number) => string {
  const cache = new Array<string | undefined>(end - first);
  return (i) => {
    if (i < first || i >= end) return '';
    let w = cache[i - first];
    if (w === undefined) {
      const t = tokens[i]!;
      w = t.kind === 'word' && t.text !== '' ? normalizeWord(t.text) : '';
      cache[i - first] = w;
    }
    return w;
  };
}

/** `msPerLetter` of the range, measured on first use. */
export function rateReader(tokens: readonly DictationToken[], first: number, end: number): () => number {
  let rate: number | undefined;
  return () => {
    rate ??= msPerLetter(tokens, first, end);
    return rate;
  };
}

/** Throws an `OptionsError` unless `[first, end)` is a valid range of `tokens`. */
export function checkRange(tokens: readonly unknown[], first: number, end: number): void {
  if (!Number.isInteger(first) || !Number.isInteger(end) || first < 0 || end > tokens.length || first > end) {
    throw new OptionsError(`Token range [${first}, ${end}) is not inside 0..${tokens.length}`);
  }
}

/** Throws an `OptionsError` unless `value` is a finite number ≥ 0 (or undefined, which gives `fallback`). */
export function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new OptionsError(`\`${name}\` must be a number ≥ 0`);
  }
  return value;
}

/** Index of the nearest token before `i` (not before `first`) with text, or -1. */
export function prevToken(tokens: readonly DictationToken[], i: number, first: number): number {
  for (let k = i - 1; k >= first; k--) if (tokens[k]!.text !== '') return k;
  return -1;
}

/** Index of the nearest token after `i` (before `end`) with text, or -1. */
export function nextToken(tokens: readonly DictationToken[], i: number, end: number): number {
  for (let k = i + 1; k < end; k++) if (tokens[k]!.text !== '') return k;
  return -1;
}

/** One past the run of punctuation (and empty tokens) that starts at `i`. */
export function afterPunctuation(tokens: readonly DictationToken[], i: number, end: number): number {
  let k = i;
  while (k < end && (tokens[k]!.kind === 'punctuation' || tokens[k]!.text === '')) k++;
  return k;
}

/** Whether the token is punctuation that ends a sentence. */
export function isSentenceEnd(t: DictationToken): boolean {
  return t.kind === 'punctuation' && SENTENCE_END.test(t.text);
}

/** Whether the word is written with a capital first letter (Transcribe capitalises sentence starts). */
export function isCapitalised(text: string): boolean {
  return text !== 'I' && /^\p{Lu}/u.test(text);
}

/** Silence between word `a` and the later word `b` (ms, never negative). */
export function gapMs(a: DictationToken, b: DictationToken): number {
  return Math.max(0, b.startMs - a.endMs);
}

/** Typical ms per letter of the range's words when it has too few words to measure (real Transcribe: 50–75). */
const DEFAULT_MS_PER_LETTER = 60;

/**
 * The median duration per letter of the words in `[first, end)`: how fast this speaker talks, as timed.
 * O(n log n) (a sort of the rates).
 */
export function msPerLetter(tokens: readonly DictationToken[], first: number, end: number): number {
  const rates: number[] = [];
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    const letters = t.kind === 'word' ? t.text.replace(/[^\p{L}\p{N}]/gu, '').length : 0;
    if (letters >= 2 && t.endMs > t.startMs) rates.push((t.endMs - t.startMs) / letters);
  }
  if (rates.length < 20) return DEFAULT_MS_PER_LETTER;
  rates.sort((a, b) => a - b);
  return rates[rates.length >> 1]!;
}

/** How much longer than its letters need a word may last before the excess counts as pause (ms). */
const STRETCH_ALLOWANCE_MS = 100;

/**
 * The pause between word `a` and the later word `b`: the silence between them plus what `a` lasts beyond
 * its letters at the speaker's pace (`rate` ms per letter) and a 100 ms allowance. Transcribe often
 * stretches a word's end time over the pause after it: on the real corpus the gap after a word is usually
 * 0–10 ms even before `.`, while words before `.` or `,` last a median ~120 ms longer than their letters
 * need (inner words: median 0, 90th percentile 160–250 ms). With the 100 ms allowance, 2.5–11% of the real
 * corpus' inner word boundaries reach 300 ms and 19–37% of those before `.`/`,`; bench/results/dictation.md
 * has the figures behind the choice.
 */
export function pauseMs(a: DictationToken, b: DictationToken, rate: number): number {
  const letters = a.text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const stretch = Math.max(0, a.endMs - a.startMs - rate * Math.max(1, letters) - STRETCH_ALLOWANCE_MS);
  return gapMs(a, b) + stretch;
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((w, i) => [w, i + 1]),
);

/** A spoken list number: `one`…`twenty` or `1`…`99` (normalised word), else null. */
export function numberValue(word: string): number | null {
  if (/^[1-9]\d?$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word) ?? null;
}

/**
 * Words that continue a sentence when they follow a heading-like word after a pause: "history … is",
 * "plan … was", "history … of". After them the heading-like word is the sentence's subject, not a heading.
 * (Prepositions and other verbs are not here: typed notes start bodies with them — "Plan: As above.",
 * "Findings: Revealed …", "Past medical history: Has …".)
 */
export const CONTINUATION: ReadonlySet<string> = new Set([
  'is',
  'was',
  'were',
  'are',
  'am',
  'be',
  'been',
  'being',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'does',
  'did',
  'do',
  'of',
  'and',
  'or',
  'nor',
]);

/**
 * Words that open a clause: after a heading-like phrase at a sentence start they show that the phrase was
 * a heading even without punctuation or an audible pause ("history the patient is …", "allergies none",
 * "exam he is alert"), because the phrase cannot be their sentence's subject. "a"/"an" are not here
 * ("plan a follow-up" may be a verb phrase).
 */
export const BODY_OPENERS: ReadonlySet<string> = new Set([
  'the',
  'this',
  'he',
  'she',
  'they',
  'his',
  'her',
  'their',
  'patient',
  'none',
  'no',
  'negative',
  'noncontributory',
  'unremarkable',
  'denies',
  'there',
]);
