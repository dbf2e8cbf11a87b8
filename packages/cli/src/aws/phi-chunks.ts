// The transcript text cut into DetectPHI-sized chunks: each under the byte limit, cut where a turn or a
// sentence ends when one is near the limit (else between words), and starting a little before the
// previous chunk ended, so an entity on a cut is seen whole by one of the two calls.
import type { PhiText, Transcript } from '@scribekit/core';
import { OptionsError } from '@scribekit/core';

/** DetectPHI takes texts of "fewer than 20,000 bytes" of UTF-8 (API reference, `Text`). */
export const DETECT_PHI_MAX_BYTES = 19_999;

export interface ChunkOptions {
  /** UTF-8 bytes per chunk at most. */
  readonly maxBytes?: number;
  /** UTF-16 units (≈ characters) each chunk repeats from the end of the one before it. */
  readonly overlap?: number;
}

export const chunkDefaults = {
  // 5 % under the limit: the quota page speaks of "20 KB", so leave room for a service that counts a little
  // differently; it costs at most one call in twenty more.
  maxBytes: 19_000,
  // Longer than any entity (addresses run to ~100 characters) plus a sentence of context for it.
  overlap: 400,
} as const;

/** One DetectPHI call's text: `text.slice(start, end)` of the transcript text. */
export interface PhiChunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly bytes: number;
}

/** Turn change > sentence end > word boundary: where a cut is least likely to split an entity. */
const Strength = { Word: 1, Sentence: 2, Turn: 3 } as const;
type Strength = (typeof Strength)[keyof typeof Strength];

interface Boundary {
  /** End of the token before the cut (where a chunk may end). */
  readonly end: number;
  /** Start of the token after it (where a chunk may start). */
  readonly start: number;
  readonly strength: Strength;
}

const SENTENCE_END = /[.?!…。？！]$/u;

/** Checks chunk options; throws OptionsError for values the chunker cannot honour. */
export function resolveChunkOptions(options: ChunkOptions = {}): Required<ChunkOptions> {
  const maxBytes = options.maxBytes ?? chunkDefaults.maxBytes;
  const overlap = options.overlap ?? chunkDefaults.overlap;
  if (!Number.isInteger(maxBytes) || maxBytes < 1000 || maxBytes > DETECT_PHI_MAX_BYTES) {
    throw new OptionsError(
      `Expected the DetectPHI chunk size to be an integer from 1000 to ${DETECT_PHI_MAX_BYTES} bytes, got ${maxBytes}`,
    );
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap > Math.floor(maxBytes / 16)) {
    throw new OptionsError(
      `Expected the DetectPHI chunk overlap to be an integer from 0 to ${Math.floor(maxBytes / 16)} characters, got ${overlap}`,
    );
  }
  return { maxBytes, overlap };
}

/**
 * Cuts the text into chunks of at most `maxBytes` UTF-8 bytes. A chunk ends at the latest turn change or
 * sentence end in the second half of what fits, else at the latest word boundary, else (one word longer
 * than a chunk) at the last whole character. The next chunk starts at a word boundary about `overlap`
 * characters earlier (at a sentence start there when one is close). Every chunk ends after the previous
 * one did, so the loop ends; texts made only of spaces are never produced.
 */
export function planChunks(t: Transcript, map: PhiText, options: ChunkOptions = {}): PhiChunk[] {
  const { maxBytes, overlap } = resolveChunkOptions(options);
  const { text } = map;
  const bounds = boundariesOf(t, map);
  const first = firstTextStart(t, map);
  if (first < 0) return [];
  const textEnd = map.text.length;
  const bytes = utf8Prefix(text);
  const chunks: PhiChunk[] = [];
  let a = first;
  let previousEnd = first;
  for (let guard = 0; guard <= text.length; guard++) {
    const limit = lastFitting(bytes, a, maxBytes);
    if (limit >= textEnd) {
      chunks.push(chunk(text, bytes, a, textEnd));
      break;
    }
    // Boundaries ending inside (previousEnd, limit]: the cut must move past the previous chunk's end.
    const hi = lastIndex(bounds, (b) => b.end <= limit);
    const half = a + (limit - a) / 2;
    let cut: Boundary | null = null;
    for (let k = hi; k >= 0 && bounds[k]!.end >= half && bounds[k]!.end > previousEnd; k--) {
      if (bounds[k]!.strength >= Strength.Sentence) {
        cut = bounds[k]!;
        break;
      }
    }
    if (!cut && hi >= 0 && bounds[hi]!.end > previousEnd && bounds[hi]!.end > a) cut = bounds[hi]!;
    const end = cut ? cut.end : wholeCharacter(text, limit);
    chunks.push(chunk(text, bytes, a, end));
    previousEnd = end;
    a = nextStart(text, bounds, a, end, cut, overlap);
  }
  return chunks;
}

function chunk(text: string, bytes: Int32Array, start: number, end: number): PhiChunk {
  return { start, end, text: text.slice(start, end), bytes: bytes[end]! - bytes[start]! };
}

/** Where the chunk after [a, end) starts: `overlap` back from `end`, at a boundary after `a`. */
function nextStart(
  text: string,
  bounds: readonly Boundary[],
  a: number,
  end: number,
  cut: Boundary | null,
  overlap: number,
): number {
  if (overlap > 0) {
    const target = end - overlap;
    const j = lastIndex(bounds, (b) => b.start <= target);
    for (let k = j; k >= 0 && bounds[k]!.start > a && bounds[k]!.start >= end - 2 * overlap; k--) {
      if (bounds[k]!.strength >= Strength.Sentence) return bounds[k]!.start;
    }
    if (j >= 0 && bounds[j]!.start > a) return bounds[j]!.start;
  }
  if (cut) return cut.start;
  // A hard cut inside one long word: repeat the overlap from inside it.
  return Math.max(a + 1, wholeCharacter(text, end - overlap));
}

/** The candidate cuts between non-empty tokens, in text order. */
function boundariesOf(t: Transcript, map: PhiText): Boundary[] {
  const bounds: Boundary[] = [];
  let prev = -1;
  for (let i = 0; i < t.tokens.length; i++) {
    const start = map.tokenStart[i]!;
    if (map.tokenEnd[i]! === start) continue;
    if (prev >= 0) {
      const end = map.tokenEnd[prev]!;
      const strength =
        start > end && map.text[start - 1] === '\n'
          ? Strength.Turn
          : SENTENCE_END.test(t.tokens[prev]!.text)
            ? Strength.Sentence
            : Strength.Word;
      bounds.push({ end, start, strength });
    }
    prev = i;
  }
  return bounds;
}

function firstTextStart(t: Transcript, map: PhiText): number {
  for (let i = 0; i < t.tokens.length; i++) {
    if (map.tokenEnd[i]! > map.tokenStart[i]! && /\S/.test(t.tokens[i]!.text)) return map.tokenStart[i]!;
  }
  return -1;
}

/** Largest index of `items` satisfying a predicate that holds for a prefix, or -1. */
function lastIndex<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Cumulative UTF-8 bytes before each UTF-16 index (a surrogate pair counts 4 at its first unit). */
function utf8Prefix(text: string): Int32Array {
  const pre = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let n: number;
    if (c < 0x80) n = 1;
    else if (c < 0x800) n = 2;
    else if (c >= 0xd800 && c <= 0xdbff) n = 4;
    else if (c >= 0xdc00 && c <= 0xdfff) n = 0;
    else n = 3;
    pre[i + 1] = pre[i]! + n;
  }
  return pre;
}

/** The largest index p with bytes(a..p) ≤ maxBytes (binary search: the prefix never decreases). */
function lastFitting(bytes: Int32Array, a: number, maxBytes: number): number {
  const budget = bytes[a]! + maxBytes;
  let lo = a;
  let hi = bytes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bytes[mid]! <= budget) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `index`, moved back one when it would split a surrogate pair. */
function wholeCharacter(text: string, index: number): number {
  const c = text.charCodeAt(index);
  return index > 0 && c >= 0xdc00 && c <= 0xdfff ? index - 1 : index;
}
