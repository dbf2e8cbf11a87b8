// Per-speaker and per-channel figures: talk time, share, words, turns, words per minute, confidence.
import type { Transcript } from '../model.js';
import { type ParticipantKind, participantOf } from './participant.js';
import type { ParticipantStats } from './types.js';

interface Acc {
  talkTimeMs: number;
  /** End of the participant's talk so far, so overlapping words are counted once. */
  coveredTo: number;
  words: number;
  turns: number;
  confidenceSum: number;
  scored: number;
  minConfidence: number | null;
}

/**
 * Figures for each speaker (or channel) the transcript lists, in the transcript's order.
 * Talk time is the union of the participant's word spans; share is of the sum of all talk times.
 */
export function participantStats(t: Transcript, by: ParticipantKind): ParticipantStats[] {
  const listed = by === 'speaker' ? t.speakers : t.channels;
  const accs = new Map<string, Acc>();
  for (const p of listed) {
    accs.set(p.id, {
      talkTimeMs: 0,
      coveredTo: 0,
      words: 0,
      turns: 0,
      confidenceSum: 0,
      scored: 0,
      minConfidence: null,
    });
  }
  for (const tok of t.tokens) {
    if (tok.kind !== 'word') continue;
    const id = participantOf(tok, by);
    const acc = id === null ? undefined : accs.get(id);
    if (!acc) continue;
    acc.words++;
    // Word starts never decrease, so the union of spans is a single sweep.
    const from = Math.max(tok.startMs, acc.coveredTo);
    if (tok.endMs > from) acc.talkTimeMs += tok.endMs - from;
    if (tok.endMs > acc.coveredTo) acc.coveredTo = tok.endMs;
    if (tok.confidence !== null) {
      acc.confidenceSum += tok.confidence;
      acc.scored++;
      if (acc.minConfidence === null || tok.confidence < acc.minConfidence)
        acc.minConfidence = tok.confidence;
    }
  }
  for (const turn of t.turns) {
    const id = by === 'speaker' ? turn.speaker : turn.channel;
    const acc = id === null ? undefined : accs.get(id);
    if (acc) acc.turns++;
  }
  let total = 0;
  for (const acc of accs.values()) total += acc.talkTimeMs;
  return listed.map((p) => {
    const acc = accs.get(p.id)!;
    return {
      id: p.id,
      label: p.label,
      talkTimeMs: acc.talkTimeMs,
      share: total > 0 ? acc.talkTimeMs / total : 0,
      words: acc.words,
      turns: acc.turns,
      wordsPerMinute: acc.talkTimeMs > 0 ? acc.words / (acc.talkTimeMs / 60_000) : 0,
      meanConfidence: acc.scored > 0 ? acc.confidenceSum / acc.scored : null,
      minConfidence: acc.minConfidence,
    };
  });
}
