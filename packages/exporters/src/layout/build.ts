// Builds the document layout from a prepared transcript: speaker runs (turns, and tokens no turn covers),
// spoken section headings in dictations, numbered items in list sections, spoken commands when asked for,
// and paragraph breaks for long stretches (core's dictation algorithms). Every token is in exactly one
// heading or paragraph range, in order; linear in the tokens.
import {
  type DetectedSection,
  detectSections,
  numberedItems,
  paragraphBreaks,
  spokenCommands,
  type Token,
  type Transcript,
} from '@scribekit/core';
import { displayName } from '../common.js';
import type { CommonOptions } from '../types.js';
import type { ResolvedLayoutOptions } from './resolve.js';
import type { DocumentLayout, LayoutBlock, LayoutHeading, LayoutParagraph, LayoutSection } from './types.js';

interface Run {
  readonly first: number;
  readonly end: number;
  readonly speaker: string | null;
}

const idOf = (tok: Token) => tok.speaker ?? tok.channel;

/** Token ranges by speaker: the turns, and tokens outside any turn split where the speaker changes. */
function speakerRuns(t: Transcript): Run[] {
  const runs: Run[] = [];
  const uncovered = (from: number, to: number) => {
    let start = from;
    for (let i = from + 1; i <= to; i++) {
      if (i === to || idOf(t.tokens[i]!) !== idOf(t.tokens[start]!)) {
        runs.push({ first: start, end: i, speaker: idOf(t.tokens[start]!) });
        start = i;
      }
    }
  };
  const turns = [...t.turns].sort((a, b) => a.firstToken - b.firstToken);
  let next = 0;
  for (const turn of turns) {
    const first = Math.max(turn.firstToken, next);
    if (first > next) uncovered(next, first);
    const end = Math.min(turn.endToken, t.tokens.length);
    if (end > first) runs.push({ first, end, speaker: turn.speaker ?? turn.channel });
    next = Math.max(next, end);
  }
  if (next < t.tokens.length) uncovered(next, t.tokens.length);
  return runs;
}

/** A dictation: the job says so, or one voice speaks (at most one speaker or channel id). */
export function isDictation(t: Transcript): boolean {
  if (t.metadata.type === 'DICTATION') return true;
  if (t.metadata.type === 'CONVERSATION') return false;
  const ids = new Set<string>();
  for (const tok of t.tokens) {
    const id = idOf(tok);
    if (id !== null) ids.add(id);
    if (ids.size > 1) return false;
  }
  return true;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Lays out `t` (already prepared: redacted when asked for). */
export function buildLayout(t: Transcript, o: ResolvedLayoutOptions, names: CommonOptions): DocumentLayout {
  const tokens = t.tokens;
  const n = tokens.length;
  const structured = o.sections === 'on' || (o.sections === 'auto' && n > 0 && isDictation(t));

  // Spoken commands: consumed tokens, forced paragraph starts, forced item starts.
  const consumed = new Map<number, string>();
  const breaks = new Set<number>();
  const itemStarts = new Map<number, number | undefined>();
  let commandsApplied = 0;
  if (o.dictationCommands && n > 0) {
    for (const c of spokenCommands(tokens, 0, n)) {
      commandsApplied++;
      const mark = c.kind === 'period' ? '.' : c.kind === 'comma' ? ',' : c.kind === 'colon' ? ':' : '';
      for (let k = c.start; k < c.end; k++) consumed.set(k, k === c.start ? mark : '');
      if (c.kind === 'new-paragraph' || c.kind === 'new-line') breaks.add(c.end);
      if (c.kind === 'next-number') itemStarts.set(c.end, c.number);
    }
  }

  const detected: DetectedSection[] = structured
    ? detectSections(tokens, 0, n, { headings: o.headings, spokenPunctuation: o.dictationCommands })
    : [];
  const runs = speakerRuns(t);
  const voices = new Set(runs.map((r) => r.speaker).filter((s) => s !== null)).size;
  // In a one-voice dictation the speaker's name on every block is noise; with several voices it stays.
  const labelled = !structured || voices > 1 || detected.length === 0;

  const hasText = (first: number, end: number) => {
    for (let k = first; k < end; k++) if (tokens[k]!.text !== '' && consumed.get(k) !== '') return true;
    return false;
  };
  const paragraph = (first: number, end: number, item?: LayoutParagraph['item']): LayoutParagraph | null => {
    if (!hasText(first, end)) return null;
    return {
      first,
      end,
      startMs: tokens[first]!.startMs,
      endMs: tokens[end - 1]!.endMs,
      ...(item ? { item, opens: true as const } : {}),
    };
  };
  /** Paragraphs of `[first, end)`: forced breaks first, then the long-stretch rule inside each piece. */
  const paragraphsOf = (
    first: number,
    end: number,
    out: LayoutParagraph[],
    item?: LayoutParagraph['item'],
  ) => {
    const cuts = [first];
    for (let k = first + 1; k < end; k++) if (breaks.has(k)) cuts.push(k);
    cuts.push(end);
    let pendingItem = item;
    for (let c = 0; c + 1 < cuts.length; c++) {
      const a = cuts[c]!;
      const b = cuts[c + 1]!;
      const starts = [a, ...paragraphBreaks(tokens, a, b), b];
      for (let p = 0; p + 1 < starts.length; p++) {
        const para = paragraph(starts[p]!, starts[p + 1]!, pendingItem);
        if (para) {
          out.push(para);
          pendingItem = undefined;
        }
      }
    }
  };
  /** A block's paragraphs; in a list section, numbered items (spoken, or "next number") first. */
  const blockParagraphs = (first: number, end: number, lists: boolean): LayoutParagraph[] => {
    const out: LayoutParagraph[] = [];
    const items = lists ? numberedItems(tokens, first, end) : [];
    const forced = [...itemStarts.keys()].filter((k) => k >= first && k < end);
    if (items.length === 0 && forced.length === 0) {
      paragraphsOf(first, end, out);
      return out;
    }
    // Spoken items, and "next number" commands (which number on from the item before them).
    const starts: { at: number; markerEnd: number; ordinal?: number | undefined }[] = [
      ...items.map((i) => ({ at: i.markerStart, markerEnd: i.markerEnd, ordinal: i.ordinal })),
      ...forced.map((k) => ({ at: k, markerEnd: k, ordinal: itemStarts.get(k) })),
    ].sort((a, b) => a.at - b.at);
    if (starts[0]!.at > first) paragraphsOf(first, starts[0]!.at, out);
    let ordinal = 0;
    starts.forEach((s, i) => {
      ordinal = s.ordinal ?? ordinal + 1;
      const itemEnd = starts[i + 1]?.at ?? end;
      paragraphsOf(s.at, itemEnd, out, { ordinal, markerEnd: s.markerEnd });
    });
    return out;
  };
  /** The blocks of a section body `[first, end)`, one per speaker run that meets it. */
  let runIndex = 0;
  const blocksOf = (first: number, end: number, lists: boolean): LayoutBlock[] => {
    const out: LayoutBlock[] = [];
    while (runIndex < runs.length && runs[runIndex]!.end <= first) runIndex++;
    for (let r = runIndex; r < runs.length && runs[r]!.first < end; r++) {
      const run = runs[r]!;
      const a = Math.max(first, run.first);
      const b = Math.min(end, run.end);
      if (b <= a) continue;
      const paragraphs = blockParagraphs(a, b, lists);
      if (paragraphs.length === 0) continue;
      out.push({
        speaker: run.speaker,
        label: labelled ? displayName(t, run.speaker, names) : null,
        startMs: paragraphs[0]!.startMs,
        endMs: paragraphs[paragraphs.length - 1]!.endMs,
        paragraphs,
      });
    }
    return out;
  };

  const sections: LayoutSection[] = [];
  const firstHeading = detected[0]?.headingStart ?? n;
  if (firstHeading > 0) {
    const blocks = blocksOf(0, firstHeading, false);
    if (blocks.length > 0) sections.push({ heading: null, blocks });
  }
  for (const d of detected) {
    const words: string[] = [];
    for (let k = d.headingStart; k < d.headingEnd; k++) {
      const tok = tokens[k]!;
      if (tok.kind === 'word' && tok.text !== '' && consumed.get(k) !== '') words.push(tok.text);
    }
    const heading: LayoutHeading = {
      id: d.id,
      title: d.title,
      level: d.level,
      ...(d.code ? { code: d.code } : {}),
      first: d.headingStart,
      end: d.headingEnd,
      text: capitalise(words.join(' ')),
    };
    const blocks = blocksOf(d.headingEnd, d.bodyEnd, d.lists);
    const lead = blocks[0]?.paragraphs[0];
    if (lead && !lead.opens) (blocks[0]!.paragraphs as LayoutParagraph[])[0] = { ...lead, opens: true };
    sections.push({ heading, blocks });
  }
  return { structured, sections, consumed, commandsApplied };
}

/** The written text of tokens `[first, end)`: consumed commands left out (a spoken `period` becomes `.`). */
export function rangeText(t: Transcript, layout: DocumentLayout, first: number, end: number): string {
  let out = '';
  for (let k = first; k < end; k++) {
    const tok = t.tokens[k]!;
    const replaced = layout.consumed.get(k);
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    if (tok.text === '') continue;
    out += out !== '' && tok.spaceBefore ? ` ${tok.text}` : tok.text;
  }
  return out;
}

/** A paragraph's text without its list marker (the marker is written as the item's number). */
export function paragraphText(t: Transcript, layout: DocumentLayout, p: LayoutParagraph): string {
  const text = rangeText(t, layout, p.item ? p.item.markerEnd : p.first, p.end);
  return p.opens ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
