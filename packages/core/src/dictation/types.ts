// Shared types of the dictation structure algorithms (sections, numbered items, spoken commands, paragraphs).
// Every function reads canonical tokens over a range `[first, end)` (end exclusive) and returns token indexes.
import type { Token } from '../model.js';

/** The token fields the dictation algorithms read (a canonical `Token` has them all). */
export type DictationToken = Pick<Token, 'kind' | 'text' | 'startMs' | 'endMs' | 'spaceBefore'>;

/** A LOINC section code (only set where a source gives it). */
export interface SectionCode {
  readonly system: 'http://loinc.org';
  readonly code: string;
  /** The LOINC short display of the code, e.g. `History of Present illness Narrative`. */
  readonly display: string;
}

/** One note section heading: its canonical title, how clinicians say it, and its code. */
export interface HeadingSpec {
  /** Stable id, e.g. `history-of-present-illness`. */
  readonly id: string;
  /** Canonical title in sentence case, e.g. `History of present illness`. */
  readonly title: string;
  /**
   * Spoken forms in lower case, e.g. `['history of present illness', 'hpi', 'present illness']`. Matching
   * ignores case, hyphens, spaces between word parts (`pre operative` = `preoperative`) and a final `s`/`es`.
   */
  readonly spoken: readonly string[];
  /** LOINC section code, only when sourced. */
  readonly code?: SectionCode;
  /** 2 = a sub-section (exam parts); recognised only inside one of its `parents`. Default 1. */
  readonly level?: 1 | 2;
  /** Level 2: the section ids it belongs under (e.g. physical examination, review of systems). */
  readonly parents?: readonly string[];
  /** Level 2: may also open a top-level section where no parent is open (e.g. vital signs). */
  readonly topLevel?: boolean;
  /** Numbered items are recognised inside this section (assessment, plan, diagnoses, procedures…). */
  readonly lists?: boolean;
}

/** A section heading found in the tokens, with the extent of its body. */
export interface DetectedSection {
  readonly id: string;
  readonly title: string;
  readonly level: 1 | 2;
  readonly code?: SectionCode;
  /** Whether numbered items are to be looked for in the body (from the heading's spec). */
  readonly lists: boolean;
  /** First token of the spoken heading. */
  readonly headingStart: number;
  /** One past the heading: its words and the punctuation right after them. */
  readonly headingEnd: number;
  /** The body is `[headingEnd, bodyEnd)`: up to the next heading (of any level) or the range end. */
  readonly bodyEnd: number;
}

export interface SectionOptions {
  /**
   * The heading vocabulary. Replaces the built-in `HEADINGS`; to extend them pass
   * `[...HEADINGS, ...yours]` (a later spec with the same spoken form wins). An empty list turns detection off.
   */
  readonly headings?: readonly HeadingSpec[];
  /** Silence (ms) after a heading that counts as the colon when no punctuation follows it. */
  readonly pauseMs?: number;
  /** Silence (ms) before a heading that counts as a sentence end when no punctuation precedes it. */
  readonly startPauseMs?: number;
  /**
   * The user dictates punctuation (spoken commands are on): a spoken `colon`, `comma` or `period` right after
   * the heading words closes the heading and belongs to its range (drop `spokenCommands` results inside
   * heading ranges). Default false: the word stays speech.
   */
  readonly spokenPunctuation?: boolean;
}

/** One item of a spoken numbered list. */
export interface NumberedItem {
  /** The item's number (1, 2, 3 … in sequence). */
  readonly ordinal: number;
  /** The spoken marker (`one`, `1`, `number one`) and the punctuation right after it: `[markerStart, markerEnd)`. */
  readonly markerStart: number;
  readonly markerEnd: number;
  /** One past the item's last token: the next item's marker or the range end. */
  readonly end: number;
}

export interface ListOptions {
  /** Silence (ms) after a marker that counts as its punctuation. */
  readonly pauseMs?: number;
}

export type SpokenCommandKind = 'new-paragraph' | 'new-line' | 'next-number' | 'period' | 'comma' | 'colon';

/** A spoken formatting command: its words and the punctuation the service put right after them. */
export interface SpokenCommand {
  readonly kind: SpokenCommandKind;
  readonly start: number;
  readonly end: number;
  /** `next-number` spoken as `number three`: the number said. */
  readonly number?: number;
}

export interface CommandOptions {
  /** Silence (ms) around a command that counts as a boundary. */
  readonly pauseMs?: number;
}

export interface ParagraphOptions {
  /** Length (characters of joined text) paragraphs aim for when a range must be split. */
  readonly targetChars?: number;
  /** Paragraphs stay at or under this many characters whenever a break exists. */
  readonly maxChars?: number;
  /** Paragraphs stay at or under this much speech (ms, first word start to last word end) at sentence ends. */
  readonly maxMs?: number;
  /** Never exceeded, except by a single token longer than this. */
  readonly hardMaxChars?: number;
}
