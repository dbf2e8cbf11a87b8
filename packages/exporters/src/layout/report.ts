// The layout as a plain-text report, the way a transcriptionist types it: section headings as capitalised
// lines ending with `:`, paragraphs separated by blank lines, numbered items as `1.`, speaker names where the
// layout keeps them. No times. The FHIR attachment and the HL7 OBX lines carry this.
import type { Transcript } from '@scribekit/core';
import { paragraphText } from './build.js';
import type { DocumentLayout, LayoutParagraph } from './types.js';

/** One line of the report: a heading or a paragraph (with its speaker label on a block's first). */
export interface ReportLine {
  readonly kind: 'heading' | 'paragraph';
  readonly text: string;
  /** The paragraph, for writers that need its times or tokens. */
  readonly paragraph?: LayoutParagraph;
  /** Heading level (1 or 2). */
  readonly level?: 1 | 2;
}

/** The report as lines, in order. */
export function reportLines(t: Transcript, layout: DocumentLayout): ReportLine[] {
  const out: ReportLine[] = [];
  for (const section of layout.sections) {
    if (section.heading)
      out.push({
        kind: 'heading',
        text: `${section.heading.text.toUpperCase()}:`,
        level: section.heading.level,
      });
    for (const block of section.blocks) {
      block.paragraphs.forEach((p, i) => {
        const body = `${p.item ? `${p.item.ordinal}. ` : ''}${paragraphText(t, layout, p)}`;
        out.push({
          kind: 'paragraph',
          text: i === 0 && block.label !== null ? `${block.label}: ${body}` : body,
          paragraph: p,
        });
      });
    }
  }
  return out;
}

/** The report as one string: a heading line directly above its first paragraph, blank lines between paragraphs. */
export function reportText(t: Transcript, layout: DocumentLayout): string {
  let out = '';
  let previous: ReportLine['kind'] | null = null;
  for (const line of reportLines(t, layout)) {
    if (previous !== null) out += previous === 'heading' ? '\n' : '\n\n';
    out += line.text;
    previous = line.kind;
  }
  return out;
}
