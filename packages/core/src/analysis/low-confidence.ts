// Words the service was unsure of: positions and times, and their text only when asked for.
import type { Transcript } from '../model.js';
import type { LowConfidenceToken } from './types.js';
import type { WordTable } from './word-table.js';

/** Words whose confidence is strictly below `threshold` (words without a score are not listed). */
export function lowConfidenceTokens(
  t: Transcript,
  table: WordTable,
  threshold: number,
  includeText: boolean,
): LowConfidenceToken[] {
  const out: LowConfidenceToken[] = [];
  for (let w = 0; w < table.count; w++) {
    const c = table.confidence[w]!;
    if (!(c < threshold)) continue; // also skips NaN (no score)
    const tok = t.tokens[table.index[w]!]!;
    out.push({
      index: tok.index,
      startMs: tok.startMs,
      endMs: tok.endMs,
      confidence: c,
      speaker: tok.speaker,
      channel: tok.channel,
      ...(includeText ? { text: tok.text } : {}),
    });
  }
  return out;
}
