// Paragraphs for long turns: where a turn (or a speaker-less transcript) is split so no paragraph runs long.
//
// One dynamic programme over the possible paragraph starts chooses the breaks (sentence starts; clause and
// word starts only inside stretches too long without them). A paragraph costs 1 plus a
// small term for its distance from `targetChars`; running past `maxChars` or `maxMs` costs much more, and
// past `hardMaxChars` is impossible (unless a single token is that long). A break after a sentence end is
// free, after a clause mark (`,` `;`) it costs 6 and between two words 10, so the programme breaks
// mid-sentence only when a sentence would otherwise pass `maxChars`; among equal choices it takes the
// longest pause (up to −0.6 for 3 s; a pause is the silence plus the stretch of the word before it, as in
// words.ts `pauseMs`). Without any punctuation (e.g. Japanese output) every break
// is between words and the pauses decide. Lengths are those of `joinTokens` text. O(n · w), with w the
// candidates that fit in `hardMaxChars` (a constant), so linear in the tokens.
import { OptionsError } from '../errors.js';
import type { DictationToken, ParagraphOptions } from './types.js';
import { CLAUSE_END, checkRange, isSentenceEnd, msPerLetter, nonNegative, pauseMs } from './words.js';

/** Defaults of `paragraphBreaks`. */
export const paragraphDefaults = Object.freeze({
  targetChars: 900,
  maxChars: 1200,
  maxMs: 75_000,
  hardMaxChars: 1500,
});

const SENTENCE_BREAK = 0;
const CLAUSE_BREAK = 6;
const WORD_BREAK = 10;
const PAUSE_BONUS = 0.6;
const PAUSE_CAP_MS = 3000;

/**
 * Token indexes in `(first, end)` where a new paragraph starts (the first paragraph starts at `first`);
 * empty when the range fits in one paragraph. Breaks fall only on words with text, so punctuation stays with
 * the word before it and each paragraph starts (and keeps the start time of) a word.
 */
export function paragraphBreaks(
  tokens: readonly DictationToken[],
  first: number,
  end: number,
  options: ParagraphOptions = {},
): number[] {
  checkRange(tokens, first, end);
  const o = resolve(options);
  // Prefix character counts (joinTokens: a space before a token with spaceBefore, except at the start).
  const n = end - first;
  const chars = new Float64Array(n + 1);
  const endMs = new Float64Array(n + 1);
  let firstText = -1;
  let maxEnd = Number.NEGATIVE_INFINITY;
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    const len = t.text === '' ? 0 : t.text.length + (t.spaceBefore ? 1 : 0);
    chars[i - first + 1] = chars[i - first]! + len;
    if (t.text !== '' && firstText < 0) firstText = i;
    if (t.kind === 'word' && t.text !== '') maxEnd = Math.max(maxEnd, t.endMs);
    endMs[i - first + 1] = maxEnd;
  }
  if (firstText < 0) return [];
  const lead = (s: number) => {
    const t = tokens[s === first ? firstText : s]!;
    return t.spaceBefore ? 1 : 0;
  };
  const startMs = (s: number) => tokens[s === first ? firstText : s]!.startMs;
  const length = (s: number, e: number) => chars[e - first]! - chars[s - first]! - lead(s);
  const duration = (s: number, e: number) => Math.max(0, endMs[e - first]! - startMs(s));
  const tooLong = (s: number, e: number) => length(s, e) > o.maxChars || duration(s, e) > o.maxMs;
  if (!tooLong(first, end)) return [];

  // Where a paragraph may start: 3 after a sentence end, 2 after a clause mark, 1 after a word (0: no word).
  const level = new Uint8Array(n);
  let prev: DictationToken | null = null;
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    if (t.text === '') continue;
    if (t.kind === 'word' && i > firstText) {
      level[i - first] =
        prev !== null && isSentenceEnd(prev)
          ? 3
          : prev?.kind === 'punctuation' && CLAUSE_END.test(prev.text)
            ? 2
            : 1;
    }
    prev = t;
  }
  // Candidates: sentence starts; clause starts only between sentence starts too far apart; word starts only
  // between clause starts too far apart. So the programme looks mid-sentence only where it must.
  const starts: number[] = [first];
  const collect = (a: number, b: number, at: number) => {
    let from = a;
    for (let i = a + 1; i < b; i++) {
      if (level[i - first] !== at) continue;
      if (at > 1 && tooLong(from, i)) collect(from, i, at - 1);
      starts.push(i);
      from = i;
    }
    if (at > 1 && tooLong(from, b)) collect(from, b, at - 1);
  };
  collect(first, end, 3);

  const rate = msPerLetter(tokens, first, end);
  /** The last word with text before `s`, or -1. */
  const prevWord = (s: number): number => {
    for (let k = s - 1; k >= first; k--) if (tokens[k]!.kind === 'word' && tokens[k]!.text !== '') return k;
    return -1;
  };
  const breakCost = (s: number): number => {
    const at = level[s - first];
    const base = at === 3 ? SENTENCE_BREAK : at === 2 ? CLAUSE_BREAK : WORD_BREAK;
    const w = prevWord(s);
    const silence = w < 0 ? 0 : pauseMs(tokens[w]!, tokens[s]!, rate);
    return base - (PAUSE_BONUS * Math.min(silence, PAUSE_CAP_MS)) / PAUSE_CAP_MS;
  };
  const paragraphCost = (s: number, e: number): number => {
    const len = length(s, e);
    const ms = duration(s, e);
    const shape = (len - o.targetChars) / o.targetChars;
    let cost = 1 + shape * shape;
    if (len > o.maxChars) cost += 8 + (30 * (len - o.maxChars)) / o.maxChars;
    if (ms > o.maxMs) cost += 4 + (20 * (ms - o.maxMs)) / o.maxMs;
    return cost;
  };

  // best[j]: the cheapest split of [first, starts[j]) (j = starts.length stands for `end`).
  const m = starts.length;
  const best = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(m + 1).fill(-1);
  const at = (j: number) => (j === m ? end : starts[j]!);
  best[0] = 0;
  for (let j = 1; j <= m; j++) {
    const e = at(j);
    const closing = j === m ? 0 : breakCost(e);
    for (let k = j - 1; k >= 0; k--) {
      const s = starts[k]!;
      if (k < j - 1 && length(s, e) > o.hardMaxChars) break;
      const cost = best[k]! + paragraphCost(s, e) + closing;
      if (cost < best[j]!) {
        best[j] = cost;
        from[j] = k;
      }
    }
  }
  const breaks: number[] = [];
  for (let j = from[m]!; j > 0; j = from[j]!) breaks.push(starts[j]!);
  return breaks.reverse();
}

function resolve(options: ParagraphOptions): Required<ParagraphOptions> {
  const d = paragraphDefaults;
  const o = {
    targetChars: nonNegative('targetChars', options.targetChars, d.targetChars),
    maxChars: nonNegative('maxChars', options.maxChars, d.maxChars),
    maxMs: nonNegative('maxMs', options.maxMs, d.maxMs),
    hardMaxChars: nonNegative('hardMaxChars', options.hardMaxChars, d.hardMaxChars),
  };
  if (!(o.targetChars > 0 && o.targetChars <= o.maxChars && o.maxChars <= o.hardMaxChars && o.maxMs > 0)) {
    throw new OptionsError(
      'Paragraph options need 0 < `targetChars` ≤ `maxChars` ≤ `hardMaxChars` and `maxMs` > 0',
    );
  }
  return o;
}
