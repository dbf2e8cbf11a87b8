// Plain text: speaker-labelled paragraphs by turn with their times, then the HealthScribe summary if any.
import type { Transcript } from '@scribekit/core';
import { checkType } from './options/spec.js';
import { type RenderContext, renderContext } from './render/context.js';
import { type TextOptions, textOptionSpecs } from './text/options.js';
import { bulletText, paragraphs, sectionTitle, timeRange } from './text/paragraphs.js';

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
  const blocks: string[] = [];
  for (const p of paragraphs(t, options)) {
    const head = [p.label, options.timestamps === false ? null : `[${timeRange(p)}]`]
      .filter((x) => x !== null)
      .join(' ');
    blocks.push(head === '' ? p.text : `${head}\n${p.text}`);
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
