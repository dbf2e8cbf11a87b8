// PHI redaction: a new Transcript whose PHI tokens are typed placeholders, with times and speakers kept.
import type {
  AlternativeSegment,
  ClinicalInsight,
  ClinicalSummary,
  InsightSpan,
  PhiEntity,
  Token,
  TokenAlternative,
  Transcript,
} from './model.js';

export interface RedactOptions {
  /** Placeholder text for a PHI type; default `[TYPE]`, e.g. `[NAME]`. */
  readonly placeholder?: (type: string) => string;
  /** Also replace tokens Transcribe itself redacted or masked (`[PII]`, `***`). Default true. */
  readonly serviceRedactions?: boolean;
  /**
   * Also replace the words of NAME entities (and words with digits or `@` of ID, EMAIL, PHONE and URL
   * entities) wherever they occur again as a whole word: a surname said again outside the entity's
   * span, or written in a summary. Titles such as `Mr` are not propagated. Default true.
   */
  readonly propagate?: boolean;
}

const defaultPlaceholder = (type: string) => `[${type}]`;

/** Entity types whose single words identify a person even alone (for these but NAME: only words with digits or `@`). */
const PROPAGATED = new Set(['NAME', 'ID', 'EMAIL', 'PHONE', 'URL']);
/** Titles are part of name entities but identify nobody. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'dr',
  'doctor',
  'sir',
  'madam',
  'prof',
  'professor',
]);

/** Whether one word of an entity is kept secret wherever it occurs. */
function isPropagated(word: string, type: string): boolean {
  if (word.length < 2 || TITLES.has(word) || !/[\p{L}\p{N}]/u.test(word)) return false;
  // "five five five zero one nine nine" must not redact every "five": spelled numbers stay.
  return type === 'NAME' || /[\d@]/.test(word);
}

/**
 * Replaces every word token a PHI entity overlaps in time (so entities whose times do not align with
 * tokens still redact every token they touch) and, by default, service-redacted tokens (`[PII]`, `***`)
 * with a typed placeholder. Token count, times, speakers and channels are kept, so every exporter works
 * unchanged; `redaction` records that it was done. Entity texts, token alternatives, n-best segment
 * alternatives, HealthScribe summary bullets and insight spans are redacted too. Redacting a redacted
 * transcript changes nothing.
 */
export function redact(t: Transcript, options: RedactOptions = {}): Transcript {
  const placeholder = options.placeholder ?? defaultPlaceholder;
  const typeOf = new Map<number, string>();
  for (const e of t.entities) {
    for (let k = Math.max(0, e.firstToken); k < e.endToken; k++) {
      const tok = t.tokens[k]!;
      // Words only: punctuation inside an entity's span (`Mr. Ortega`) is kept as it is.
      const sameChannel = e.channel === undefined || tok.channel === e.channel;
      if (
        tok.kind === 'word' &&
        sameChannel &&
        overlaps(tok.startMs, tok.endMs, e.startMs, e.endMs) &&
        !typeOf.has(k)
      ) {
        typeOf.set(k, e.type);
      }
    }
  }
  if (options.serviceRedactions !== false) {
    for (const tok of t.tokens) {
      if (tok.serviceRedaction && !typeOf.has(tok.index)) {
        typeOf.set(
          tok.index,
          tok.serviceRedaction.kind === 'pii' ? (tok.serviceRedaction.type ?? 'PII') : 'MASKED',
        );
      }
    }
  }
  // Tokens redacted before stay redacted, so redacting twice changes nothing.
  for (const tok of t.tokens)
    if (tok.redactedAs !== undefined && !typeOf.has(tok.index)) typeOf.set(tok.index, tok.redactedAs);
  const secrets = secretsOf(t.entities, options.propagate !== false);
  for (const tok of t.tokens) {
    if (tok.kind === 'word' && !typeOf.has(tok.index)) {
      const type = secrets.words.get(tok.text.toLowerCase());
      if (type !== undefined) typeOf.set(tok.index, type);
    }
  }
  const free = (text: string) => redactText(text, secrets, placeholder);
  const tokens: Token[] = t.tokens.map((tok) => {
    const type = typeOf.get(tok.index);
    if (type === undefined) {
      return tok.alternatives
        ? { ...tok, alternatives: redactTokenAlternatives(tok.alternatives, secrets, placeholder) }
        : tok;
    }
    const { alternatives: _drop, ...rest } = tok;
    return { ...rest, text: placeholder(type), redactedAs: type };
  });
  const entities: PhiEntity[] = t.entities.map((e) => ({ ...e, text: placeholder(e.type) }));
  const spans: RedactedSpan[] = [...typeOf.keys()]
    .sort((a, b) => a - b)
    .map((k) => ({ startMs: tokens[k]!.startMs, endMs: tokens[k]!.endMs, type: typeOf.get(k)! }));
  return {
    ...t,
    tokens,
    entities,
    alternatives: redactSegments(t.alternatives, spanIndex(spans), secrets, placeholder),
    ...(t.summary ? { summary: redactSummary(t.summary, free) } : {}),
    ...(t.insights ? { insights: t.insights.map((i) => redactInsight(i, free)) } : {}),
    redaction: { by: 'scribekit', tokens: typeOf.size },
  };
}

function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  if (s1 < e2 && e1 > s2) return true;
  // Zero-length spans (points) hit what contains them.
  return (s1 === e1 || s2 === e2) && s1 <= e2 && e1 >= s2;
}

interface Secrets {
  /** Whole entity texts, longest first, with their type. */
  readonly phrases: readonly (readonly [string, string])[];
  /** Lower-cased words that are secret wherever they occur, with their type. */
  readonly words: ReadonlyMap<string, string>;
  readonly pattern: RegExp | null;
}

function secretsOf(entities: readonly PhiEntity[], propagate: boolean): Secrets {
  const phraseType = new Map<string, string>();
  const words = new Map<string, string>();
  for (const e of entities) {
    const text = e.text.trim();
    if (text === '' || /^\[[A-Z_]+\]$/.test(text)) continue; // empty, or already a placeholder
    if (!phraseType.has(text.toLowerCase())) phraseType.set(text.toLowerCase(), e.type);
    if (!propagate || !PROPAGATED.has(e.type)) continue;
    for (const w of text.toLowerCase().split(/[\s,.;:!?()"“”]+/u)) {
      if (isPropagated(w, e.type) && !words.has(w)) words.set(w, e.type);
    }
  }
  for (const [w, type] of words) if (!phraseType.has(w)) phraseType.set(w, type);
  const phrases = [...phraseType].sort((a, b) => b[0].length - a[0].length);
  // Whole words only: a name `Al` must not eat the start of `Alcohol`.
  const pattern =
    phrases.length > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${phrases.map(([p]) => escapeRegExp(p)).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        )
      : null;
  return { phrases, words, pattern };
}

/** Replaces every entity text (and propagated word) in free text by its placeholder. */
function redactText(text: string, secrets: Secrets, placeholder: (type: string) => string): string {
  if (!secrets.pattern) return text;
  const types = new Map(secrets.phrases);
  return text.replace(secrets.pattern, (found) => placeholder(types.get(found.toLowerCase()) ?? 'PHI'));
}

function redactTokenAlternatives(
  alternatives: readonly TokenAlternative[],
  secrets: Secrets,
  placeholder: (type: string) => string,
): TokenAlternative[] {
  return alternatives.map((a) => ({ ...a, text: redactText(a.text, secrets, placeholder) }));
}

interface RedactedSpan {
  readonly startMs: number;
  readonly endMs: number;
  readonly type: string;
}

/** Finds the type of a redacted span overlapping a time range, in O(log n + k). */
function spanIndex(spans: readonly RedactedSpan[]): (startMs: number, endMs: number) => string | undefined {
  const maxEnd: number[] = [];
  let running = 0;
  for (const s of spans) {
    running = Math.max(running, s.endMs);
    maxEnd.push(running);
  }
  return (startMs, endMs) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid]! < startMs) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < spans.length && spans[k]!.startMs <= endMs; k++) {
      const s = spans[k]!;
      if (overlaps(startMs, endMs, s.startMs, s.endMs)) return s.type;
    }
    return undefined;
  };
}

/** N-best alternative words overlapping a redacted token, or spelling an entity, become placeholders. */
function redactSegments(
  segments: readonly AlternativeSegment[],
  typeAt: (startMs: number, endMs: number) => string | undefined,
  secrets: Secrets,
  placeholder: (type: string) => string,
): AlternativeSegment[] {
  return segments.map((seg) => ({
    ...seg,
    alternatives: seg.alternatives.map((alt) => {
      const tokens = alt.tokens.map((tok) => {
        if (tok.kind !== 'word') return tok;
        const timedType =
          tok.startMs !== null && tok.endMs !== null ? typeAt(tok.startMs, tok.endMs) : undefined;
        const type = timedType ?? secrets.words.get(tok.text.toLowerCase());
        if (type !== undefined) return { ...tok, text: placeholder(type) };
        return { ...tok, text: redactText(tok.text, secrets, placeholder) };
      });
      let text = '';
      for (const tok of tokens) text += text === '' || tok.kind === 'punctuation' ? tok.text : ` ${tok.text}`;
      return { text, tokens };
    }),
  }));
}

/** HealthScribe bullets are free text: every entity text found in them is replaced. */
function redactSummary(summary: ClinicalSummary, free: (text: string) => string): ClinicalSummary {
  return {
    sections: summary.sections.map((s) => ({
      ...s,
      bullets: s.bullets.map((b) => ({ ...b, text: free(b.text) })),
    })),
  };
}

function redactInsight(insight: ClinicalInsight, free: (text: string) => string): ClinicalInsight {
  const spans = (list: readonly InsightSpan[]) => list.map((s) => ({ ...s, text: free(s.text) }));
  return {
    ...insight,
    spans: spans(insight.spans),
    attributes: insight.attributes.map((a) => ({ ...a, spans: spans(a.spans) })),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
