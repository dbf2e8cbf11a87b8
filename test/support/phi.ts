// PHI entities for tests of redaction on real transcripts, which carry none: entities are planted over words of
// a batch file (times a little off on purpose, as real entities sometimes are), and helpers say whether a
// transcript can be redacted at all (its job looked for PHI).
import { isTranscriptError, parseTranscript, redact, type Transcript } from '@scribekit/core';

interface RawItem {
  type: string;
  start_time?: string | number | null;
  end_time?: string | number | null;
  alternatives: { content: string }[];
  channel_label?: string | null;
}

const TYPES = ['NAME', 'DATE', 'ID', 'ADDRESS'] as const;

/**
 * A batch transcript JSON with PHI entities planted every `every` words, each over 1–3 words, their times moved
 * by up to ±`jitterMs` (deterministic). The result parses with `phiIdentified` set.
 */
export function plantEntities(
  json: unknown,
  options: { every?: number; jitterMs?: number } = {},
): Record<string, unknown> {
  const every = options.every ?? 37;
  const jitter = options.jitterMs ?? 300;
  const copy = structuredClone(json) as { results: { items: RawItem[]; entities?: unknown[] } };
  const words = copy.results.items.filter(
    (i) => i.type === 'pronunciation' && i.start_time != null && i.end_time != null,
  );
  const entities: unknown[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let k = 3; k < words.length; k += every) {
    const span = words
      .slice(k, k + 1 + Math.floor(next() * 3))
      .filter((w) => w.channel_label === words[k]!.channel_label);
    const start = Number(span[0]!.start_time);
    const end = Number(span[span.length - 1]!.end_time);
    const shift = Math.round((next() * 2 - 1) * jitter) / 1000;
    entities.push({
      content: span.map((w) => w.alternatives[0]!.content).join(' '),
      category: 'PHI',
      type: TYPES[entities.length % TYPES.length],
      start_time: Math.max(0, start + shift).toFixed(3),
      end_time: Math.max(0, end + shift).toFixed(3),
      confidence: '0.99',
    });
  }
  copy.results.entities = entities;
  return copy as unknown as Record<string, unknown>;
}

/** The corpus file parsed with planted entities (batch files), or as it is (other kinds). */
export function redactableTranscript(bytes: Uint8Array, file: string): Transcript {
  const json = JSON.parse(
    Buffer.from(bytes)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  ) as { results?: unknown };
  return parseTranscript(json.results ? plantEntities(json) : json, { file });
}

/** Whether `redact` accepts the transcript (its job looked for PHI); false when it refuses with NoPhiEntitiesError. */
export function canRedact(t: Transcript): boolean {
  try {
    redact(t);
    return true;
  } catch (error) {
    if (isTranscriptError(error) && error.name === 'NoPhiEntitiesError') return false;
    throw error;
  }
}
