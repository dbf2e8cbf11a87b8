// A tiny builder of canonical tokens for the dictation tests (synthetic, no patient data).
import type { Token } from '@scribekit/core';

/** Milliseconds a word lasts per letter, and the silence between words, in the built tokens. */
export const MS_PER_LETTER = 60;
export const WORD_GAP_MS = 10;

/**
 * Builds tokens from a line of dictation: words separated by spaces; `.` `,` `?` `:` at a word's end become
 * punctuation tokens; `/N/` adds N ms of silence before the next word; `word+N` makes the word last N ms
 * longer (as Transcribe stretches a word over the pause after it); `∅` is a word token with empty text.
 */
export function dictate(text: string, startMs = 0): Token[] {
  const tokens: Token[] = [];
  let t = startMs;
  for (const part of text.split(/\s+/).filter(Boolean)) {
    const pause = /^\/(\d+)\/$/.exec(part);
    if (pause) {
      t += Number(pause[1]);
      continue;
    }
    if (part === '∅') {
      tokens.push(token(tokens.length, 'word', '', t, t, false));
      continue;
    }
    const m = /^(.*?)(?:\+(\d+))?([.,?:]*)$/u.exec(part)!;
    const word = m[1]!;
    if (word !== '') {
      const letters = word.replace(/[^\p{L}\p{N}]/gu, '').length;
      const end = t + MS_PER_LETTER * Math.max(1, letters) + Number(m[2] ?? 0);
      tokens.push(token(tokens.length, 'word', word, t, end, tokens.length > 0));
      t = end + WORD_GAP_MS;
    }
    for (const mark of m[3] ?? '') {
      const at = tokens[tokens.length - 1]?.endMs ?? t;
      tokens.push(token(tokens.length, 'punctuation', mark, at, at, false));
    }
  }
  return tokens;
}

function token(
  index: number,
  kind: Token['kind'],
  text: string,
  startMs: number,
  endMs: number,
  spaceBefore: boolean,
): Token {
  return {
    index,
    kind,
    text,
    startMs,
    endMs,
    timed: kind === 'word',
    confidence: kind === 'word' ? 0.95 : null,
    speaker: null,
    channel: null,
    spaceBefore,
  };
}

/** The text of tokens `[a, b)` joined with single spaces (for readable assertions). */
export function span(tokens: readonly Token[], a: number, b: number): string {
  return tokens
    .slice(a, b)
    .map((t) => t.text)
    .filter(Boolean)
    .join(' ');
}
