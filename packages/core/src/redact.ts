// PHI redaction: a new Transcript whose PHI tokens are typed placeholders, with times and speakers kept.
import type { AlternativeSegment, ClinicalSummary, PhiEntity, Token, Transcript } from './model.js';

export interface RedactOptions {
  /** Placeholder text for a PHI type; default `[TYPE]`, e.g. `[NAME]`. */
  readonly placeholder?: (type: string) => string;
  /** Also replace tokens Transcribe itself redacted or masked (`[PII]`, `***`). Default true. */
  readonly serviceRedactions?: boolean;
}

const defaultPlaceholder = (type: string) => `[${type}]`;

/**
 * Replaces every token covered by a PHI entity (and, by default, service-redacted tokens) with a typed
 * placeholder. Entities whose times do not align with tokens still redact every token they overlap
 * (linking is done by time overlap when the transcript is built). Token count, times and speakers are
 * kept, so every exporter works unchanged. Entity texts, token alternatives and matching n-best
 * alternatives are redacted too.
 */
export function redact(t: Transcript, options: RedactOptions = {}): Transcript {
  const placeholder = options.placeholder ?? defaultPlaceholder;
  const typeOf = new Map<number, string>();
  for (const e of t.entities) {
    // Words only: punctuation inside an entity's span (`Mr. Ortega`) is kept as it is.
    for (let k = e.firstToken; k >= 0 && k < e.endToken; k++)
      if (t.tokens[k]!.kind === 'word') typeOf.set(k, e.type);
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
  const tokens: Token[] = t.tokens.map((tok) => {
    const type = typeOf.get(tok.index);
    if (type === undefined) return tok;
    const { alternatives: _drop, ...rest } = tok;
    return { ...rest, text: placeholder(type), redactedAs: type };
  });
  const entities: PhiEntity[] = t.entities.map((e) => ({ ...e, text: placeholder(e.type) }));
  const spans = [...typeOf.keys()].map((k) => tokens[k]!).map((tok) => [tok.startMs, tok.endMs] as const);
  const secrets = t.entities.map((e) => e.text).filter((s) => s.trim().length > 0);
  return {
    ...t,
    tokens,
    entities,
    alternatives: redactAlternatives(t.alternatives, spans, secrets, placeholder),
    ...(t.summary ? { summary: redactSummary(t.summary, t.entities, placeholder) } : {}),
    redaction: { by: 'scribekit', tokens: typeOf.size },
  };
}

/** N-best alternative tokens overlapping a redacted span (or spelling an entity) become placeholders. */
function redactAlternatives(
  segments: readonly AlternativeSegment[],
  spans: readonly (readonly [number, number])[],
  secrets: readonly string[],
  placeholder: (type: string) => string,
): AlternativeSegment[] {
  if (spans.length === 0 && secrets.length === 0) return [...segments];
  const words = new Set(secrets.flatMap((s) => s.toLowerCase().split(/\s+/)).filter(Boolean));
  const hit = (start: number | null, end: number | null, text: string) =>
    words.has(text.toLowerCase()) ||
    (start !== null && end !== null && spans.some(([s, e]) => start < e && end > s)) ||
    (start !== null && spans.some(([s, e]) => s === e && start === s));
  return segments.map((seg) => ({
    ...seg,
    alternatives: seg.alternatives.map((alt) => {
      const tokens = alt.tokens.map((tok) =>
        tok.kind === 'word' && hit(tok.startMs, tok.endMs, tok.text)
          ? { ...tok, text: placeholder('PHI') }
          : tok,
      );
      let text = '';
      for (const tok of tokens) text += text === '' || tok.kind === 'punctuation' ? tok.text : ` ${tok.text}`;
      return { text, tokens };
    }),
  }));
}

/** HealthScribe bullets are free text: every entity text found in them is replaced. */
function redactSummary(
  summary: ClinicalSummary,
  entities: readonly PhiEntity[],
  placeholder: (type: string) => string,
): ClinicalSummary {
  const patterns = entities
    .filter((e) => e.text.trim().length > 0)
    .sort((a, b) => b.text.length - a.text.length)
    .map((e) => [new RegExp(escapeRegExp(e.text), 'gi'), placeholder(e.type)] as const);
  return {
    sections: summary.sections.map((s) => ({
      ...s,
      bullets: s.bullets.map((b) => ({
        ...b,
        text: patterns.reduce((text, [re, p]) => text.replace(re, p), b.text),
      })),
    })),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
