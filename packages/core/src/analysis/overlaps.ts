// Stretches in which two speakers (or channels) talk at once.
import { compareLabels } from '../build.js';
import type { Transcript } from '../model.js';
import type { Overlap } from './types.js';
import type { WordTable } from './word-table.js';

interface Span {
  readonly who: number;
  readonly startMs: number;
  endMs: number;
}

/**
 * Overlaps between speakers when the transcript has two or more, else between channels.
 * Each participant's timed words are first merged into spans of continuous talk; every pair of spans
 * by different participants that intersect gives an overlap (touching pieces of one pair are joined).
 * Sorted by start. Runs in O(n·p) for n words and p participants, without per-word allocation.
 */
export function findOverlaps(t: Transcript, table: WordTable): Overlap[] {
  const bySpeaker = t.speakers.length > 1;
  if (!bySpeaker && t.channels.length < 2) return [];
  const ids = (bySpeaker ? t.speakers : t.channels).map((p) => p.id);
  const spans = talkSpans(table, bySpeaker ? table.speaker : table.channel, ids.length);
  const overlaps: Overlap[] = [];
  const lastOfPair = new Map<number, number>();
  // Spans arrive sorted by start, and one participant's spans are disjoint: only the latest span of
  // each other participant can still be open when a span starts.
  const latest: (Span | undefined)[] = new Array(ids.length);
  for (const span of spans) {
    for (let q = 0; q < latest.length; q++) {
      const other = latest[q];
      if (q === span.who || !other || other.endMs <= span.startMs) continue;
      const startMs = span.startMs;
      const endMs = Math.min(span.endMs, other.endMs);
      const [a, b] = compareLabels(ids[q]!, ids[span.who]!) <= 0 ? [q, span.who] : [span.who, q];
      const key = a * ids.length + b;
      const at = lastOfPair.get(key);
      const prev = at === undefined ? undefined : overlaps[at];
      if (at !== undefined && prev && startMs <= prev.endMs) {
        const end = Math.max(prev.endMs, endMs);
        overlaps[at] = { ...prev, endMs: end, durationMs: end - prev.startMs };
      } else {
        lastOfPair.set(key, overlaps.length);
        overlaps.push({ a: ids[a]!, b: ids[b]!, startMs, endMs, durationMs: endMs - startMs });
      }
    }
    latest[span.who] = span;
  }
  return overlaps.sort((x, y) => x.startMs - y.startMs || compareLabels(x.a, y.a) || compareLabels(x.b, y.b));
}

/** Each participant's continuous talk: its timed words merged where they touch or overlap. */
function talkSpans(table: WordTable, who: Int32Array, participants: number): Span[] {
  const spans: Span[] = [];
  const open: (Span | undefined)[] = new Array(participants);
  for (let w = 0; w < table.count; w++) {
    const p = who[w]!;
    const start = table.startMs[w]!;
    const end = table.endMs[w]!;
    if (p < 0 || table.timed[w] === 0 || end <= start) continue;
    const current = open[p];
    if (current && start <= current.endMs) {
      if (end > current.endMs) current.endMs = end;
    } else {
      const span = { who: p, startMs: start, endMs: end };
      open[p] = span;
      spans.push(span);
    }
  }
  return spans;
}
