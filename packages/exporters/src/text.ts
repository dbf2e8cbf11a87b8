// Plain text: the layout's paragraphs (speaker-labelled, with their times), a dictation's section headings as
// capitalised lines ending with `:` (the transcriptionist's convention), numbered items as `1.`, then the
// HealthScribe summary if any.
import { formatClock, type Transcript } from '@scribekit/core';
import { paragraphText } from './layout/build.js';
import { checkType } from './options/spec.js';
import { type RenderContext, renderContext } from './render/context.js';
import { type TextOptions, textOptionSpecs } from './text/options.js';
import { bulletText, sectionTitle } from './text/paragraphs.js';

export type { TextOptions } from './text/options.js';

/**
 * Renders a transcript as plain UTF-8 text: one paragraph per speaker turn, headed by the speaker's name
 * and the turn's times. Every token appears exactly once, in order (a placeholder when redacting).
 */
export function toText(transcript: Transcript, options: TextOptions = {}): string {
  return writeText(renderContext(transcript, options));
}

/** The plain-text writer of the registry. */
export function writeText(ctx: RenderContext): string {
  const { t, options } = ctx;
  for (const spec of textOptionSpecs) checkType(spec, (options as Record<string, unknown>)[spec.key]);
  const layout = ctx.layout();
  const blocks: string[] = [];
  for (const section of layout.sections) {
    if (section.heading) blocks.push(`${section.heading.text.toUpperCase()}:`);
    for (const block of section.blocks) {
      block.paragraphs.forEach((p, i) => {
        const time =
          options.timestamps === false ? null : `[${formatClock(p.startMs)}–${formatClock(p.endMs)}]`;
        const head = [i === 0 ? block.label : null, time].filter((x) => x !== null).join(' ');
        const text = `${p.item ? `${p.item.ordinal}. ` : ''}${paragraphText(t, layout, p)}`;
        blocks.push(head === '' ? text : `${head}\n${text}`);
      });
    }
  }
  const sections = t.summary?.sections.filter((s) => s.bullets.length > 0) ?? [];
  if (sections.length > 0) {
    const lines = ['CLINICAL SUMMARY'];
    for (const s of sections) {
      lines.push('', sectionTitle(s.name));
      for (const b of s.bullets) lines.push(`- ${bulletText(b.text)}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
