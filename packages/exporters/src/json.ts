// JSON: the canonical model itself (redacted when asked), for other tools and for round trips; a dictation's
// detected sections are added as `sections`.
import type { Transcript } from '@scribekit/core';
import type { DocumentLayout } from './layout/types.js';
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
  const layout = ctx.layout();
  // A dictation's sections ride along (token ranges, canonical title, LOINC code); other transcripts are the model alone.
  const out = layout.structured ? { ...named, sections: sectionsJson(layout) } : named;
  return `${JSON.stringify(out, null, options.indent ?? 2)}\n`;
}

/** Sections as token ranges: the spoken heading `[first, end)` and the body up to the next section. */
function sectionsJson(layout: DocumentLayout) {
  return layout.sections.map((s, i) => {
    const next = layout.sections[i + 1];
    const bodyFirst = s.heading?.end ?? s.blocks[0]?.paragraphs[0]?.first ?? 0;
    const lastBlock = s.blocks[s.blocks.length - 1];
    const bodyEnd = lastBlock?.paragraphs[lastBlock.paragraphs.length - 1]?.end ?? bodyFirst;
    return {
      id: s.heading?.id ?? null,
      title: s.heading?.title ?? null,
      level: s.heading?.level ?? null,
      code: s.heading?.code ?? null,
      heading: s.heading
        ? { firstToken: s.heading.first, endToken: s.heading.end, text: s.heading.text }
        : null,
      body: {
        firstToken: bodyFirst,
        endToken: next ? Math.max(bodyEnd, next.heading?.first ?? bodyEnd) : bodyEnd,
      },
      items: s.blocks.flatMap((b) =>
        b.paragraphs.filter((p) => p.item).map((p) => ({ ordinal: p.item!.ordinal, firstToken: p.first })),
      ),
    };
  });
}
