// JSON: the canonical model itself (redacted when asked), for other tools and for round trips.
import type { Transcript } from '@scribekit/core';
import { checkType } from './options/spec.js';
import { type RenderContext, renderContext } from './render/context.js';
import { type JsonOptions, jsonOptionSpecs } from './text/options.js';

export type { JsonOptions } from './text/options.js';

/** Serialises the canonical `Transcript` (after redaction when asked) as JSON text ending in a newline. */
export function toJson(transcript: Transcript, options: JsonOptions = {}): string {
  return writeJson(renderContext(transcript, options));
}

/** The canonical-JSON writer of the registry. */
export function writeJson(ctx: RenderContext): string {
  const { t, options } = ctx;
  for (const spec of jsonOptionSpecs) checkType(spec, (options as Record<string, unknown>)[spec.key]);
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
