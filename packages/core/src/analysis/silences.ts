// Gaps in which nobody says a word, longer than a threshold.
import type { Transcript } from '../model.js';
import type { Silence } from './types.js';

/** Gaps between timed words (after the latest end so far) strictly longer than `thresholdMs`. */
export function findSilences(t: Transcript, thresholdMs: number): Silence[] {
  const silences: Silence[] = [];
  let heardTo: number | null = null;
  for (const tok of t.tokens) {
    if (tok.kind !== 'word' || !tok.timed) continue;
    if (heardTo !== null && tok.startMs - heardTo > thresholdMs) {
      silences.push({
        startMs: heardTo,
        endMs: tok.startMs,
        durationMs: tok.startMs - heardTo,
        beforeToken: tok.index,
      });
    }
    if (heardTo === null || tok.endMs > heardTo) heardTo = tok.endMs;
  }
  return silences;
}
