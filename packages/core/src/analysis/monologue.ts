// The longest stretch one speaker (or channel) talks without another word in between.
import type { Transcript } from '../model.js';
import type { Monologue } from './types.js';

/**
 * Consecutive turns by the same speaker and channel are joined (HealthScribe splits one speaker's talk
 * into segments); the longest joined run by time wins, the earliest on a tie. Null without words or
 * without any speaker/channel attribution.
 */
export function longestMonologue(t: Transcript): Monologue | null {
  let best: Monologue | null = null;
  let run: {
    speaker: string | null;
    channel: string | null;
    startMs: number;
    endMs: number;
    words: number;
  } | null = null;
  const consider = () => {
    if (!run || run.words === 0 || (run.speaker === null && run.channel === null)) return;
    const durationMs = run.endMs - run.startMs;
    if (!best || durationMs > best.durationMs) best = { ...run, durationMs };
  };
  for (const turn of t.turns) {
    let words = 0;
    for (let k = turn.firstToken; k < turn.endToken; k++) if (t.tokens[k]!.kind === 'word') words++;
    if (run && run.speaker === turn.speaker && run.channel === turn.channel) {
      run.endMs = Math.max(run.endMs, turn.endMs);
      run.words += words;
    } else {
      consider();
      run = { speaker: turn.speaker, channel: turn.channel, startMs: turn.startMs, endMs: turn.endMs, words };
    }
  }
  consider();
  return best;
}
