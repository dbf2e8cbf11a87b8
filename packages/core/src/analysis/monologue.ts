// The longest stretch one speaker (or channel) talks without another word in between.
import type { Transcript } from '../model.js';
import type { Monologue } from './types.js';
import { type WordTable, wordsBetween } from './word-table.js';

interface Run {
  speaker: string | null;
  channel: string | null;
  startMs: number;
  endMs: number;
  words: number;
}

/**
 * Consecutive turns by the same speaker and channel are joined (HealthScribe splits one speaker's talk
 * into segments); the longest joined run by time wins, the earliest on a tie. Null without words or
 * without any speaker/channel attribution.
 */
export function longestMonologue(t: Transcript, table: WordTable): Monologue | null {
  let best: Monologue | null = null;
  let run: Run | null = null;
  const consider = (r: Run | null) => {
    if (!r || r.words === 0 || (r.speaker === null && r.channel === null)) return;
    const durationMs = r.endMs - r.startMs;
    if (!best || durationMs > best.durationMs) best = { ...r, durationMs };
  };
  for (const turn of t.turns) {
    const words = wordsBetween(table, turn.firstToken, turn.endToken);
    if (run && run.speaker === turn.speaker && run.channel === turn.channel) {
      run.endMs = Math.max(run.endMs, turn.endMs);
      run.words += words;
    } else {
      consider(run);
      run = { speaker: turn.speaker, channel: turn.channel, startMs: turn.startMs, endMs: turn.endMs, words };
    }
  }
  consider(run);
  return best;
}
