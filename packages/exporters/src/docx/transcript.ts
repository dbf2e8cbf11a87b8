// The transcript body: one paragraph per speaker turn (long turns split at sentence ends), each opening with
// a `[hh:mm:ss]` timestamp and the speaker's name. Consecutive plain words share one run; only marked words
// (low confidence, PHI, redacted) and comment anchors get runs of their own, and a word's leading space
// always stays in the plain run so shading covers the word only.

import { formatClock, type Transcript, type Turn } from '@scribekit/core';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  HeadingLevel,
  Paragraph,
  type ParagraphChild,
  TextRun,
  UnderlineType,
} from 'docx';
import type { AlternativeComments } from './comments.js';
import { COLORS, STYLE } from './styles.js';
import { xmlSafe } from './xml-text.js';

export interface TranscriptRenderOptions {
  /** Words with a confidence below this are marked. */
  readonly threshold: number;
  /** Mark words inside PHI entities (ignored for redacted transcripts, where placeholders are marked). */
  readonly highlightPhi: boolean;
  readonly comments: AlternativeComments | null;
  /** Speaker display name of a turn, or null (dictation without labels). */
  readonly nameOf: (turn: Turn) => string | null;
}

/** A paragraph starts a new block at a sentence end after this many words, and at any word after the hard limit. */
const SOFT_WORDS = 80;
const HARD_WORDS = 250;
const SENTENCE_END = /[.?!。？！]$/u;
const PART_MS = 30 * 60_000;

/** Token ranges `[first, end)` of the paragraphs of one turn. */
export function turnBlocks(t: Transcript, turn: Turn): [number, number][] {
  const blocks: [number, number][] = [];
  let first = turn.firstToken;
  let words = 0;
  for (let k = turn.firstToken; k < turn.endToken; k++) {
    const tok = t.tokens[k]!;
    if (tok.kind !== 'word') continue;
    if (
      k > first &&
      (words >= HARD_WORDS || (words >= SOFT_WORDS && SENTENCE_END.test(t.tokens[k - 1]!.text)))
    ) {
      blocks.push([first, k]);
      first = k;
      words = 0;
    }
    words++;
  }
  if (turn.endToken > first) blocks.push([first, turn.endToken]);
  return blocks;
}

/** For each token, 1 + the index of the PHI entity covering it (words only, as `redact` does), else 0. */
export function phiTokenMask(t: Transcript): Int32Array {
  const mask = new Int32Array(t.tokens.length);
  t.entities.forEach((e, i) => {
    for (let k = Math.max(0, e.firstToken); k < e.endToken && k < t.tokens.length; k++) {
      if (t.tokens[k]!.kind === 'word') mask[k] = i + 1;
    }
  });
  return mask;
}

export function transcriptParagraphs(t: Transcript, o: TranscriptRenderOptions): Paragraph[] {
  if (t.tokens.length === 0) {
    return [
      new Paragraph({
        style: STYLE.turn,
        children: [new TextRun({ text: 'This transcript contains no words.', italics: true })],
      }),
    ];
  }
  const phi = o.highlightPhi && !t.redaction ? phiTokenMask(t) : null;
  const open = new Set<number>();
  const paragraphs: Paragraph[] = [];
  // Long recordings get a Heading 2 every 30 minutes, for Word's navigation pane.
  const parts = t.durationMs > PART_MS;
  let nextPart = 0;
  for (const turn of t.turns) {
    const name = o.nameOf(turn);
    const blocks = turnBlocks(t, turn);
    blocks.forEach(([first, end], b) => {
      const startMs = t.tokens[first]!.startMs;
      if (parts && startMs >= nextPart) {
        const from = Math.floor(startMs / PART_MS) * PART_MS;
        paragraphs.push(
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: `From ${formatClock(from)}` }),
        );
        nextPart = from + PART_MS;
      }
      const children: ParagraphChild[] = [
        new TextRun({ text: `[${formatClock(startMs)}]`, style: STYLE.timestamp }),
      ];
      if (name !== null && b === 0)
        children.push(new TextRun(' '), new TextRun({ text: `${name}:`, style: STYLE.speaker }));
      wordRuns(t, first, end, o, phi, open, children);
      paragraphs.push(new Paragraph({ style: STYLE.turn, children }));
    });
  }
  return paragraphs;
}

/** Appends the runs of tokens `[first, end)` to `children`. */
function wordRuns(
  t: Transcript,
  first: number,
  end: number,
  o: TranscriptRenderOptions,
  phi: Int32Array | null,
  open: Set<number>,
  children: ParagraphChild[],
): void {
  const starts = o.comments?.startsAt;
  const ends = o.comments?.endsAt;
  // The run being built: plain text, or the words of one PHI entity (the spaces inside it included).
  let text = ' ';
  let mark = PLAIN;
  const flush = () => {
    if (text !== '') children.push(runOf(text, mark));
    text = '';
    mark = PLAIN;
  };
  for (let k = first; k < end; k++) {
    const tok = t.tokens[k]!;
    const word = xmlSafe(tok.text);
    // Empty tokens add nothing, but a comment anchored on one still opens and closes.
    if (word === '' && !starts?.has(k) && !ends?.has(k)) continue;
    const space = k > first && tok.spaceBefore ? ' ' : '';
    const startIds = starts?.get(k);
    const low = tok.kind === 'word' && tok.confidence !== null && tok.confidence < o.threshold;
    const entity = phi?.[k] ?? 0;
    const next: Mark =
      tok.redactedAs !== undefined || tok.serviceRedaction !== undefined
        ? REDACTED
        : entity > 0
          ? { style: STYLE.phi, low, entity }
          : low
            ? LOW
            : PLAIN;
    // The space before a word joins the run only inside one PHI entity; otherwise it stays plain.
    const joins = !startIds && next.entity > 0 && next.entity === mark.entity && next.low === mark.low;
    if (joins) text += space + word;
    else {
      if (mark !== PLAIN) flush();
      text += space;
      if (startIds || next !== PLAIN) flush();
      if (startIds) {
        for (const id of startIds) {
          children.push(new CommentRangeStart(id));
          open.add(id);
        }
      }
      text += word;
      mark = next;
      // Punctuation after a marked word, and each redacted or low-confidence word, gets a run of its own.
      if (next === REDACTED || next === LOW) flush();
    }
    const endIds = ends?.get(k);
    if (endIds) {
      flush();
      for (const id of endIds) if (open.delete(id)) closeComment(id, children);
    }
  }
  flush();
  // A comment whose words run on into the next paragraph ends with this one.
  for (const id of open) closeComment(id, children);
  open.clear();
}

interface Mark {
  readonly style: string | null;
  readonly low: boolean;
  /** 1 + index of the PHI entity, or 0. */
  readonly entity: number;
}
const PLAIN: Mark = { style: null, low: false, entity: 0 };
const LOW: Mark = { style: STYLE.lowConfidence, low: true, entity: 0 };
const REDACTED: Mark = { style: STYLE.redacted, low: false, entity: 0 };

function runOf(text: string, mark: Mark): TextRun {
  if (mark.style === null) return new TextRun(text);
  if (mark.entity > 0 && mark.low) {
    // PHI and low confidence at once: the PHI style plus the low-confidence dotted underline.
    return new TextRun({
      text,
      style: mark.style,
      underline: { type: UnderlineType.DOTTED, color: COLORS.lowConfidenceLine },
    });
  }
  return new TextRun({ text, style: mark.style });
}

function closeComment(id: number, children: ParagraphChild[]): void {
  children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
}
