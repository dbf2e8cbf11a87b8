// The transcript as a text-based PHI detector reads it: reader text (spacing from text.ts, a line break at
// every turn change) with each token's offsets in it, plus the code-point → UTF-16 conversion that
// Amazon Comprehend Medical's offsets need (they count Unicode code points; JavaScript strings count UTF-16
// code units, so every character outside the BMP — most emoji, rare CJK — counts once there and twice here).
import type { Transcript } from './model.js';

/** The transcript text and where each token sits in it. Offsets are UTF-16 indexes into `text`. */
export interface PhiText {
  /** Tokens joined as a reader sees them; turns separated by `\n`; lone surrogates replaced by U+FFFD. */
  readonly text: string;
  /** Where token i starts in `text` (an empty token: where it would be; it covers nothing). */
  readonly tokenStart: Int32Array;
  /** One past where token i ends (equal to `tokenStart[i]` for an empty token). Never decreases. */
  readonly tokenEnd: Int32Array;
}

/** A lone surrogate (no pair): JSON/UTF-8 cannot carry it, so it becomes U+FFFD (same UTF-16 length). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The transcript's text with token offsets. Spacing follows `joinTokens` (each token's `spaceBefore`;
 * empty tokens are skipped), except that a token opening a new turn is preceded by a line break instead,
 * so the last sentence of one speaker and the first of the next never run together.
 */
export function phiTextOf(t: Transcript): PhiText {
  const n = t.tokens.length;
  const tokenStart = new Int32Array(n);
  const tokenEnd = new Int32Array(n);
  const opensTurn = new Uint8Array(n);
  for (const turn of t.turns) if (turn.firstToken > 0 && turn.firstToken < n) opensTurn[turn.firstToken] = 1;
  const parts: string[] = [];
  let length = 0;
  let pendingBreak = false;
  for (let i = 0; i < n; i++) {
    const tok = t.tokens[i]!;
    if (opensTurn[i]) pendingBreak = true;
    if (tok.text === '') {
      tokenStart[i] = length;
      tokenEnd[i] = length;
      continue;
    }
    if (length > 0) {
      const separator = pendingBreak ? '\n' : tok.spaceBefore ? ' ' : '';
      if (separator !== '') {
        parts.push(separator);
        length += 1;
      }
    }
    pendingBreak = false;
    const text = wellFormed(tok.text);
    tokenStart[i] = length;
    parts.push(text);
    length += text.length;
    tokenEnd[i] = length;
  }
  return { text: parts.join(''), tokenStart, tokenEnd };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A converter from code-point offsets into `text` (what DetectPHI's `BeginOffset`/`EndOffset` count) to
 * UTF-16 indexes (what `String.prototype.slice` takes). Offsets past the end clamp to `text.length`.
 * O(1) per call after one O(n) pass; the identity when `text` has no characters outside the BMP.
 */
export function utf16Offsets(text: string): (codePointOffset: number) => number {
  if (!SURROGATE.test(text)) return (cp) => Math.min(Math.max(0, cp), text.length);
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    index.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  index.push(text.length);
  const table = Int32Array.from(index);
  const last = table.length - 1;
  return (cp) => table[Math.min(Math.max(0, cp), last)]!;
}

/** Number of Unicode code points in `text` (the "characters" DetectPHI counts and bills). */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
