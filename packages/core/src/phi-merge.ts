// Adding detected PHI entities to a transcript's entities without duplicates, so every token is covered
// by at most one added entity and each entity can become exactly one placeholder.
import type { PhiEntity, Transcript } from './model.js';
import { entityOver, trimToWords } from './phi-spans.js';

export interface PhiMerge {
  /** The transcript's entities and the added ones, sorted by first token. */
  readonly entities: PhiEntity[];
  /** Incoming entities added as they were (or as the parts no other entity covers). */
  readonly added: number;
  /** Incoming entities dropped: an entity already covered the same tokens, or more. */
  readonly duplicates: number;
  /** Incoming entities that overlapped entities of the same type and were merged into one with them. */
  readonly merged: number;
  /** Incoming entities that overlapped an entity of another type and kept only the uncovered tokens. */
  readonly trimmed: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Merges `incoming` into `t.entities` by token range. The transcript's own entities are kept first;
 * incoming ones are taken longest first at each start token, highest confidence first. For each:
 * - nothing covers its tokens → added;
 * - one entity covers all its tokens (the same range or a larger one, whatever the type) → duplicate;
 * - it overlaps only entities of its type → they become one entity over the union of their tokens
 *   (the earlier entity's category, source and type; the higher confidence; times widened);
 * - it overlaps an entity of another type → only its tokens no entity covers are added (each run of
 *   them as its own entity), so a word never gets two placeholders; nothing left → duplicate.
 * Entities covering no token (firstToken -1) pass through unchanged.
 */
export function mergePhiEntities(t: Transcript, incoming: readonly PhiEntity[]): PhiMerge {
  const n = t.tokens.length;
  const result: (Mutable<PhiEntity> | null)[] = t.entities.map((e) => ({ ...e }));
  /** Index in `result` of an entity covering token k, or -1. */
  const owner = new Int32Array(n).fill(-1);
  const claim = (idx: number, first: number, end: number) => {
    for (let k = Math.max(0, first); k < Math.min(n, end); k++) if (owner[k]! < 0) owner[k] = idx;
  };
  result.forEach((e, idx) => {
    claim(idx, e!.firstToken, e!.endToken);
  });
  let added = 0;
  let duplicates = 0;
  let merged = 0;
  let trimmed = 0;
  const valid = (e: PhiEntity) => e.firstToken >= 0 && e.endToken > e.firstToken && e.endToken <= n;
  const ordered = [...incoming].sort(
    (a, b) =>
      a.firstToken - b.firstToken || b.endToken - a.endToken || (b.confidence ?? -1) - (a.confidence ?? -1),
  );
  for (const x of ordered) {
    if (!valid(x)) {
      result.push({ ...x });
      added++;
      continue;
    }
    const overlapping = new Set<number>();
    for (let k = x.firstToken; k < x.endToken; k++) if (owner[k]! >= 0) overlapping.add(owner[k]!);
    if (overlapping.size === 0) {
      result.push({ ...x });
      claim(result.length - 1, x.firstToken, x.endToken);
      added++;
      continue;
    }
    const others = [...overlapping].map((idx) => [idx, result[idx]!] as const);
    if (others.some(([, o]) => o.firstToken <= x.firstToken && o.endToken >= x.endToken)) {
      duplicates++;
      continue;
    }
    if (others.every(([, o]) => o.type === x.type)) {
      const [targetIdx, target] = others.reduce((a, b) => (b[0] < a[0] ? b : a));
      let first = x.firstToken;
      let end = x.endToken;
      let confidence = x.confidence;
      let startMs = x.startMs;
      let endMs = x.endMs;
      for (const [, o] of others) {
        first = Math.min(first, o.firstToken);
        end = Math.max(end, o.endToken);
        if (o.confidence !== null && (confidence === null || o.confidence > confidence))
          confidence = o.confidence;
        startMs = Math.min(startMs, o.startMs);
        endMs = Math.max(endMs, o.endMs);
      }
      const union = entityOver(t, first, end, {
        category: target.category,
        type: target.type,
        confidence,
        source: target.source,
      });
      result[targetIdx] = {
        ...target,
        text: union.text,
        startMs: Math.min(startMs, union.startMs),
        endMs: Math.max(endMs, union.endMs),
        confidence,
        firstToken: first,
        endToken: end,
      };
      for (const [idx] of others) if (idx !== targetIdx) result[idx] = null;
      for (let k = first; k < end; k++) owner[k] = targetIdx;
      merged++;
      continue;
    }
    let pieces = 0;
    let k = x.firstToken;
    while (k < x.endToken) {
      while (k < x.endToken && owner[k]! >= 0) k++;
      const from = k;
      while (k < x.endToken && owner[k]! < 0) k++;
      const piece = from < k ? trimToWords(t, from, k) : null;
      if (!piece) continue;
      const part = entityOver(t, piece[0], piece[1], {
        category: x.category,
        type: x.type,
        confidence: x.confidence,
        source: x.source,
      });
      // The type is the incoming entity's, not one guessed again from the part's text.
      result.push({ ...part, type: x.type, ...(x.channel !== undefined ? { channel: x.channel } : {}) });
      claim(result.length - 1, piece[0], piece[1]);
      pieces++;
    }
    if (pieces > 0) trimmed++;
    else duplicates++;
  }
  const entities = result.filter((e): e is Mutable<PhiEntity> => e !== null);
  const position = (e: PhiEntity) => (e.firstToken >= 0 ? e.firstToken : tokenAtTime(t, e.startMs));
  // A stable sort: entities at the same token keep the order they had.
  entities.sort((a, b) => position(a) - position(b));
  return { entities, added, duplicates, merged, trimmed };
}

/** The transcript with `incoming` merged into its entities (see `mergePhiEntities`). */
export function addPhiEntities(t: Transcript, incoming: readonly PhiEntity[]): Transcript {
  // A detector looked for PHI: "no entities" now means "none found", so redaction may proceed.
  return {
    ...t,
    metadata: { ...t.metadata, phiIdentified: true },
    entities: mergePhiEntities(t, incoming).entities,
  };
}

/** Index of the first word starting at or after `ms` (where an entity covering no token belongs). */
function tokenAtTime(t: Transcript, ms: number): number {
  let lo = 0;
  let hi = t.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.tokens[mid]!.startMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
