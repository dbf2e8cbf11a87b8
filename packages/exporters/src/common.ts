// Small helpers every exporter uses: applying redaction and naming speakers.
import { cleanText, redact, type Transcript } from '@scribekit/core';
import type { CommonOptions } from './types.js';

/** The transcript to write: redacted when asked (and not already redacted). */
export function prepare(t: Transcript, options: CommonOptions | undefined): Transcript {
  const r = options?.redact;
  if (!r || t.redaction) return t;
  return redact(t, r === true ? {} : r);
}

/** Display name of a speaker or channel id: the name map, then the model's label, then the id. */
export function displayName(
  t: Transcript,
  id: string | null,
  options: CommonOptions | undefined,
): string | null {
  if (id === null) return null;
  const mapped = options?.speakerNames?.[id];
  // A name from the options is cleaned as the model's text is (no control or bidi characters in any output).
  if (mapped) return cleanText(mapped).text;
  return t.speakers.find((s) => s.id === id)?.label ?? t.channels.find((c) => c.id === id)?.label ?? id;
}

/** `3 placeholders for 3 PHI entities` — what redaction did, in counts (never words). */
export function redactionSummary(r: NonNullable<Transcript['redaction']>): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(r.placeholders, 'typed placeholder', 'typed placeholders')} for ${plural(r.entities, 'PHI entity', 'PHI entities')}${r.placeholders > r.entities ? ' and other identifying words' : ''}`;
}
