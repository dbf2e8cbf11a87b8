// Markdown: a title, the layout's paragraphs (speaker-labelled, with their times), a dictation's sections as
// `##` headings (sub-sections `###`) and numbered items as an ordered list, then the HealthScribe summary.
import { formatClock, type Transcript } from '@scribekit/core';
import { redactionSummary } from './common.js';
import { paragraphText } from './layout/build.js';
import { checkType } from './options/spec.js';
import { type RenderContext, renderContext } from './render/context.js';
import type { TextOptions } from './text/options.js';
import { textOptionSpecs } from './text/options.js';
import { bulletText, sectionTitle } from './text/paragraphs.js';

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
  const layout = ctx.layout();
  for (const section of layout.sections) {
    if (section.heading) {
      blocks.push(`${section.heading.level === 1 ? '##' : '###'} ${escapeMarkdown(section.heading.text)}`);
    }
    for (const block of section.blocks) {
      block.paragraphs.forEach((p, i) => {
        const text = escapeMarkdown(paragraphText(t, layout, p));
        // A numbered item is a list line (its times are in the other documents).
        if (p.item) {
          blocks.push(`${p.item.ordinal}. ${text}`);
          return;
        }
        const head = [
          i === 0 && block.label !== null ? `**${escapeMarkdown(block.label)}**` : null,
          options.timestamps === false ? null : `_${formatClock(p.startMs)}–${formatClock(p.endMs)}_`,
        ]
          .filter((x) => x !== null)
          .join(' · ');
        blocks.push(head === '' ? text : `${head}\\\n${text}`);
      });
    }
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
