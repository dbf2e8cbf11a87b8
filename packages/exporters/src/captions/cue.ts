// The caption cue model shared by SRT and WebVTT: integer milliseconds, plain (unescaped) text lines.

export interface Cue {
  /** On-screen time, after timing rules and the start offset. */
  readonly startMs: number;
  readonly endMs: number;
  /** Start of the first word and end of the last word (with the start offset). */
  readonly speechStartMs: number;
  readonly speechEndMs: number;
  /** Speaker and channel ids of the cue's words (one of each per cue, never two). */
  readonly speaker: string | null;
  readonly channel: string | null;
  /** Display name for the WebVTT voice span, or null when the transcript names no speaker. */
  readonly voice: string | null;
  /** The visible speaker label at the start of the first line (`DR. RIVERA:`), or null. */
  readonly label: string | null;
  /** Plain text lines, label included, not escaped for any format. */
  readonly lines: readonly string[];
  /** Indices into `transcript.tokens` of the tokens shown, in order. */
  readonly tokens: readonly number[];
  /** Number of words (a word with its attached punctuation) in the cue. */
  readonly words: number;
}

/** Characters on screen: every line, a line break counting as one. */
export function lineChars(lines: readonly string[]): number {
  let n = lines.length > 0 ? lines.length - 1 : 0;
  for (const l of lines) n += l.length;
  return n;
}
