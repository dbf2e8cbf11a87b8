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

export const analyzeDefaults = {
  lowConfidenceThreshold: 0.5,
  silenceThresholdMs: 2000,
  histogramBins: 10,
  includeText: false,
} as const;

/**
 * Computes every figure of `Analysis` in a few linear passes over the tokens.
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

  let words = 0;
  for (const tok of t.tokens) if (tok.kind === 'word') words++;
  const summary = summaryCounts(t);
  return {
    durationMs: t.durationMs,
    words,
    punctuation: t.tokens.length - words,
    speakers: participantStats(t, 'speaker'),
    channels: participantStats(t, 'channel'),
    longestMonologue: longestMonologue(t),
    silences: findSilences(t, silenceMs),
    overlaps: findOverlaps(t),
    confidence: confidenceSummary(t, bins),
    lowConfidence: { threshold, tokens: lowConfidenceTokens(t, threshold, options.includeText ?? false) },
    phi: phiCounts(t),
    ...(summary ? { summary } : {}),
  };
}
