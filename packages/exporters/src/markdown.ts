// Markdown: a title, speaker-labelled paragraphs by turn with their times, then the HealthScribe summary.
import type { Transcript } from '@scribekit/core';
import { redactionSummary } from './common.js';
import { checkType } from './options/spec.js';
import { type RenderContext, renderContext } from './render/context.js';
import type { TextOptions } from './text/options.js';
import { textOptionSpecs } from './text/options.js';
import { bulletText, paragraphs, sectionTitle, timeRange } from './text/paragraphs.js';

/**
 * Backslash-escapes what Markdown (CommonMark/GFM) could read as markup: inline markup characters
 * anywhere, and block markers (`#`, `-`, `+`, `=`, `1.`) at the start. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Renders a transcript as Markdown: `**Speaker** · times` then the turn's text as a paragraph.
 * Every token appears exactly once, in order, Markdown-escaped (a placeholder when redacting).
 */
export function toMarkdown(transcript: Transcript, options: TextOptions = {}): string {
  return writeMarkdown(renderContext(transcript, options));
}

/** The Markdown writer of the registry. */
export function writeMarkdown(ctx: RenderContext): string {
  const { t, options } = ctx;
  for (const spec of textOptionSpecs) checkType(spec, (options as Record<string, unknown>)[spec.key]);
  const title = t.metadata.jobName ? `Transcript: ${escapeMarkdown(t.metadata.jobName)}` : 'Transcript';
  const blocks: string[] = [`# ${title}`];
  if (t.redaction) blocks.push(`_PHI redacted: ${redactionSummary(t.redaction)}._`);
  for (const p of paragraphs(t, options)) {
    const head = [
      p.label === null ? null : `**${escapeMarkdown(p.label)}**`,
      options.timestamps === false ? null : `_${timeRange(p)}_`,
    ]
      .filter((x) => x !== null)
      .join(' · ');
    blocks.push(head === '' ? escapeMarkdown(p.text) : `${head}\\\n${escapeMarkdown(p.text)}`);
  }
  const sections = t.summary?.sections.filter((s) => s.bullets.length > 0) ?? [];
  if (sections.length > 0) {
    blocks.push('## Clinical summary');
    for (const s of sections) {
      blocks.push(`### ${escapeMarkdown(sectionTitle(s.name))}`);
      blocks.push(s.bullets.map((b) => `- ${escapeMarkdown(bulletText(b.text))}`).join('\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
