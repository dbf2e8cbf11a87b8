// The transcript body: one paragraph per speaker turn (long turns split at sentence ends), each opening with
// a `[hh:mm:ss]` timestamp and the speaker's name. Consecutive plain words share one run; only marked words
// (low confidence, PHI, redacted) and comment anchors get runs of their own, and a word's leading space
// always stays in the plain run so shading covers the word only.
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, type ParagraphChild, TextRun, UnderlineType } from 'docx';
import { formatClock, type Transcript, type Turn } from '@scribekit/core';
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

/** Token ranges `[first, end)` of the paragraphs of one turn. */
export function turnBlocks(t: Transcript, turn: Turn): [number, number][] {
  const blocks: [number, number][] = [];
  let first = turn.firstToken;
  let words = 0;
  for (let k = turn.firstToken; k < turn.endToken; k++) {
    const tok = t.tokens[k]!;
    if (tok.kind !== 'word') continue;
    if (k > first && (words >= HARD_WORDS || (words >= SOFT_WORDS && SENTENCE_END.test(t.tokens[k - 1]!.text)))) {
      blocks.push([first, k]);
      first = k;
      words = 0;
    }
    words++;
  }
  if (turn.endToken > first) blocks.push([first, turn.endToken]);
  return blocks;
}

/** Which tokens fall inside a PHI entity (words only, as `redact` does). */
export function phiTokenMask(t: Transcript): Uint8Array {
  const mask = new Uint8Array(t.tokens.length);
  for (const e of t.entities) {
    for (let k = Math.max(0, e.firstToken); k < e.endToken && k < t.tokens.length; k++) {
      if (t.tokens[k]!.kind === 'word') mask[k] = 1;
    }
  }
  return mask;
}

export function transcriptParagraphs(t: Transcript, o: TranscriptRenderOptions): Paragraph[] {
  if (t.tokens.length === 0) {
    return [new Paragraph({ style: STYLE.turn, children: [new TextRun({ text: 'This transcript contains no words.', italics: true })] })];
  }
  const phi = o.highlightPhi && !t.redaction ? phiTokenMask(t) : null;
  const open = new Set<number>();
  const paragraphs: Paragraph[] = [];
  for (const turn of t.turns) {
    const name = o.nameOf(turn);
    const blocks = turnBlocks(t, turn);
    blocks.forEach(([first, end], b) => {
      const children: ParagraphChild[] = [new TextRun({ text: `[${formatClock(t.tokens[first]!.startMs)}]`, style: STYLE.timestamp })];
      if (name !== null && b === 0) children.push(new TextRun(' '), new TextRun({ text: `${name}:`, style: STYLE.speaker }));
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
  phi: Uint8Array | null,
  open: Set<number>,
  children: ParagraphChild[],
): void {
  const starts = o.comments?.startsAt;
  const ends = o.comments?.endsAt;
  let plain = ' ';
  const flush = () => {
    if (plain !== '') children.push(new TextRun(plain));
    plain = '';
  };
  for (let k = first; k < end; k++) {
    const tok = t.tokens[k]!;
    const text = xmlSafe(tok.text);
    if (text === '') continue;
    if (k > first && tok.spaceBefore) plain += ' ';
    const startIds = starts?.get(k);
    if (startIds) {
      flush();
      for (const id of startIds) {
        children.push(new CommentRangeStart(id));
        open.add(id);
      }
    }
    const low = tok.kind === 'word' && tok.confidence !== null && tok.confidence < o.threshold;
    const redacted = tok.redactedAs !== undefined || tok.serviceRedaction !== undefined;
    if (redacted) {
      flush();
      children.push(new TextRun({ text, style: STYLE.redacted }));
    } else if (phi !== null && phi[k] === 1) {
      flush();
      // PHI and low confidence at once: the PHI style plus the low-confidence dotted underline.
      const underline = low ? { underline: { type: UnderlineType.DOTTED, color: COLORS.lowConfidenceLine } } : {};
      children.push(new TextRun({ text, style: STYLE.phi, ...underline }));
    } else if (low) {
      flush();
      children.push(new TextRun({ text, style: STYLE.lowConfidence }));
    } else {
      plain += text;
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

function closeComment(id: number, children: ParagraphChild[]): void {
  children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
}
