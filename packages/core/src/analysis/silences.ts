// Gaps in which nobody says a word, longer than a threshold.
import type { Silence } from './types.js';
import type { WordTable } from './word-table.js';

/** Gaps between timed words (after the latest end so far) strictly longer than `thresholdMs`. */
export function findSilences(table: WordTable, thresholdMs: number): Silence[] {
  const silences: Silence[] = [];
  // NaN until the first timed word: every comparison with it is false.
  let heardTo = Number.NaN;
  for (let w = 0; w < table.count; w++) {
    if (table.timed[w] === 0) continue;
    const start = table.startMs[w]!;
    if (start - heardTo > thresholdMs) {
      silences.push({
        startMs: heardTo,
        endMs: start,
        durationMs: start - heardTo,
        beforeToken: table.index[w]!,
      });
    }
    const end = table.endMs[w]!;
    if (!(end <= heardTo)) heardTo = end;
  }
  return silences;
}
