// Invariants every caption cue list must keep, checked by the corpus, property and unit tests.
// Problems name cue and token indices only (never transcript words).
import type { Transcript } from '@scribekit/core';
import { type Cue, captionQuality, type ResolvedCaptionOptions } from '@scribekit/exporters';

/**
 * Returns the broken invariants (empty when all hold):
 * - word conservation: every token with text is in exactly one cue, in order within its stream
 *   (the channel when there are two or more channels, else the whole transcript), and the cue text is
 *   the label plus exactly those tokens' texts;
 * - one speaker and one channel per cue;
 * - integer times, 0 ≤ start < end, starts never decrease, start at the first word (or at the previous
 *   cue's end of its stream), no overlap within a stream, end within the words' bounds plus the allowed
 *   extension or the chained gap;
 * - line-length, line-count and max-duration violations only in single-word cues.
 */
export function captionProblems(
  t: Transcript,
  cues: readonly Cue[],
  o: ResolvedCaptionOptions,
  shown: (i: number) => string = (i) => t.tokens[i]!.text,
): string[] {
  const problems: string[] = [];
  const seen = new Int32Array(t.tokens.length).fill(-1);
  const channels = new Set(t.tokens.map((k) => k.channel).filter((c) => c !== null));
  const streamOf = (c: Cue) => (channels.size >= 2 ? c.channel : null);
  const lastToken = new Map<string | null, number>();
  const lastCue = new Map<string | null, Cue>();
  const offset = o.startOffsetMs;
  cues.forEach((c, k) => {
    const at = `cue ${k}`;
    if (c.tokens.length === 0) problems.push(`${at}: no tokens`);
    const stream = streamOf(c);
    let prevIndex = lastToken.get(stream) ?? -1;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const i of c.tokens) {
      const tok = t.tokens[i]!;
      if (seen[i] !== -1) problems.push(`${at}: token ${i} already in cue ${seen[i]}`);
      seen[i] = k;
      if (i <= prevIndex) problems.push(`${at}: token ${i} after token ${prevIndex} (out of order)`);
      prevIndex = i;
      if (tok.kind === 'word') {
        if (tok.speaker !== c.speaker) problems.push(`${at}: token ${i} of another speaker`);
        if (tok.channel !== c.channel) problems.push(`${at}: token ${i} of another channel`);
        first = Math.min(first, tok.startMs + offset);
        last = Math.max(last, tok.endMs + offset);
      }
    }
    lastToken.set(stream, prevIndex);
    const text = c.tokens.map(shown).join('').replace(/\s+/g, '');
    const lines = c.lines.join('').replace(/\s+/g, '');
    const label = (c.label ?? '').replace(/\s+/g, '');
    if (lines !== label + text) problems.push(`${at}: text differs from label + tokens`);
    if (c.label !== null && !c.lines[0]!.startsWith(c.label)) problems.push(`${at}: label not at the start`);
    if (![c.startMs, c.endMs, c.speechStartMs, c.speechEndMs].every(Number.isInteger))
      problems.push(`${at}: non-integer time`);
    if (c.startMs < 0 || c.endMs <= c.startMs) problems.push(`${at}: bad times ${c.startMs}..${c.endMs}`);
    if (k > 0 && c.startMs < cues[k - 1]!.startMs) problems.push(`${at}: starts before the cue before it`);
    if (first !== Number.POSITIVE_INFINITY && (c.speechStartMs !== first || c.speechEndMs !== last)) {
      problems.push(`${at}: speech times are not its words' bounds`);
    }
    const prev = lastCue.get(stream);
    if (
      c.startMs !== c.speechStartMs &&
      !(prev && c.startMs === prev.endMs && prev.endMs > c.speechStartMs)
    ) {
      problems.push(`${at}: starts neither at its first word nor at the previous cue's end`);
    }
    if (prev && prev.endMs > c.startMs) problems.push(`${at}: overlaps cue before it in its stream`);
    lastCue.set(stream, c);
  });
  // End bounds need the next cue of the same stream.
  const nextOf = new Map<Cue, Cue>();
  const pending = new Map<string | null, Cue>();
  for (const c of cues) {
    const p = pending.get(streamOf(c));
    if (p) nextOf.set(p, c);
    pending.set(streamOf(c), c);
  }
  cues.forEach((c, k) => {
    const next = nextOf.get(c);
    const bound = Math.max(
      c.speechEndMs + o.maxExtendMs,
      c.startMs + o.minDurationMs,
      next ? next.speechStartMs - o.minGapMs : Number.NEGATIVE_INFINITY,
      c.startMs + 1,
    );
    if (c.endMs > bound) problems.push(`cue ${k}: ends ${c.endMs - bound} ms after its allowed end`);
    if (c.endMs - c.startMs > o.maxDurationMs && c.endMs > c.speechEndMs)
      problems.push(`cue ${k}: extended past the max duration`);
  });
  for (let i = 0; i < t.tokens.length; i++) {
    if (seen[i] === -1 && shown(i) !== '') problems.push(`token ${i} is in no cue`);
  }
  for (const v of captionQuality(cues, o).violations) {
    if ((v.rule === 'lineLength' || v.rule === 'lineCount' || v.rule === 'maxDuration') && !v.singleWord) {
      problems.push(`cue ${v.cue}: ${v.rule} ${v.value} > ${v.limit} with more than one word`);
    }
    if (v.rule === 'overlap') problems.push(`cue ${v.cue}: overlap reported`);
  }
  return problems;
}
