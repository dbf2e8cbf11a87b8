// Words the service was unsure of: positions and times, and their text only when asked for.
import type { Transcript } from '../model.js';
import type { LowConfidenceToken } from './types.js';

/** Words whose confidence is strictly below `threshold` (words without a score are not listed). */
export function lowConfidenceTokens(
  t: Transcript,
  threshold: number,
  includeText: boolean,
): LowConfidenceToken[] {
  const out: LowConfidenceToken[] = [];
  for (const tok of t.tokens) {
    if (tok.kind !== 'word' || tok.confidence === null || tok.confidence >= threshold) continue;
    out.push({
      index: tok.index,
      startMs: tok.startMs,
      endMs: tok.endMs,
      confidence: tok.confidence,
      speaker: tok.speaker,
      channel: tok.channel,
      ...(includeText ? { text: tok.text } : {}),
    });
  }
  return out;
}
