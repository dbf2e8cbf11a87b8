// Word confidence: mean, minimum, a histogram over 0..1, and the words without a score.
import type { Analysis, HistogramBin } from './types.js';
import type { WordTable } from './word-table.js';

/** Bins are `[from, to)` of equal width; the last one includes 1. */
export function confidenceSummary(table: WordTable, bins: number): Analysis['confidence'] {
  const counts = new Array<number>(bins).fill(0);
  let sum = 0;
  let scored = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let w = 0; w < table.count; w++) {
    const c = table.confidence[w]!;
    if (Number.isNaN(c)) continue; // no score
    sum += c;
    scored++;
    if (c < min) min = c;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(c * bins)));
    counts[bin]!++;
  }
  const histogram: HistogramBin[] = counts.map((count, i) => ({
    from: round(i / bins),
    to: round((i + 1) / bins),
    count,
  }));
  return {
    mean: scored > 0 ? sum / scored : null,
    min: scored > 0 ? min : null,
    histogram,
    unscored: table.count - scored,
  };
}

/** Bin edges such as 0.30000000000000004 are shown as 0.3. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
