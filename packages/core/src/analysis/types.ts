// Result types of `analyze(transcript, options)`: plain data, integer milliseconds.

export interface AnalyzeOptions {
  /** Tokens with confidence below this are listed as low-confidence. Default 0.5. */
  readonly lowConfidenceThreshold?: number;
  /** Gaps between words longer than this are reported as silences. Default 2000 ms. */
  readonly silenceThresholdMs?: number;
  /** Number of equal-width bins of the confidence histogram over 0..1. Default 10. */
  readonly histogramBins?: number;
  /** Include the text of low-confidence tokens (patient data). Default false. */
  readonly includeText?: boolean;
}

/** Figures for one speaker or one channel. */
export interface ParticipantStats {
  readonly id: string;
  readonly label: string;
  /** Sum of the participant's word durations (overlapping words counted once). */
  readonly talkTimeMs: number;
  /** Share of all participants' talk time, 0..1. */
  readonly share: number;
  readonly words: number;
  readonly turns: number;
  /** Words per minute of talk time (0 when there is no talk time). */
  readonly wordsPerMinute: number;
  readonly meanConfidence: number | null;
  readonly minConfidence: number | null;
}

export interface Monologue {
  readonly speaker: string | null;
  readonly channel: string | null;
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
  readonly words: number;
}

export interface Silence {
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
  /** Index of the word after the silence. */
  readonly beforeToken: number;
}

export interface Overlap {
  /** The two speakers (or channels) talking at once. */
  readonly a: string;
  readonly b: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface LowConfidenceToken {
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly confidence: number;
  readonly speaker: string | null;
  readonly channel: string | null;
  /** Only with `includeText: true`. */
  readonly text?: string;
}

export interface Analysis {
  readonly durationMs: number;
  readonly words: number;
  readonly punctuation: number;
  readonly speakers: readonly ParticipantStats[];
  readonly channels: readonly ParticipantStats[];
  readonly longestMonologue: Monologue | null;
  readonly silences: readonly Silence[];
  readonly overlaps: readonly Overlap[];
  readonly confidence: {
    readonly mean: number | null;
    readonly min: number | null;
    /** Words with a confidence value, binned over 0..1 (the last bin includes 1). */
    readonly histogram: readonly HistogramBin[];
    /** Words without any confidence value. */
    readonly unscored: number;
  };
  readonly lowConfidence: { readonly threshold: number; readonly tokens: readonly LowConfidenceToken[] };
  readonly phi: { readonly total: number; readonly byType: Readonly<Record<string, number>> };
  /** HealthScribe clinical summary figures, when the transcript has one. */
  readonly summary?: { readonly sections: number; readonly emptySections: number; readonly bullets: number };
}
