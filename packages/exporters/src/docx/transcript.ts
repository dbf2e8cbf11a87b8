// The transcript body from the shared layout: section headings (Heading 2/3), paragraphs (long turns split by
// the layout's rule, as in txt and Markdown) and numbered items (Word numbering), each paragraph opening with
// a `[hh:mm:ss]` timestamp and a block's first with the speaker's name. Consecutive plain words share one
// run; only marked words (low confidence, PHI, redacted) and comment anchors get runs of their own, and a
// word's leading space always stays in the plain run so shading covers the word only.

import { formatClock, type Transcript } from '@scribekit/core';
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
import type { DocumentLayout } from '../layout/types.js';
import { phiTokenMask } from '../phi-mask.js';
import type { AlternativeComments } from './comments.js';
import { COLORS, STYLE } from './styles.js';
import { xmlSafe } from './xml-text.js';

export interface TranscriptRenderOptions {
  /** Words with a confidence below this are marked. */
  readonly threshold: number;
  /** Mark words inside PHI entities (ignored for redacted transcripts, where placeholders are marked). */
  readonly highlightPhi: boolean;
  readonly comments: AlternativeComments | null;
  /** A block's display name as written in the document (made XML-safe). */
  readonly nameOf: (label: string) => string;
}

const PART_MS = 30 * 60_000;

/** The numbering definition numbered items use (one instance per list, so each list counts from 1). */
export const ITEM_NUMBERING = 'scribekit-items';

export function transcriptParagraphs(
  t: Transcript,
  layout: DocumentLayout,
  o: TranscriptRenderOptions,
): Paragraph[] {
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
  // Long recordings without sections get a Heading 2 every 30 minutes, for Word's navigation pane.
  const parts = !layout.structured && t.durationMs > PART_MS;
  let nextPart = 0;
  let list = 0;
  for (const section of layout.sections) {
    if (section.heading) {
      paragraphs.push(
        new Paragraph({
          heading: section.heading.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          text: xmlSafe(section.heading.text),
        }),
      );
    }
    let inList = false;
    for (const block of section.blocks) {
      block.paragraphs.forEach((p, b) => {
        if (parts && p.startMs >= nextPart) {
          const from = Math.floor(p.startMs / PART_MS) * PART_MS;
          paragraphs.push(
            new Paragraph({ heading: HeadingLevel.HEADING_2, text: `From ${formatClock(from)}` }),
          );
          nextPart = from + PART_MS;
        }
        const children: ParagraphChild[] = [
          new TextRun({ text: `[${formatClock(p.startMs)}]`, style: STYLE.timestamp }),
        ];
        const name = b === 0 && block.label !== null ? o.nameOf(block.label) : null;
        if (name !== null)
          children.push(new TextRun(' '), new TextRun({ text: `${name}:`, style: STYLE.speaker }));
        wordRuns(
          t,
          layout,
          p.item ? p.item.markerEnd : p.first,
          p.end,
          p.opens === true,
          o,
          phi,
          open,
          children,
        );
        if (p.item && !inList) {
          inList = true;
          list++;
        }
        paragraphs.push(
          new Paragraph({
            style: STYLE.turn,
            ...(p.item ? { numbering: { reference: ITEM_NUMBERING, level: 0, instance: list } } : {}),
            children,
          }),
        );
      });
    }
  }
  return paragraphs;
}

/** Appends the runs of tokens `[first, end)` to `children`. */
function wordRuns(
  t: Transcript,
  layout: DocumentLayout,
  first: number,
  end: number,
  capitalise: boolean,
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
  let leading = true;
  for (let k = first; k < end; k++) {
    const tok = t.tokens[k]!;
    // A consumed spoken command writes its mark (`.` for "period") or nothing.
    const replaced = layout.consumed.get(k);
    let word = xmlSafe(replaced ?? tok.text);
    if (leading && capitalise && word !== '') {
      word = word.charAt(0).toUpperCase() + word.slice(1);
      leading = false;
    }
    // Empty tokens add nothing, but a comment anchored on one still opens and closes.
    if (word === '' && !starts?.has(k) && !ends?.has(k)) continue;
    const space = k > first && tok.spaceBefore && replaced === undefined ? ' ' : '';
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
