// DOCX options: the public type, defaults, specs and validation (no `docx` import: the CLI reads this at start-up).
import { invalidOption } from '@scribekit/core/errors';
import { checkType, type OptionSpec } from '../options/spec.js';
import type { CommonOptions } from '../types.js';

export interface DocxOptions extends CommonOptions {
  /** Document title; default `Transcript` (with the job name when known). */
  readonly title?: string | undefined;
  /** Words with a confidence below this are shaded (0 turns shading off). Default 0.5. */
  readonly lowConfidenceThreshold?: number | undefined;
  /** Highlight words inside PHI entities (unredacted transcripts). Default true. */
  readonly highlightPhi?: boolean | undefined;
  /** Recognition alternatives as Word comments. Default false. */
  readonly comments?: boolean | undefined;
  /** At most this many comments. Default 1000. */
  readonly maxComments?: number | undefined;
  /** Include the summary section (talk time, words, confidence, PHI counts). Default true. */
  readonly summary?: boolean | undefined;
  /**
   * Creation/modification time written into the document (properties, comments, zip entries). Fixing it makes
   * the output reproducible: the same input gives the same bytes. Default: `SOURCE_DATE_EPOCH` when set, else now.
   */
  readonly date?: Date | string | number | undefined;
  /** Paper size. Default `a4`. */
  readonly paper?: 'a4' | 'letter' | undefined;
}

export const docxDefaults = {
  lowConfidenceThreshold: 0.5,
  highlightPhi: true,
  comments: false,
  maxComments: 1000,
  summary: true,
  paper: 'a4',
} as const;

/** The DOCX options (`title` and `date` are shared document options, specified with them). */
export const docxOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'lowConfidenceThreshold',
    group: 'docx',
    type: { kind: 'number', min: 0, max: 1 },
    description:
      'DOCX: shade words with a confidence below this (0 turns it off); also the summary’s threshold',
    default: '0.5',
    flag: { name: 'low-confidence', value: '<0-1>' },
  },
  {
    key: 'highlightPhi',
    group: 'docx',
    type: { kind: 'boolean' },
    description: 'DOCX: mark words inside PHI entities (unredacted transcripts)',
    default: 'true',
  },
  {
    key: 'comments',
    group: 'docx',
    type: { kind: 'boolean' },
    description: 'DOCX: recognition alternatives as Word comments',
    default: 'false',
  },
  {
    key: 'maxComments',
    group: 'docx',
    type: { kind: 'integer', min: 0 },
    description: 'DOCX: at most this many comments',
    default: '1000',
  },
  {
    key: 'summary',
    group: 'docx',
    type: { kind: 'boolean' },
    description: 'DOCX: include the *Summary* section (talk time, words, confidence, PHI counts)',
    default: 'true',
  },
  {
    key: 'paper',
    group: 'docx',
    type: { kind: 'enum', values: ['a4', 'letter'] },
    description: 'DOCX: paper size (2 cm margins)',
    default: 'a4',
    flag: { name: 'paper', value: '<size>' },
  },
];

export interface ResolvedDocxOptions {
  readonly threshold: number;
  readonly highlightPhi: boolean;
  readonly comments: boolean;
  readonly maxComments: number;
  readonly summary: boolean;
  readonly paper: 'a4' | 'letter';
  readonly date: Date;
  readonly title: string | undefined;
}

const SPECS = docxOptionSpecs;

/** Validates the DOCX options and fills in the defaults (`date`: `SOURCE_DATE_EPOCH`, else now). */
export function resolveDocxOptions(options: DocxOptions = {}): ResolvedDocxOptions {
  for (const spec of SPECS) checkType(spec, (options as Record<string, unknown>)[spec.key]);
  return {
    threshold: options.lowConfidenceThreshold ?? docxDefaults.lowConfidenceThreshold,
    highlightPhi: options.highlightPhi ?? docxDefaults.highlightPhi,
    comments: options.comments ?? docxDefaults.comments,
    maxComments: options.maxComments ?? docxDefaults.maxComments,
    summary: options.summary ?? docxDefaults.summary,
    paper: options.paper ?? docxDefaults.paper,
    date: documentDate(options.date),
    title: options.title,
  };
}

/** The fixed date asked for, else `SOURCE_DATE_EPOCH` (seconds), else now; whole seconds. */
export function documentDate(value: Date | string | number | undefined): Date {
  if (value === undefined) {
    const epoch = process.env.SOURCE_DATE_EPOCH;
    if (epoch === undefined || epoch.trim() === '') return new Date(Math.floor(Date.now() / 1000) * 1000);
    if (!/^\d+$/.test(epoch.trim()))
      throw invalidOption('SOURCE_DATE_EPOCH', 'must be a whole number of seconds');
    return new Date(Number(epoch) * 1000);
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidOption('date', 'must be a valid date');
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
