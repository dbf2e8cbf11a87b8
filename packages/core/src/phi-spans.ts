// Character spans found in a transcript's text (by a text-based detector such as Comprehend Medical
// DetectPHI) → PHI entities over whole tokens, with times taken from those tokens.
import type { PhiEntity, PhiSource, Transcript } from './model.js';
import type { PhiText } from './phi-text.js';
import { phiTypeOf } from './phi-type.js';
import { joinTokens } from './text.js';

/** A detected span of `PhiText.text`. */
export interface PhiSpan {
  /** UTF-16 offsets into `PhiText.text` (convert code points first: `utf16Offsets`); end exclusive. */
  readonly begin: number;
  readonly end: number;
  /** The detector's type, e.g. `NAME`, `PHONE_OR_FAX`; normalised with `phiTypeOf` (`PHONE`). */
  readonly type: string;
  /** The detector's category, e.g. `PROTECTED_HEALTH_INFORMATION`; default `PHI`. */
  readonly category?: string;
  /** 0..1 detection confidence (DetectPHI's `Score`), or null. */
  readonly score: number | null;
}

export interface PhiSpanMapping {
  /** One entity per span and turn it touches, sorted by first token. */
  readonly entities: PhiEntity[];
  /** Spans that covered no word (only spaces, line breaks or punctuation, or nothing at all). */
  readonly dropped: number;
  /** Extra entities made because a span crossed a turn boundary (it is split at each one). */
  readonly split: number;
}

/** Types older DetectPHI models return, as the types `phiTypeOf` knows. */
const ALIASES: Readonly<Record<string, string>> = { IDENTIFIER: 'ID', CONTACT_POINT: 'PHONE' };

/**
 * Maps each span to the tokens it covers: a span touching any character of a token takes the whole
 * token; punctuation at either end is left out (`Smith,` covers `Smith`). A span crossing a turn
 * boundary becomes one entity per turn, so no entity spans two speakers. Each entity's times are its
 * words' times, its text the covered tokens' text, `firstToken`/`endToken` the covered range.
 */
export function entitiesFromOffsets(
  t: Transcript,
  map: PhiText,
  spans: readonly PhiSpan[],
  options: { readonly source?: PhiSource } = {},
): PhiSpanMapping {
  const source = options.source ?? 'comprehend-medical';
  const n = t.tokens.length;
  const turnOf = new Int32Array(n);
  t.turns.forEach((turn, k) => {
    turnOf.fill(k, Math.max(0, turn.firstToken), Math.min(n, turn.endToken));
  });
  const entities: PhiEntity[] = [];
  let dropped = 0;
  let split = 0;
  for (const span of spans) {
    const begin = Math.max(0, span.begin);
    const end = Math.min(map.text.length, span.end);
    const [first, last] = end > begin ? coveredTokens(map, begin, end) : [0, 0];
    const pieces: [number, number][] = [];
    let from = first;
    for (let k = first; k <= last; k++) {
      if (k === last || turnOf[k] !== turnOf[from]) {
        const piece = trimToWords(t, from, k);
        if (piece) pieces.push(piece);
        from = k;
      }
    }
    if (pieces.length === 0) {
      dropped++;
      continue;
    }
    split += pieces.length - 1;
    const category = span.category ?? 'PHI';
    for (const [f, e] of pieces) {
      entities.push(
        entityOver(t, f, e, {
          category,
          type: span.type,
          confidence: span.score,
          source,
        }),
      );
    }
  }
  entities.sort((a, b) => a.firstToken - b.firstToken || b.endToken - a.endToken);
  return { entities, dropped, split };
}

/** The range [first, last) of non-empty tokens overlapping [begin, end), by binary search. */
function coveredTokens(map: PhiText, begin: number, end: number): [number, number] {
  const { tokenStart, tokenEnd } = map;
  let lo = 0;
  let hi = tokenEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokenEnd[mid]! <= begin) lo = mid + 1;
    else hi = mid;
  }
  let first = -1;
  let last = -1;
  for (let k = lo; k < tokenStart.length && tokenStart[k]! < end; k++) {
    if (tokenEnd[k]! > tokenStart[k]! && tokenEnd[k]! > begin) {
      if (first < 0) first = k;
      last = k + 1;
    }
  }
  return first < 0 ? [0, 0] : [first, last];
}

/** [first, end) without punctuation (or empty tokens) at either end; null when no word is left. */
export function trimToWords(t: Transcript, first: number, end: number): [number, number] | null {
  let f = first;
  let e = end;
  while (f < e && (t.tokens[f]!.kind !== 'word' || t.tokens[f]!.text === '')) f++;
  while (e > f && (t.tokens[e - 1]!.kind !== 'word' || t.tokens[e - 1]!.text === '')) e--;
  return f < e ? [f, e] : null;
}

/** An entity over tokens [first, end): text and times from the tokens, type normalised. */
export function entityOver(
  t: Transcript,
  first: number,
  end: number,
  fields: {
    readonly category: string;
    readonly type: string;
    readonly confidence: number | null;
    readonly source?: PhiSource | undefined;
  },
): PhiEntity {
  const tokens = t.tokens.slice(first, end);
  const text = joinTokens(tokens);
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const tok of tokens) {
    if (tok.kind !== 'word') continue;
    if (tok.startMs < startMs) startMs = tok.startMs;
    if (tok.endMs > endMs) endMs = tok.endMs;
  }
  if (startMs > endMs) {
    startMs = tokens[0]?.startMs ?? 0;
    endMs = startMs;
  }
  return {
    category: fields.category,
    type: phiTypeOf(fields.category, ALIASES[fields.type] ?? fields.type, text),
    text,
    startMs,
    endMs,
    confidence: fields.confidence,
    ...(fields.source ? { source: fields.source } : {}),
    firstToken: first,
    endToken: end,
  };
}
