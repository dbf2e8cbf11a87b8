// Recognition alternatives as Word comments: anchored on the word (token alternatives) or on the words of the
// audio stretch an n-best segment covers. Only built when asked for.

import type { Transcript } from '@scribekit/core';
import { type ICommentOptions, Paragraph, TextRun } from 'docx';
import { xmlSafeLine } from './xml-text.js';

export interface AlternativeComments {
  readonly comments: ICommentOptions[];
  /** Comment ids whose range starts at a token index. */
  readonly startsAt: Map<number, number[]>;
  /** Comment ids whose range ends after a token index. */
  readonly endsAt: Map<number, number[]>;
}

const percent = (c: number | null) => (c === null ? '' : ` (${Math.round(c * 100)}%)`);

/** Comments for up to `max` alternatives, in transcript order. */
export function alternativeComments(t: Transcript, date: Date, max: number): AlternativeComments {
  const anchors: { first: number; last: number; lines: string[] }[] = [];
  for (const tok of t.tokens) {
    if (tok.kind === 'word' && tok.alternatives && tok.alternatives.length > 0) {
      const lines = [`Confidence${percent(tok.confidence)}. Alternatives:`];
      for (const alt of tok.alternatives) lines.push(`• ${xmlSafeLine(alt.text)}${percent(alt.confidence)}`);
      anchors.push({ first: tok.index, last: tok.index, lines });
    }
  }
  if (t.alternatives.length > 0) {
    const words = t.tokens.filter((tok) => tok.kind === 'word');
    for (const seg of t.alternatives) {
      if (seg.alternatives.length < 2) continue;
      const a = lowerBound(words, seg.startMs);
      const b = lowerBound(words, Math.max(seg.endMs, seg.startMs + 1)) - 1;
      const first = words[a];
      const last = words[b];
      if (first === undefined || last === undefined || b < a) continue;
      const lines = ['Alternatives:'];
      seg.alternatives.forEach((alt, i) => {
        lines.push(`${i + 1}. ${xmlSafeLine(alt.text)}`);
      });
      anchors.push({ first: first.index, last: last.index, lines });
    }
  }
  anchors.sort((x, y) => x.first - y.first || x.last - y.last);
  const comments: ICommentOptions[] = [];
  const startsAt = new Map<number, number[]>();
  const endsAt = new Map<number, number[]>();
  for (const anchor of anchors.slice(0, max)) {
    const id = comments.length;
    comments.push({
      id,
      author: 'scribekit',
      initials: 'SK',
      date,
      children: anchor.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    });
    push(startsAt, anchor.first, id);
    push(endsAt, anchor.last, id);
  }
  return { comments, startsAt, endsAt };
}

function push(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Index of the first word starting at or after `ms` (word starts never decrease). */
function lowerBound(words: readonly { startMs: number }[], ms: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.startMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
