// Reader-facing text: where spaces go between tokens, and how token runs join into text.
import type { Token, TokenKind, Transcript } from './model.js';

/**
 * Han, Hiragana, Katakana (incl. half-width), CJK punctuation: scripts written without spaces.
 * Hangul is not here: Korean separates words with spaces.
 */
function isUnspaced(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x30ff) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/** Punctuation that attaches to the word after it rather than before it. */
const OPENING = /^[([{¿¡"“‘«]+$/u;

/** Whether a reader expects a space between `prev` and a token of `kind` with `text`. */
export function needsSpaceBefore(
  prevText: string | null,
  kind: TokenKind,
  text: string,
  prevKind?: TokenKind,
): boolean {
  if (prevText === null || prevText === '' || text === '') return false;
  if (kind === 'punctuation') return text.length <= 2 && OPENING.test(text);
  if (prevKind === 'punctuation' && prevText.length <= 2 && OPENING.test(prevText)) return false;
  return !(isUnspaced(prevText.charCodeAt(prevText.length - 1)) && isUnspaced(text.charCodeAt(0)));
}

/** Joins tokens into reader text: punctuation attached, CJK unspaced, no double spaces. */
export function joinTokens(
  tokens: readonly Pick<Token, 'text' | 'spaceBefore'>[],
  textOf?: (i: number) => string,
): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const text = textOf ? textOf(i) : t.text;
    if (text === '') continue;
    out += out !== '' && t.spaceBefore ? ` ${text}` : text;
  }
  return out;
}

/** The whole transcript as one string (turns separated by newlines when there are several speakers). */
export function transcriptText(t: Transcript): string {
  return joinTokens(t.tokens);
}
