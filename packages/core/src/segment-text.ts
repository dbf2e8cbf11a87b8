// Splits a segment's text into word and punctuation drafts, timed evenly across the segment.
// Used when a HealthScribe segment has text but no transcript items of its own.
import type { TokenKind } from './model.js';

export interface TextPiece {
  kind: TokenKind;
  text: string;
}

const LEADING = /^[([{¿¡"“‘«]+/u;
const TRAILING = /[.,!?;:…)\]}"”’»]+$/u;

/**
 * Whitespace-separated chunks, each split into leading punctuation, a word, and trailing punctuation
 * (each punctuation mark its own token). A chunk with no letters or digits is punctuation.
 */
export function splitSegmentText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const chunk of text.split(/\s+/u)) {
    if (chunk === '') continue;
    if (!/[\p{L}\p{N}]/u.test(chunk)) {
      pieces.push({ kind: 'punctuation', text: chunk });
      continue;
    }
    const lead = LEADING.exec(chunk)?.[0] ?? '';
    const rest = chunk.slice(lead.length);
    const trail = TRAILING.exec(rest)?.[0] ?? '';
    for (const mark of lead) pieces.push({ kind: 'punctuation', text: mark });
    pieces.push({ kind: 'word', text: rest.slice(0, rest.length - trail.length) });
    for (const mark of trail) pieces.push({ kind: 'punctuation', text: mark });
  }
  return pieces;
}

/** Gives each word a share of `[startMs, endMs]` proportional to its length (integer ms, in order). */
export function timeEvenly(
  pieces: readonly TextPiece[],
  startMs: number,
  endMs: number,
): { startMs: number; endMs: number }[] {
  let total = 0;
  for (const p of pieces) if (p.kind === 'word') total += p.text.length;
  const span = Math.max(0, endMs - startMs);
  let done = 0;
  return pieces.map((p) => {
    if (p.kind !== 'word') return { startMs: -1, endMs: -1 };
    const from = startMs + Math.round((done / total) * span);
    done += p.text.length;
    return { startMs: from, endMs: startMs + Math.round((done / total) * span) };
  });
}
