// Caption rules: the default profile (Netflix English numbers), the presets, and option validation.
import { OptionsError } from '@scribekit/core';
import type { CommonOptions } from '../types.js';

export type CaptionPreset = 'netflix' | 'bbc' | 'dcmp';

/** How the visible speaker label at a speaker change looks: `DR. RIVERA:`, `[Dr. Rivera]`, or none. */
export type SpeakerLabelStyle = 'colon' | 'brackets' | 'none';

/** The numeric rules. Every one can be overridden on top of a preset. */
export interface CaptionRules {
  /** Characters per line, spaces and punctuation included. */
  readonly maxLineChars: number;
  readonly maxLines: number;
  /** Reading speed the segmentation and timing aim for (characters per second). */
  readonly targetCps: number;
  /** Reading speed above which a cue counts as a violation. */
  readonly maxCps: number;
  readonly minDurationMs: number;
  readonly maxDurationMs: number;
  /** Smallest gap between two cues of the same speaker stream. */
  readonly minGapMs: number;
  /** Gaps shorter than this are closed ("chained") down to `minGapMs`. */
  readonly chainGapMs: number;
  /** How long a cue may stay up after its last word to reach the minimum duration or reading speed. */
  readonly maxExtendMs: number;
  /** A pause of at least this long always starts a new cue. */
  readonly pauseBreakMs: number;
  /** Pauses of at least this long are good places to end a cue. */
  readonly softPauseMs: number;
}

export interface CaptionOptions extends CommonOptions, Partial<CaptionRules> {
  /** Base rule set; default `netflix`. */
  readonly preset?: CaptionPreset | undefined;
  /** Visible label at speaker changes (players do not draw WebVTT voices). Default `colon`. */
  readonly speakerLabels?: SpeakerLabelStyle | undefined;
  /** Without speaker labels, use the channel as the speaker (`ch_0` → a name from `speakerNames`). Default true. */
  readonly channelAsSpeaker?: boolean | undefined;
  /** Mark words with a confidence below `below` by appending `mark` (default `(?)`). Off by default. */
  readonly confidenceMarker?:
    | { readonly below: number; readonly mark?: string | undefined }
    | null
    | undefined;
  /** Added to every time (may be negative as long as no cue would start before 0). */
  readonly startOffsetMs?: number | undefined;
  /** First SRT cue number: 1 (default) or 0 (Transcribe's `OutputStartIndex`). */
  readonly srtIndexBase?: 0 | 1 | undefined;
  /** Write numeric WebVTT cue identifiers (unique, from 1). Default false. */
  readonly vttCueIds?: boolean | undefined;
}

/** Options after defaults and validation. */
export interface ResolvedCaptionOptions extends CaptionRules {
  readonly preset: CaptionPreset;
  readonly speakerLabels: SpeakerLabelStyle;
  readonly channelAsSpeaker: boolean;
  readonly confidenceMarker: { readonly below: number; readonly mark: string } | null;
  readonly startOffsetMs: number;
  readonly srtIndexBase: 0 | 1;
  readonly vttCueIds: boolean;
}

const NETFLIX: CaptionRules = {
  maxLineChars: 42,
  maxLines: 2,
  targetCps: 17,
  maxCps: 20,
  minDurationMs: 1000,
  maxDurationMs: 7000,
  minGapMs: 83,
  chainGapMs: 500,
  maxExtendMs: 500,
  pauseBreakMs: 1500,
  softPauseMs: 300,
};

/** The rule sets. BBC: 37 chars (Teletext), 160–180 wpm, gaps under 1 s closed. DCMP: 32-char lines, ≥ 2 s. */
export const captionPresets: Readonly<Record<CaptionPreset, CaptionRules>> = Object.freeze({
  netflix: NETFLIX,
  bbc: { ...NETFLIX, maxLineChars: 37, targetCps: 15, maxCps: 17, chainGapMs: 1000 },
  dcmp: { ...NETFLIX, maxLineChars: 32, targetCps: 14, maxCps: 20, minDurationMs: 2000 },
});

const RULE_KEYS = Object.keys(NETFLIX) as (keyof CaptionRules)[];

/** Applies the preset and the overrides; throws OptionsError for unknown or out-of-range values. */
export function resolveCaptionOptions(options: CaptionOptions = {}): ResolvedCaptionOptions {
  const preset = options.preset ?? 'netflix';
  if (!Object.hasOwn(captionPresets, preset)) {
    throw new OptionsError(
      `Unknown caption preset \`${String(preset)}\`, expected one of \`netflix\`, \`bbc\`, \`dcmp\``,
    );
  }
  const rules: Record<keyof CaptionRules, number> = { ...captionPresets[preset] };
  for (const key of RULE_KEYS) {
    const value = options[key];
    if (value === undefined) continue;
    const cps = key === 'targetCps' || key === 'maxCps';
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      (!cps && !Number.isInteger(value))
    ) {
      throw new OptionsError(
        `Expected caption option \`${key}\` to be a non-negative ${cps ? 'number' : 'integer'}`,
      );
    }
    rules[key] = value;
  }
  if (rules.maxLineChars < 1)
    throw new OptionsError('Expected caption option `maxLineChars` to be at least 1');
  if (rules.maxLines < 1 || rules.maxLines > 3)
    throw new OptionsError('Expected caption option `maxLines` to be 1, 2 or 3');
  if (rules.targetCps <= 0 || rules.maxCps < rules.targetCps) {
    throw new OptionsError('Expected caption options `0 < targetCps <= maxCps`');
  }
  if (rules.maxDurationMs < 1 || rules.minDurationMs > rules.maxDurationMs) {
    throw new OptionsError(
      'Expected caption options `minDurationMs <= maxDurationMs` (and `maxDurationMs >= 1`)',
    );
  }
  const speakerLabels = options.speakerLabels ?? 'colon';
  if (speakerLabels !== 'colon' && speakerLabels !== 'brackets' && speakerLabels !== 'none') {
    throw new OptionsError(
      `Unknown speaker label style \`${String(speakerLabels)}\`, expected one of \`colon\`, \`brackets\`, \`none\``,
    );
  }
  const srtIndexBase = options.srtIndexBase ?? 1;
  if (srtIndexBase !== 0 && srtIndexBase !== 1)
    throw new OptionsError('Expected caption option `srtIndexBase` to be 0 or 1');
  const startOffsetMs = options.startOffsetMs ?? 0;
  if (!Number.isInteger(startOffsetMs))
    throw new OptionsError('Expected caption option `startOffsetMs` to be an integer');
  const marker = options.confidenceMarker;
  if (
    marker !== undefined &&
    marker !== null &&
    (typeof marker.below !== 'number' || !(marker.below >= 0 && marker.below <= 1))
  ) {
    throw new OptionsError('Expected caption option `confidenceMarker.below` to be a number from 0 to 1');
  }
  return {
    ...(rules as unknown as CaptionRules),
    preset,
    speakerLabels,
    channelAsSpeaker: options.channelAsSpeaker ?? true,
    confidenceMarker: marker ? { below: marker.below, mark: marker.mark ?? '(?)' } : null,
    startOffsetMs,
    srtIndexBase,
    vttCueIds: options.vttCueIds ?? false,
  };
}
