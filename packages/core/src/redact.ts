// PHI redaction: a new Transcript whose PHI tokens are typed placeholders, with times and speakers kept.
import { NoPhiEntitiesError, RedactionError } from './errors.js';
import type {
  AlternativeSegment,
  AlternativeToken,
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

/** Whether the transcript's job looked for PHI, so that "no entities" means "no PHI found". */
function lookedForPhi(t: Transcript): boolean {
  const m = t.metadata;
  return (
    m.phiIdentified === true ||
    m.settings?.contentIdentificationType === 'PHI' ||
    m.serviceRedacted === true ||
    t.entities.length > 0 ||
    t.tokens.some((tok) => tok.serviceRedaction !== undefined)
  );
}

/** A run of tokens that becomes one placeholder. */
interface Span {
  type: string;
  /** Service redactions and repeated secret words: adjacent runs of one type merge into one placeholder. */
  readonly mergeable: boolean;
}

/**
 * Replaces each PHI entity's words — and the punctuation between them — with one typed placeholder (`Mr. Ortega`
 * → `[NAME]`, a spoken date → one `[DATE]`), and by default service-redacted tokens (`[PII]`, `***`, a run of
 * them → one placeholder) and repeated secret words. The first token of each span holds the placeholder; the
 * span's other tokens keep their times but have empty text, so token count, times, speakers and channels are
 * kept and every exporter works unchanged. Entity texts, token alternatives, n-best segment alternatives,
 * HealthScribe summary bullets and insight spans are redacted too. Redacting a redacted transcript changes nothing.
 *
 * Throws RedactionError when an entity matches no word (by its times or its text: see `locateEntities`) — no
 * output may claim to be redacted then — and NoPhiEntitiesError when the job did not look for PHI at all.
 */
export function redact(t: Transcript, options: RedactOptions = {}): Transcript {
  if (t.redaction) return t;
  const placeholder = options.placeholder ?? defaultPlaceholder;
  t.entities.forEach((e, i) => {
    if (e.firstToken < 0 || e.endToken <= e.firstToken) throw new RedactionError(i, e.type);
  });
  if (!lookedForPhi(t)) throw new NoPhiEntitiesError();

  const n = t.tokens.length;
  // owner[k]: 1 + the span token k is folded into, or 0. Spans merge (union-find) when they overlap.
  const owner = new Int32Array(n);
  const spans: Span[] = [];
  const parent: number[] = [];
  const find = (s: number): number => {
    while (parent[s] !== s) s = parent[s] = parent[parent[s]!]!;
    return s;
  };
  const claim = (k: number, span: number) => {
    const had = owner[k]!;
    if (had === 0) owner[k] = span + 1;
    else {
      const a = find(had - 1);
      const b = find(span);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  const open = (type: string, mergeable: boolean) => {
    spans.push({ type, mergeable });
    parent.push(spans.length - 1);
    return spans.length - 1;
  };

  for (const e of t.entities) {
    const span = open(e.type, false);
    // From the entity's first word to its last: the words, and the punctuation between them, on its channel.
    const last = e.endToken - 1;
    for (let k = e.firstToken; k <= last && k < n; k++) {
      const tok = t.tokens[k]!;
      if (e.channel !== undefined && tok.channel !== e.channel) continue;
      claim(k, span);
    }
  }
  if (options.serviceRedactions !== false) {
    for (const tok of t.tokens) {
      if (tok.serviceRedaction && owner[tok.index] === 0) {
        const type = tok.serviceRedaction.kind === 'pii' ? (tok.serviceRedaction.type ?? 'PII') : 'MASKED';
        claim(tok.index, open(type, true));
      }
    }
  }
  const secrets = secretsOf(t.entities, options.propagate !== false);
  for (const tok of t.tokens) {
    if (tok.kind === 'word' && owner[tok.index] === 0) {
      const type = secrets.words.get(tok.text.toLowerCase());
      if (type !== undefined) claim(tok.index, open(type, true));
    }
  }
  // Adjacent words of mergeable spans of one type (`[PII] [PII] [PII]` of one phone number) become one span.
  let prev = -1;
  for (let k = 0; k < n; k++) {
    const o = owner[k]!;
    if (o === 0) {
      if (t.tokens[k]!.text !== '') prev = -1;
      continue;
    }
    const s = find(o - 1);
    if (prev >= 0 && prev !== s) {
      const a = spans[prev]!;
      const b = spans[s]!;
      if (a.mergeable && b.mergeable && a.type === b.type) parent[s] = prev;
    }
    prev = find(s);
  }

  const free = (text: string) => redactText(text, secrets, placeholder);
  const started = new Set<number>();
  let covered = 0;
  const tokens: Token[] = t.tokens.map((tok) => {
    const o = owner[tok.index]!;
    if (o === 0) {
      return tok.alternatives
        ? { ...tok, alternatives: redactTokenAlternatives(tok.alternatives, secrets, placeholder) }
        : tok;
    }
    covered++;
    const s = find(o - 1);
    const type = spans[s]!.type;
    const { alternatives: _drop, ...rest } = tok;
    const first = !started.has(s);
    started.add(s);
    return { ...rest, text: first ? placeholder(type) : '', redactedAs: type };
  });
  const entities: PhiEntity[] = t.entities.map((e) => ({ ...e, text: placeholder(e.type) }));
  // Time spans of the placeholders, for the n-best alternatives (which have their own tokens).
  const ranges = new Map<number, RedactedSpan>();
  for (let k = 0; k < n; k++) {
    const o = owner[k]!;
    if (o === 0) continue;
    const s = find(o - 1);
    const tok = t.tokens[k]!;
    const r = ranges.get(s);
    if (r) ranges.set(s, { ...r, endMs: Math.max(r.endMs, tok.endMs) });
    else ranges.set(s, { id: s, startMs: tok.startMs, endMs: tok.endMs, type: spans[s]!.type });
  }
  const timed = [...ranges.values()].sort((a, b) => a.startMs - b.startMs);
  return {
    ...t,
    tokens,
    entities,
    alternatives: redactSegments(t.alternatives, spanIndex(timed), secrets, placeholder),
    ...(t.summary ? { summary: redactSummary(t.summary, free) } : {}),
    ...(t.insights ? { insights: t.insights.map((i) => redactInsight(i, free)) } : {}),
    redaction: { by: 'scribekit', tokens: covered, entities: t.entities.length, placeholders: started.size },
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

/**
 * Replaces every entity text (and propagated word) in free text by its placeholder; neighbouring matches of one
 * type separated only by spaces (a first and a last name said apart) become one placeholder.
 */
function redactText(text: string, secrets: Secrets, placeholder: (type: string) => string): string {
  if (!secrets.pattern) return text;
  const types = new Map(secrets.phrases);
  let out = '';
  let last = 0;
  let lastType: string | null = null;
  for (const m of text.matchAll(secrets.pattern)) {
    const type = types.get(m[0].toLowerCase()) ?? 'PHI';
    const between = text.slice(last, m.index);
    if (lastType === type && /^\s+$/u.test(between)) {
      last = m.index + m[0].length;
      continue;
    }
    out += between + placeholder(type);
    last = m.index + m[0].length;
    lastType = type;
  }
  return out + text.slice(last);
}

function redactTokenAlternatives(
  alternatives: readonly TokenAlternative[],
  secrets: Secrets,
  placeholder: (type: string) => string,
): TokenAlternative[] {
  return alternatives.map((a) => ({ ...a, text: redactText(a.text, secrets, placeholder) }));
}

interface RedactedSpan {
  readonly id: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly type: string;
}

/** Finds a redacted span overlapping a time range, in O(log n + k). */
function spanIndex(
  spans: readonly RedactedSpan[],
): (startMs: number, endMs: number) => RedactedSpan | undefined {
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
      if (overlaps(startMs, endMs, s.startMs, s.endMs)) return s;
    }
    return undefined;
  };
}

/**
 * N-best alternative words overlapping a redacted span, or spelling a secret, become placeholders: one per span
 * (the words after the first of a span, and punctuation between them, are left out).
 */
function redactSegments(
  segments: readonly AlternativeSegment[],
  spanAt: (startMs: number, endMs: number) => RedactedSpan | undefined,
  secrets: Secrets,
  placeholder: (type: string) => string,
): AlternativeSegment[] {
  return segments.map((seg) => ({
    ...seg,
    alternatives: seg.alternatives.map((alt) => {
      const tokens: AlternativeToken[] = [];
      let open: string | null = null;
      // Punctuation after a placeholder waits: it is inside the span if the span's next word follows.
      let pending: AlternativeToken[] = [];
      for (const tok of alt.tokens) {
        if (tok.kind !== 'word') {
          if (open === null) tokens.push(tok);
          else pending.push(tok);
          continue;
        }
        const span = tok.startMs !== null && tok.endMs !== null ? spanAt(tok.startMs, tok.endMs) : undefined;
        const type = span?.type ?? secrets.words.get(tok.text.toLowerCase());
        const key = span ? `span:${span.id}` : type === undefined ? null : `word:${type}`;
        if (key !== null && key === open) {
          pending = [];
          continue;
        }
        tokens.push(...pending);
        pending = [];
        open = key;
        if (type !== undefined) tokens.push({ ...tok, text: placeholder(type) });
        else tokens.push({ ...tok, text: redactText(tok.text, secrets, placeholder) });
      }
      tokens.push(...pending);
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
