// Word confidence: mean, minimum, a histogram over 0..1, and the words without a score.
import type { Transcript } from '../model.js';
import type { Analysis, HistogramBin } from './types.js';

/** Bins are `[from, to)` of equal width; the last one includes 1. */
export function confidenceSummary(t: Transcript, bins: number): Analysis['confidence'] {
  const counts = new Array<number>(bins).fill(0);
  let sum = 0;
  let scored = 0;
  let unscored = 0;
  let min: number | null = null;
  for (const tok of t.tokens) {
    if (tok.kind !== 'word') continue;
    const c = tok.confidence;
    if (c === null) {
      unscored++;
      continue;
    }
    sum += c;
    scored++;
    if (min === null || c < min) min = c;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(c * bins)));
    counts[bin]!++;
  }
  const histogram: HistogramBin[] = counts.map((count, i) => ({
    from: round(i / bins),
    to: round((i + 1) / bins),
    count,
  }));
  return { mean: scored > 0 ? sum / scored : null, min, histogram, unscored };
}

/** Bin edges such as 0.30000000000000004 are shown as 0.3. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
