// PHI entities → the tokens they cover. An entity is found by its time span and checked against its own text;
// when the times do not touch its words (a millisecond off, shifted, rounded differently) its text is looked
// for among the nearby words. An entity found neither way keeps `firstToken: -1`, so redaction can refuse to
// pretend it was applied.
import type { PhiEntity, Token } from './model.js';
import { phiTypeOf } from './phi-type.js';

/** A PHI entity as a reader found it, before it is located over the words. */
export interface DraftEntity {
  /** Set when the entity was found on one channel (streaming): only that channel's words are linked. */
  channel?: string | undefined;
  category: string;
  type: string | null;
  text: string;
  startMs: number;
  endMs: number;
  confidence: number | null;
}

/** Words this close (ms) to an entity whose text names no word still count as its words. */
const TIME_TOLERANCE_MS = 500;
/** An entity's text is looked for this far (ms) around its times. */
const SEARCH_WINDOW_MS = 30_000;

/** How each entity was found, for the warning counts. */
export interface LocateStats {
  /** Entities whose words were found by their text, not by their times. */
  byText: number;
  /** Entities whose times were near but not on their words. */
  byNearTime: number;
  /** Entities matching no word at all. */
  missing: number;
}

/** Lower-case letters and digits of a word, so `Ortega,` and `ortega` compare equal. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The entity's text as normalised words (empty pieces, such as punctuation, left out). */
function entityWords(text: string): string[] {
  return text
    .split(/\s+/u)
    .map(normalizeWord)
    .filter((w) => w !== '');
}

/** Links every entity to the tokens it covers (see the module comment). O(log n + k) per entity on the time path. */
export function locateEntities(
  entities: readonly DraftEntity[],
  tokens: readonly Token[],
  stats: LocateStats = { byText: 0, byNearTime: 0, missing: 0 },
): PhiEntity[] {
  if (entities.length === 0) return [];
  const words = tokens.filter((t) => t.kind === 'word' && t.text !== '');
  // Word starts never decrease, ends may (a long word, overlapping channels): search on the running maximum.
  const maxEnd = new Float64Array(words.length);
  let running = 0;
  for (let k = 0; k < words.length; k++) {
    running = Math.max(running, words[k]!.endMs);
    maxEnd[k] = running;
  }
  const norm: (string | undefined)[] = new Array(words.length);
  const normOf = (k: number) => {
    let n = norm[k];
    if (n === undefined) {
      n = normalizeWord(words[k]!.text);
      norm[k] = n;
    }
    return n;
  };
  /** Index of the first word whose running end reaches `ms`. */
  const firstReaching = (ms: number) => {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Word positions [a, b] whose times overlap [start, end] (points hit what contains them). */
  const overlapping = (e: DraftEntity, start: number, end: number): [number, number] | null => {
    let a = -1;
    let b = -1;
    for (let k = firstReaching(start); k < words.length; k++) {
      const w = words[k]!;
      if (w.startMs > end) break;
      if (e.channel !== undefined && w.channel !== e.channel) continue;
      const hit =
        (w.startMs < end && w.endMs > start) ||
        ((start === end || w.startMs === w.endMs) && w.startMs <= end && w.endMs >= start);
      if (hit) {
        if (a < 0) a = k;
        b = k;
      }
    }
    return a < 0 ? null : [a, b];
  };
  const sameChannel = (e: DraftEntity, k: number) =>
    e.channel === undefined || words[k]!.channel === e.channel;
  /** Does the text of words from `k` (same channel) spell `want`? Returns the last word's position or -1. */
  const spells = (e: DraftEntity, k: number, want: readonly string[]): number => {
    let j = k;
    for (let n = 0; n < want.length; n++) {
      while (j < words.length && !sameChannel(e, j)) j++;
      if (j >= words.length || normOf(j) !== want[n]) return -1;
      if (n < want.length - 1) j++;
    }
    return j;
  };
  /** The place nearest the entity's start (within the window) where its words are spoken. */
  const byText = (e: DraftEntity, want: readonly string[]): [number, number] | null => {
    let best: [number, number] | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let k = firstReaching(e.startMs - SEARCH_WINDOW_MS); k < words.length; k++) {
      const w = words[k]!;
      if (w.startMs > e.endMs + SEARCH_WINDOW_MS) break;
      if (!sameChannel(e, k) || normOf(k) !== want[0]) continue;
      const last = spells(e, k, want);
      if (last < 0) continue;
      const distance = Math.abs(w.startMs - e.startMs);
      if (distance < bestDistance) {
        best = [k, last];
        bestDistance = distance;
      }
    }
    return best;
  };

  return entities.map((e) => {
    const want = entityWords(e.text);
    let found = overlapping(e, e.startMs, e.endMs);
    // The times are on words: keep them, unless those words are not the entity's text and its text is near.
    if (want.length > 0 && !(found && wordsSpell(found, want, normOf, (k) => sameChannel(e, k)))) {
      const text = byText(e, want);
      if (text) {
        found = text;
        stats.byText++;
      }
    }
    // Times a little off their words, and text that is not the words' spelling (or no text at all).
    if (!found) {
      found = overlapping(e, e.startMs - TIME_TOLERANCE_MS, e.endMs + TIME_TOLERANCE_MS);
      if (found) stats.byNearTime++;
    }
    if (!found) stats.missing++;
    const firstToken = found ? words[found[0]]!.index : -1;
    const endToken = found ? words[found[1]]!.index + 1 : -1;
    return {
      ...(e.channel !== undefined ? { channel: e.channel } : {}),
      category: e.category,
      type: phiTypeOf(e.category, e.type, e.text),
      text: e.text,
      startMs: e.startMs,
      endMs: e.endMs,
      confidence: e.confidence,
      firstToken,
      endToken,
    };
  });
}

/** Whether the words at positions [a, b] (those on the entity's channel) are exactly `want`. */
function wordsSpell(
  [a, b]: [number, number],
  want: readonly string[],
  normOf: (k: number) => string,
  onChannel: (k: number) => boolean,
): boolean {
  let n = 0;
  for (let k = a; k <= b; k++) {
    if (!onChannel(k)) continue;
    if (n >= want.length || normOf(k) !== want[n]) return false;
    n++;
  }
  return n === want.length;
}
