// `analyze(transcript, options)`: plain-data figures about a transcript, one small module per metric.
import { OptionsError } from '../errors.js';
import type { Transcript } from '../model.js';
import { confidenceSummary } from './confidence.js';
import { lowConfidenceTokens } from './low-confidence.js';
import { longestMonologue } from './monologue.js';
import { findOverlaps } from './overlaps.js';
import { participantStats } from './participants.js';
import { phiCounts } from './phi.js';
import { findSilences } from './silences.js';
import { summaryCounts } from './summary.js';
import type { Analysis, AnalyzeOptions } from './types.js';
import { buildWordTable } from './word-table.js';

export const analyzeDefaults = {
  lowConfidenceThreshold: 0.5,
  silenceThresholdMs: 2000,
  histogramBins: 10,
  includeText: false,
} as const;

/**
 * Computes every figure of `Analysis`: one pass over the tokens builds a table of word columns, then each
 * metric is a linear pass over it (O(n), plus O(n·p) for overlaps of p participants).
 * Throws OptionsError for out-of-range options. Token texts appear only with `includeText: true`.
 */
export function analyze(t: Transcript, options: AnalyzeOptions = {}): Analysis {
  const threshold = options.lowConfidenceThreshold ?? analyzeDefaults.lowConfidenceThreshold;
  const silenceMs = options.silenceThresholdMs ?? analyzeDefaults.silenceThresholdMs;
  const bins = options.histogramBins ?? analyzeDefaults.histogramBins;
  if (!(threshold >= 0 && threshold <= 1))
    throw new OptionsError('lowConfidenceThreshold must be between 0 and 1');
  if (!(silenceMs >= 0) || !Number.isFinite(silenceMs))
    throw new OptionsError('silenceThresholdMs must be a number ≥ 0');
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000)
    throw new OptionsError('histogramBins must be an integer from 1 to 1000');

  // One pass builds the word columns every metric reads.
  const table = buildWordTable(t);
  const summary = summaryCounts(t);
  return {
    durationMs: t.durationMs,
    words: table.count,
    punctuation: t.tokens.length - table.count,
    speakers: participantStats(t, table, 'speaker'),
    channels: participantStats(t, table, 'channel'),
    longestMonologue: longestMonologue(t, table),
    silences: findSilences(table, silenceMs),
    overlaps: findOverlaps(t, table),
    confidence: confidenceSummary(table, bins),
    lowConfidence: {
      threshold,
      tokens: lowConfidenceTokens(t, table, threshold, options.includeText ?? false),
    },
    phi: phiCounts(t),
    ...(summary ? { summary } : {}),
  };
}
