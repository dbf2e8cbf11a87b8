// Caption rules: the default profile (Netflix English numbers), the presets, and option validation.
import { invalidOption, OptionsError } from '@scribekit/core/errors';
import { checkType, type OptionSpec } from '../options/spec.js';
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

const ms = (description: string, fallback: string, flag?: string): OptionSpec => ({
  key: '',
  group: 'captions',
  type: { kind: 'integer', min: 0 },
  description,
  default: fallback,
  ...(flag ? { flag: { name: flag, value: '<ms>' } } : {}),
});

/** The caption options (SRT, WebVTT, `buildCues`, `captionQuality`). */
export const captionOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'preset',
    group: 'captions',
    type: { kind: 'enum', values: ['netflix', 'bbc', 'dcmp'] },
    description:
      'caption rules: `netflix` (42 cpl, 17/20 cps), `bbc` (37 cpl, 15/17 cps), `dcmp` (32 cpl, ≥ 2 s)',
    default: 'netflix',
    flag: { name: 'preset', value: '<name>' },
  },
  {
    key: 'maxLineChars',
    group: 'captions',
    type: { kind: 'integer', min: 1 },
    description: 'caption characters per line (spaces, punctuation and label included)',
    default: '42',
    flag: { name: 'max-line-chars', value: '<n>' },
  },
  {
    key: 'maxLines',
    group: 'captions',
    type: { kind: 'integer', min: 1, max: 3 },
    description: 'caption lines per cue',
    default: '2',
    flag: { name: 'max-lines', value: '<n>' },
  },
  {
    key: 'targetCps',
    group: 'captions',
    type: { kind: 'number', min: 0 },
    description: 'reading speed the segmentation aims for (characters per second)',
    default: '17',
  },
  {
    key: 'maxCps',
    group: 'captions',
    type: { kind: 'number', min: 0 },
    description: 'caption reading-speed limit (characters per second)',
    default: '20',
    flag: { name: 'max-cps', value: '<n>' },
  },
  { ...ms('shortest time a cue is on screen', '1000', 'min-duration'), key: 'minDurationMs' },
  { ...ms('longest time a cue is on screen', '7000', 'max-duration'), key: 'maxDurationMs' },
  { ...ms('gap between two cues of one speaker stream (2 frames at 24 fps)', '83'), key: 'minGapMs' },
  { ...ms('smaller gaps are closed down to `minGapMs`', '500'), key: 'chainGapMs' },
  { ...ms('how long a cue may stay after its last word', '500'), key: 'maxExtendMs' },
  { ...ms('a pause this long always starts a new cue', '1500'), key: 'pauseBreakMs' },
  { ...ms('pauses this long are preferred cue ends', '300'), key: 'softPauseMs' },
  {
    key: 'speakerLabels',
    group: 'captions',
    type: { kind: 'enum', values: ['colon', 'brackets', 'none'] },
    description: 'visible speaker label at speaker changes: `colon` (`NAME:`), `brackets` (`[Name]`), `none`',
    default: 'colon',
    flag: { name: 'speaker-labels', value: '<style>' },
  },
  {
    key: 'channelAsSpeaker',
    group: 'captions',
    type: { kind: 'boolean' },
    description: 'without speaker labels, name cues by channel',
    default: 'true',
  },
  {
    key: 'confidenceMarker',
    group: 'captions',
    type: { kind: 'object', describe: '`{ "below": 0..1, "mark"?: "(?)" }`' },
    description: 'append `mark` to words with a confidence below `below`',
    default: 'off',
  },
  {
    key: 'startOffsetMs',
    group: 'captions',
    type: { kind: 'integer' },
    description: 'added to every time; may be negative as long as no cue goes below 0',
    default: '0',
  },
  {
    key: 'srtIndexBase',
    group: 'captions',
    type: { kind: 'integer', min: 0, max: 1 },
    description: "first SRT number, 1 or 0 (Transcribe's `OutputStartIndex`)",
    default: '1',
  },
  {
    key: 'vttCueIds',
    group: 'captions',
    type: { kind: 'boolean' },
    description: 'numeric WebVTT cue identifiers, unique, from 1',
    default: 'false',
  },
];

const SPECS = new Map(captionOptionSpecs.map((s) => [s.key, s]));

/** Applies the preset and the overrides; throws OptionsError naming the option for a wrong or out-of-range value. */
export function resolveCaptionOptions(options: CaptionOptions = {}): ResolvedCaptionOptions {
  for (const [key, spec] of SPECS) checkType(spec, (options as Record<string, unknown>)[key]);
  const preset = options.preset ?? 'netflix';
  const rules: Record<keyof CaptionRules, number> = { ...captionPresets[preset] };
  for (const key of RULE_KEYS) {
    const value = options[key];
    if (value !== undefined) rules[key] = value;
  }
  if (rules.maxCps < rules.targetCps) {
    throw new OptionsError('{targetCps} must be above 0 and at most {maxCps}', { option: 'maxCps' });
  }
  if (rules.targetCps <= 0) throw invalidOption('targetCps', 'must be above 0');
  if (rules.maxDurationMs < 1) throw invalidOption('maxDurationMs', 'must be at least 1');
  if (rules.minDurationMs > rules.maxDurationMs) {
    throw new OptionsError('{minDurationMs} must be at most {maxDurationMs}', { option: 'minDurationMs' });
  }
  const marker = options.confidenceMarker;
  if (
    marker !== undefined &&
    marker !== null &&
    (typeof marker.below !== 'number' ||
      !(marker.below >= 0 && marker.below <= 1) ||
      (marker.mark !== undefined && typeof marker.mark !== 'string'))
  ) {
    throw invalidOption('confidenceMarker', 'must be `{ below: 0..1, mark?: text }`');
  }
  return {
    ...(rules as unknown as CaptionRules),
    preset,
    speakerLabels: options.speakerLabels ?? 'colon',
    channelAsSpeaker: options.channelAsSpeaker ?? true,
    confidenceMarker: marker ? { below: marker.below, mark: marker.mark ?? '(?)' } : null,
    startOffsetMs: options.startOffsetMs ?? 0,
    srtIndexBase: options.srtIndexBase ?? 1,
    vttCueIds: options.vttCueIds ?? false,
  };
}
