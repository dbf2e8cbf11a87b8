// The document layout every full-text writer shares: sections (spoken headings in a dictation), speaker blocks,
// paragraphs and numbered items, as token ranges. Computed once per export (`RenderContext.layout()`), so txt,
// Markdown, DOCX, FHIR, HL7 and HTML have the same paragraph starts and headings.
import type { SectionCode } from '@scribekit/core';

export interface LayoutHeading {
  /** Stable id of the heading (`history-of-present-illness`). */
  readonly id: string;
  /** Canonical title (`History of present illness`), for coded sections (FHIR Composition, HL7). */
  readonly title: string;
  readonly level: 1 | 2;
  /** LOINC section code, when one is sourced. */
  readonly code?: SectionCode | undefined;
  /** The spoken heading: tokens `[first, end)`, its words and the punctuation right after them. */
  readonly first: number;
  readonly end: number;
  /** The heading's words as spoken (first letter capitalised, no trailing punctuation): the heading text. */
  readonly text: string;
}

export interface LayoutItem {
  /** The item's number. */
  readonly ordinal: number;
  /** One past the spoken marker (`one,`): the marker tokens `[paragraph.first, markerEnd)` are written as the number. */
  readonly markerEnd: number;
}

export interface LayoutParagraph {
  /** Tokens `[first, end)`. */
  readonly first: number;
  readonly end: number;
  /** Start of its first word and end of its last (ms). */
  readonly startMs: number;
  readonly endMs: number;
  /** Set on the first paragraph of a numbered-list item. */
  readonly item?: LayoutItem | undefined;
  /** Opens a section body or an item: its first letter is written capitalised (`PLAN: Continue …`). */
  readonly opens?: true | undefined;
}

/** One speaker's run of paragraphs (a turn, or the stretch of a turn inside one section). */
export interface LayoutBlock {
  /** Speaker or channel id, or null. */
  readonly speaker: string | null;
  /** Display name to write, or null (no diarization, or a one-voice dictation). */
  readonly label: string | null;
  readonly startMs: number;
  readonly endMs: number;
  readonly paragraphs: readonly LayoutParagraph[];
}

export interface LayoutSection {
  /** Null for the words before the first heading (or for the whole transcript without sections). */
  readonly heading: LayoutHeading | null;
  readonly blocks: readonly LayoutBlock[];
}

export interface DocumentLayout {
  /** Sections were looked for (a dictation, or `sections: 'on'`). */
  readonly structured: boolean;
  readonly sections: readonly LayoutSection[];
  /**
   * Spoken formatting commands consumed under `dictationCommands`: token index → the text written in its
   * place (`.` for a spoken `period`; '' for the other tokens of a command). Empty otherwise.
   */
  readonly consumed: ReadonlyMap<number, string>;
  /** How many spoken commands were applied. */
  readonly commandsApplied: number;
}
