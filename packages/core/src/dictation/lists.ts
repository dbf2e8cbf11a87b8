// Spoken numbered lists in a section body: "one, recurrent bunion deformity. two, hallux valgus …".
//
// A marker is `one`…`twenty`, `1`…`99`, or `number` followed by one of them, that
// - starts a sentence (the range start or after `.` `?` `!`), or, for the next number of an open list, follows
//   a comma ("one, hypertension, two, diabetes");
// - is followed by punctuation, the range end, a capitalised word, or a pause of at least `pauseMs` (silence
//   plus the marker word's stretch, as for headings) before a word that does not continue the sentence
//   ("two units were given" is speech);
// - is 1 (a list starts) or the next number of the open list; any other number is speech.
import type { DictationToken, ListOptions, NumberedItem } from './types.js';
import {
  afterPunctuation,
  CLAUSE_END,
  CONTINUATION,
  checkRange,
  isCapitalised,
  isSentenceEnd,
  nextToken,
  nonNegative,
  numberValue,
  pauseMs as pauseBetween,
  prevToken,
  rateReader,
  wordReader,
} from './words.js';

/** Defaults of `numberedItems`. */
export const listDefaults = Object.freeze({ pauseMs: 300 });

/**
 * The numbered items of a section body `tokens[first, end)`. Each item runs from its marker to the next
 * item's marker (or the range end); the marker tokens are to be written as the item's number.
 */
export function numberedItems(
  tokens: readonly DictationToken[],
  first: number,
  end: number,
  options: ListOptions = {},
): NumberedItem[] {
  checkRange(tokens, first, end);
  const pauseMs = nonNegative('pauseMs', options.pauseMs, listDefaults.pauseMs);
  const word = wordReader(tokens, first, end);
  const rate = rateReader(tokens, first, end);
  const markers: { ordinal: number; markerStart: number; markerEnd: number }[] = [];
  let expected = 1;
  for (let i = first; i < end; i++) {
    if (tokens[i]!.kind !== 'word' || tokens[i]!.text === '') continue;
    const p = prevToken(tokens, i, first);
    const prev = p < 0 ? null : tokens[p]!;
    const atStart = prev === null || isSentenceEnd(prev);
    const afterComma = prev !== null && prev.kind === 'punctuation' && CLAUSE_END.test(prev.text);
    if (!atStart && !afterComma) continue;
    // The number said, and its last word.
    let last = i;
    let value = numberValue(word(i));
    if (word(i) === 'number') {
      const k = nextToken(tokens, i, end);
      if (k >= 0 && tokens[k]!.kind === 'word') {
        value = numberValue(word(k));
        last = k;
      }
    }
    if (value === null || (value !== 1 && value !== expected)) continue;
    if (!atStart && !(value === expected && value > 1)) continue;
    const markerEnd = endOfMarker(tokens, last, end, (a, b) => pauseBetween(a, b, rate()) >= pauseMs, word);
    if (markerEnd < 0) continue;
    expected = value + 1;
    markers.push({ ordinal: value, markerStart: i, markerEnd });
    i = markerEnd - 1;
  }
  return markers.map((m, n) => ({ ...m, end: markers[n + 1]?.markerStart ?? end }));
}

/** One past the marker ending at word `last` (with its punctuation), or -1 when it is not a marker. */
function endOfMarker(
  tokens: readonly DictationToken[],
  last: number,
  end: number,
  paused: (a: DictationToken, b: DictationToken) => boolean,
  word: (i: number) => string,
): number {
  const k = nextToken(tokens, last, end);
  if (k < 0) return end;
  const next = tokens[k]!;
  if (next.kind === 'punctuation') return afterPunctuation(tokens, k, end);
  if (isCapitalised(next.text)) return k;
  if (paused(tokens[last]!, next) && !CONTINUATION.has(word(k))) return k;
  return -1;
}
