// Speaker paragraphs shared by the plain-text and Markdown writers: one per turn, every token exactly once.
import { formatClock, joinTokens, type Token, type Transcript } from '@scribekit/core';
import { displayName } from '../common.js';
import type { CommonOptions } from '../types.js';

export interface Paragraph {
  /** Speaker (or channel) display name, or null without diarization. */
  readonly label: string | null;
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
}

/**
 * The transcript as speaker paragraphs in token order. Turns give the paragraphs; tokens no turn covers
 * (a gap or no turns at all) become paragraphs of their own, so no token is dropped or repeated.
 */
export function paragraphs(t: Transcript, options: CommonOptions | undefined): Paragraph[] {
  const out: Paragraph[] = [];
  const push = (tokens: readonly Token[], id: string | null) => {
    const text = joinTokens(tokens);
    if (text === '') return;
    out.push({
      label: displayName(t, id, options),
      startMs: tokens[0]!.startMs,
      endMs: tokens[tokens.length - 1]!.endMs,
      text,
    });
  };
  const turns = [...t.turns].sort((a, b) => a.firstToken - b.firstToken);
  let next = 0;
  for (const turn of turns) {
    const first = Math.max(turn.firstToken, next);
    if (first > next) pushUncovered(t.tokens.slice(next, first), push);
    if (turn.endToken > first) push(t.tokens.slice(first, turn.endToken), turn.speaker ?? turn.channel);
    next = Math.max(next, turn.endToken);
  }
  if (next < t.tokens.length) pushUncovered(t.tokens.slice(next), push);
  return out;
}

/** Tokens outside any turn, split where the speaker (or channel) changes. */
function pushUncovered(
  tokens: readonly Token[],
  push: (tokens: readonly Token[], id: string | null) => void,
) {
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const a = tokens[start]!;
    const b = tokens[i];
    if (b === undefined || (b.speaker ?? b.channel) !== (a.speaker ?? a.channel)) {
      push(tokens.slice(start, i), a.speaker ?? a.channel);
      start = i;
    }
  }
}

/** `00:01:02–00:01:09` */
export function timeRange(p: Paragraph): string {
  return `${formatClock(p.startMs)}–${formatClock(p.endMs)}`;
}

/** Title-case of a summary section name: `CHIEF_COMPLAINT` → `Chief complaint`. */
export function sectionTitle(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A summary bullet as one line: the service's own leading `-`/`•` dropped, line breaks folded. */
export function bulletText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/^\s*[-•*]\s+/, '')
    .trim();
}
