// XHTML narratives (`text.div`): one XHTML-namespaced div, basic HTML only, text escaped.
import type { SummaryBullet, Transcript } from '@scribekit/core';
import { paragraphText } from '../layout/build.js';
import type { DocumentLayout, LayoutSection } from '../layout/types.js';
import type { TurnLine } from './transcript-text.js';
import type { Narrative } from './types.js';

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Escapes text for XHTML content. Characters XML 1.0 forbids (C0 controls other than tab/LF/CR,
 * lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so no word is dropped.
 */
export function escapeXhtml(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function narrative(status: Narrative['status'], innerXhtml: string): Narrative {
  return { status, div: `<div xmlns="${XHTML_NS}">${innerXhtml}</div>` };
}

export const paragraph = (text: string) => `<p>${escapeXhtml(text)}</p>`;

/** Transcript turns as paragraphs: `<p><b>Name:</b> text</p>`, or just the text without a speaker. */
export function turnsXhtml(lines: readonly TurnLine[]): string {
  return lines
    .map((l) =>
      l.name === null ? paragraph(l.text) : `<p><b>${escapeXhtml(l.name)}:</b> ${escapeXhtml(l.text)}</p>`,
    )
    .join('');
}

/**
 * One layout section: its heading as spoken, then its paragraphs (`<b>Name:</b>` on a block's first when the
 * layout keeps names) and numbered items as ordered lists (`<li value>` keeps the spoken number).
 */
export function sectionXhtml(t: Transcript, layout: DocumentLayout, section: LayoutSection): string {
  let out = section.heading ? `<p><b>${escapeXhtml(section.heading.text)}</b></p>` : '';
  let list = false;
  for (const block of section.blocks) {
    block.paragraphs.forEach((p, i) => {
      const name = i === 0 && block.label !== null ? `<b>${escapeXhtml(block.label)}:</b> ` : '';
      const text = name + escapeXhtml(paragraphText(t, layout, p));
      if (p.item) {
        out += `${list ? '' : '<ol>'}<li value="${p.item.ordinal}">${text}</li>`;
        list = true;
        return;
      }
      if (list) out += '</ol>';
      list = false;
      out += `<p>${text}</p>`;
    });
  }
  return list ? `${out}</ol>` : out;
}

/** Summary bullets as a list. */
export function bulletsXhtml(bullets: readonly SummaryBullet[]): string {
  return `<ul>${bullets.map((b) => `<li>${escapeXhtml(b.text)}</li>`).join('')}</ul>`;
}

/** A heading line plus facts, for resource-level narratives that describe rather than repeat the text. */
export function factsXhtml(heading: string, facts: readonly string[]): string {
  return `<p><b>${escapeXhtml(heading)}</b></p>${facts.length > 0 ? `<ul>${facts.map((f) => `<li>${escapeXhtml(f)}</li>`).join('')}</ul>` : ''}`;
}
