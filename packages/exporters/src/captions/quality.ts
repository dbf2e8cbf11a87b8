// Measures a cue list against the caption rules, so tests and users can see every violation.
import { type Cue, lineChars } from './cue.js';
import { type CaptionOptions, type ResolvedCaptionOptions, resolveCaptionOptions } from './options.js';

export type CaptionRule =
  | 'lineLength'
  | 'lineCount'
  | 'maxCps'
  | 'minDuration'
  | 'maxDuration'
  | 'minGap'
  | 'overlap';

export const captionRules: readonly CaptionRule[] = Object.freeze([
  'lineLength',
  'lineCount',
  'maxCps',
  'minDuration',
  'maxDuration',
  'minGap',
  'overlap',
]);

export interface CaptionViolation {
  /** 0-based position of the cue in the list. */
  readonly cue: number;
  readonly rule: CaptionRule;
  /** The measured value (chars, lines, cps, ms) and the limit it breaks. */
  readonly value: number;
  readonly limit: number;
  /** True when the cue holds a single word, so no segmentation could have met the rule. */
  readonly singleWord: boolean;
}

export interface CaptionQuality {
  readonly cues: number;
  /** Mean reading speed over cues (chars shown ÷ seconds on screen). */
  readonly meanCps: number;
  /** Share of cues (0..1) meeting each rule; 1 for an empty list. */
  readonly within: Readonly<Record<CaptionRule, number>>;
  /** Share of cues at or below the target reading speed. */
  readonly withinTargetCps: number;
  /** Share of cues meeting every rule. */
  readonly withinAll: number;
  readonly violations: readonly CaptionViolation[];
  /** Pairs of cues of different channels that overlap in time (overlapping speech; not a violation). */
  readonly crossChannelOverlaps: number;
}

/** Reading speed of a cue in characters per second. */
export function cueCps(cue: Cue): number {
  return (lineChars(cue.lines) * 1000) / Math.max(1, cue.endMs - cue.startMs);
}

/**
 * Checks the rendered cues (not the words): line length and count, reading speed against `maxCps`,
 * duration, and gap and overlap between consecutive cues of one channel. Cues of different channels
 * may overlap; those overlaps are counted, not reported.
 */
export function captionQuality(
  cues: readonly Cue[],
  options: CaptionOptions | ResolvedCaptionOptions = {},
): CaptionQuality {
  const o = resolveCaptionOptions(options as CaptionOptions);
  const violations: CaptionViolation[] = [];
  const bad = new Set<number>();
  const counts = Object.fromEntries(captionRules.map((r) => [r, 0])) as Record<CaptionRule, number>;
  let cpsSum = 0;
  let atTarget = 0;
  let crossChannelOverlaps = 0;
  const lastOf = new Map<string | null, number>();
  const add = (cue: number, rule: CaptionRule, value: number, limit: number) => {
    violations.push({ cue, rule, value, limit, singleWord: cues[cue]!.words <= 1 });
    counts[rule]++;
    bad.add(cue);
  };
  cues.forEach((c, k) => {
    const longest = Math.max(0, ...c.lines.map((l) => l.length));
    if (longest > o.maxLineChars) add(k, 'lineLength', longest, o.maxLineChars);
    if (c.lines.length > o.maxLines) add(k, 'lineCount', c.lines.length, o.maxLines);
    const cps = cueCps(c);
    cpsSum += cps;
    if (cps <= o.targetCps) atTarget++;
    if (cps > o.maxCps) add(k, 'maxCps', round(cps), o.maxCps);
    const dur = c.endMs - c.startMs;
    if (dur < o.minDurationMs) add(k, 'minDuration', dur, o.minDurationMs);
    if (dur > o.maxDurationMs) add(k, 'maxDuration', dur, o.maxDurationMs);
    const prev = lastOf.get(c.channel);
    if (prev !== undefined) {
      const gap = c.startMs - cues[prev]!.endMs;
      if (gap < 0) add(k, 'overlap', -gap, 0);
      else if (gap < o.minGapMs) add(k, 'minGap', gap, o.minGapMs);
    }
    for (const [channel, p] of lastOf)
      if (channel !== c.channel && cues[p]!.endMs > c.startMs) crossChannelOverlaps++;
    lastOf.set(c.channel, k);
  });
  const n = cues.length;
  const share = (bad: number) => (n === 0 ? 1 : (n - bad) / n);
  return {
    cues: n,
    meanCps: n === 0 ? 0 : round(cpsSum / n),
    within: Object.fromEntries(captionRules.map((r) => [r, share(counts[r])])) as Record<CaptionRule, number>,
    withinTargetCps: n === 0 ? 1 : atTarget / n,
    withinAll: share(bad.size),
    violations,
    crossChannelOverlaps,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
