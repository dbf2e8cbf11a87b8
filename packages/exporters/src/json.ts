// JSON: the canonical model itself (redacted when asked), for other tools and for round trips.
import type { Transcript } from '@scribekit/core';
import { prepare } from './common.js';
import type { CommonOptions } from './types.js';

export interface JsonOptions extends CommonOptions {
  /** Indentation; default 2 (0 writes one line). */
  readonly indent?: number | undefined;
}

/** Serialises the canonical `Transcript` (after redaction when asked) as JSON text ending in a newline. */
export function toJson(transcript: Transcript, options: JsonOptions = {}): string {
  const t = prepare(transcript, options);
  const names = options.speakerNames;
  const named = names
    ? {
        ...t,
        speakers: t.speakers.map((s) => (names[s.id] ? { ...s, label: names[s.id]! } : s)),
        channels: t.channels.map((c) => (names[c.id] ? { ...c, label: names[c.id]! } : c)),
      }
    : t;
  return `${JSON.stringify(named, null, options.indent ?? 2)}\n`;
}
