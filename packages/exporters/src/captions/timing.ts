// On-screen times of one stream's cues: minimum duration, reading-speed extension, gap rules.
import type { CaptionRules } from './options.js';

export interface TimedDraft {
  readonly speechStartMs: number;
  readonly speechEndMs: number;
  /** Characters shown (for the reading-speed extension). */
  readonly chars: number;
}

/**
 * Times the cues of one stream (one channel, or the whole transcript), in order. A cue starts with its
 * first word and ends at its last word, extended up to `maxExtendMs` (or to the minimum duration) for
 * reading speed, never past `maxDurationMs`, and capped at the next cue's start minus `minGapMs`; a gap
 * still shorter than `chainGapMs` is closed to `minGapMs`. Ends are always after starts, and starts never
 * go before the previous cue's end, so cues of one stream never overlap.
 */
export function timeStream(
  drafts: readonly TimedDraft[],
  o: CaptionRules,
): { startMs: number; endMs: number }[] {
  const out: { startMs: number; endMs: number }[] = [];
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < drafts.length; k++) {
    const c = drafts[k]!;
    const next = drafts[k + 1];
    const start = Math.max(c.speechStartMs, prevEnd);
    const speechEnd = Math.max(c.speechEndMs, start);
    const longest = Math.max(start + o.maxDurationMs, speechEnd);
    const wanted = Math.max(start + o.minDurationMs, start + Math.ceil((c.chars * 1000) / o.targetCps));
    const reach = Math.max(speechEnd + o.maxExtendMs, start + o.minDurationMs);
    let end = Math.max(speechEnd, Math.min(wanted, reach, longest));
    if (next) {
      const limit = next.speechStartMs - o.minGapMs;
      if (end > limit) end = limit;
      else if (next.speechStartMs - end < o.chainGapMs) end = Math.max(end, Math.min(limit, longest));
    }
    if (end <= start) end = start + 1;
    out.push({ startMs: start, endMs: end });
    prevEnd = end;
  }
  return out;
}
