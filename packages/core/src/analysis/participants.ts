// Per-speaker and per-channel figures: talk time, share, words, turns, words per minute, confidence.
import type { Transcript } from '../model.js';
import type { ParticipantStats } from './types.js';
import type { ParticipantKind, WordTable } from './word-table.js';

/**
 * Figures for each speaker (or channel) the transcript lists, in the transcript's order.
 * Talk time is the union of the participant's word spans; share is of the sum of all talk times.
 */
export function participantStats(t: Transcript, table: WordTable, by: ParticipantKind): ParticipantStats[] {
  const listed = by === 'speaker' ? t.speakers : t.channels;
  const who = by === 'speaker' ? table.speaker : table.channel;
  const n = listed.length;
  const talk = new Float64Array(n);
  // End of each participant's talk so far, so overlapping words are counted once.
  const coveredTo = new Float64Array(n);
  const words = new Float64Array(n);
  const confidenceSum = new Float64Array(n);
  const scored = new Float64Array(n);
  const minConfidence = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let w = 0; w < table.count; w++) {
    const p = who[w]!;
    if (p < 0) continue;
    words[p]!++;
    // Word starts never decrease, so the union of spans is a single sweep.
    const start = table.startMs[w]!;
    const end = table.endMs[w]!;
    const from = start > coveredTo[p]! ? start : coveredTo[p]!;
    if (end > from) talk[p]! += end - from;
    if (end > coveredTo[p]!) coveredTo[p] = end;
    const c = table.confidence[w]!;
    if (!Number.isNaN(c)) {
      confidenceSum[p]! += c;
      scored[p]!++;
      if (c < minConfidence[p]!) minConfidence[p] = c;
    }
  }
  const turns = new Map<string, number>();
  for (const turn of t.turns) {
    const id = by === 'speaker' ? turn.speaker : turn.channel;
    if (id !== null) turns.set(id, (turns.get(id) ?? 0) + 1);
  }
  let total = 0;
  for (let p = 0; p < n; p++) total += talk[p]!;
  return listed.map((participant, p) => ({
    id: participant.id,
    label: participant.label,
    talkTimeMs: talk[p]!,
    share: total > 0 ? talk[p]! / total : 0,
    words: words[p]!,
    turns: turns.get(participant.id) ?? 0,
    wordsPerMinute: talk[p]! > 0 ? words[p]! / (talk[p]! / 60_000) : 0,
    meanConfidence: scored[p]! > 0 ? confidenceSum[p]! / scored[p]! : null,
    minConfidence: scored[p]! > 0 ? minConfidence[p]! : null,
  }));
}
