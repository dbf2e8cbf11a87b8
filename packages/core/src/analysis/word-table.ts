// The transcript's words as columns (typed arrays), built in one pass and shared by every metric, so
// each metric is a tight loop over numbers rather than a walk over token objects.
import type { Transcript } from '../model.js';

export interface WordTable {
  readonly count: number;
  /** Token index of each word. */
  readonly index: Int32Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** 1 when the source gave the word's times. */
  readonly timed: Uint8Array;
  /** Confidence 0..1, NaN when the source gave none. */
  readonly confidence: Float64Array;
  /** Position of the word's speaker in `t.speakers`, -1 when none. */
  readonly speaker: Int32Array;
  /** Position of the word's channel in `t.channels`, -1 when none. */
  readonly channel: Int32Array;
}

export type ParticipantKind = 'speaker' | 'channel';

export function buildWordTable(t: Transcript): WordTable {
  let count = 0;
  for (const tok of t.tokens) if (tok.kind === 'word') count++;
  const table = {
    count,
    index: new Int32Array(count),
    startMs: new Float64Array(count),
    endMs: new Float64Array(count),
    timed: new Uint8Array(count),
    confidence: new Float64Array(count),
    speaker: new Int32Array(count),
    channel: new Int32Array(count),
  };
  const speakerAt = positions(t.speakers);
  const channelAt = positions(t.channels);
  // Speakers and channels change rarely between words: remember the last lookup.
  let lastSpeaker: string | null = null;
  let lastSpeakerAt = -1;
  let lastChannel: string | null = null;
  let lastChannelAt = -1;
  let w = 0;
  for (const tok of t.tokens) {
    if (tok.kind !== 'word') continue;
    table.index[w] = tok.index;
    table.startMs[w] = tok.startMs;
    table.endMs[w] = tok.endMs;
    table.timed[w] = tok.timed ? 1 : 0;
    table.confidence[w] = tok.confidence ?? Number.NaN;
    if (tok.speaker !== lastSpeaker) {
      lastSpeaker = tok.speaker;
      lastSpeakerAt = tok.speaker === null ? -1 : (speakerAt.get(tok.speaker) ?? -1);
    }
    if (tok.channel !== lastChannel) {
      lastChannel = tok.channel;
      lastChannelAt = tok.channel === null ? -1 : (channelAt.get(tok.channel) ?? -1);
    }
    table.speaker[w] = lastSpeakerAt;
    table.channel[w] = lastChannelAt;
    w++;
  }
  return table;
}

function positions(list: readonly { id: string }[]): Map<string, number> {
  return new Map(list.map((p, i) => [p.id, i]));
}

/** Number of words whose token index is in `[firstToken, endToken)`. */
export function wordsBetween(table: WordTable, firstToken: number, endToken: number): number {
  return lowerBound(table.index, endToken) - lowerBound(table.index, firstToken);
}

function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
