// Stretches in which two speakers (or channels) talk at once.
import { compareLabels } from '../build.js';
import type { Transcript } from '../model.js';
import { type ParticipantKind, participantOf } from './participant.js';
import type { Overlap } from './types.js';

interface Span {
  readonly who: string;
  readonly startMs: number;
  endMs: number;
}

/**
 * Overlaps between speakers when the transcript has two or more, else between channels.
 * Each participant's words are first merged into spans of continuous talk; every pair of spans by
 * different participants that intersect gives an overlap (touching pieces of one pair are joined).
 * Sorted by start. Runs in O(n·p) for n words and p participants.
 */
export function findOverlaps(t: Transcript): Overlap[] {
  const by: ParticipantKind | null =
    t.speakers.length > 1 ? 'speaker' : t.channels.length > 1 ? 'channel' : null;
  if (by === null) return [];
  const spans = talkSpans(t, by);
  const overlaps: Overlap[] = [];
  const lastOfPair = new Map<string, number>();
  // Spans arrive sorted by start; those of one participant are disjoint, so few are active at once.
  let active: Span[] = [];
  for (const span of spans) {
    active = active.filter((a) => a.endMs > span.startMs);
    for (const other of active) {
      if (other.who === span.who) continue;
      const startMs = span.startMs;
      const endMs = Math.min(span.endMs, other.endMs);
      if (endMs <= startMs) continue;
      const [a, b] = compareLabels(other.who, span.who) <= 0 ? [other.who, span.who] : [span.who, other.who];
      const key = `${a}\u0000${b}`;
      const at = lastOfPair.get(key);
      const prev = at === undefined ? undefined : overlaps[at];
      if (prev && startMs <= prev.endMs) {
        const end = Math.max(prev.endMs, endMs);
        overlaps[at!] = { ...prev, endMs: end, durationMs: end - prev.startMs };
      } else {
        lastOfPair.set(key, overlaps.length);
        overlaps.push({ a, b, startMs, endMs, durationMs: endMs - startMs });
      }
    }
    active.push(span);
  }
  return overlaps.sort((x, y) => x.startMs - y.startMs || compareLabels(x.a, y.a) || compareLabels(x.b, y.b));
}

/** Each participant's continuous talk: its timed words merged where they touch or overlap. */
function talkSpans(t: Transcript, by: ParticipantKind): Span[] {
  const spans: Span[] = [];
  const open = new Map<string, Span>();
  for (const tok of t.tokens) {
    if (tok.kind !== 'word' || !tok.timed || tok.endMs <= tok.startMs) continue;
    const who = participantOf(tok, by);
    if (who === null) continue;
    const current = open.get(who);
    if (current && tok.startMs <= current.endMs) {
      if (tok.endMs > current.endMs) current.endMs = tok.endMs;
    } else {
      const span = { who, startMs: tok.startMs, endMs: tok.endMs };
      open.set(who, span);
      spans.push(span);
    }
  }
  return spans;
}
