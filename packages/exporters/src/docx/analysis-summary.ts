// The summary section, from core's `analyze`: talk time and words per speaker, confidence and PHI counts.

import { type Analysis, formatClock } from '@scribekit/core';
import { HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import { simpleTable } from './front-matter.js';
import { xmlSafeLine } from './xml-text.js';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

/** Heading, the per-speaker (or per-channel) table and the key figures. `nameOf` maps ids to display names. */
export function analysisSummary(
  a: Analysis,
  nameOf: (id: string) => string,
  textWidth: number,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Summary' })];
  const participants = a.speakers.length > 0 ? a.speakers : a.channels;
  if (participants.length > 0) {
    const head = [
      a.speakers.length > 0 ? 'Speaker' : 'Channel',
      'Talk time',
      'Share',
      'Words',
      'Words/min',
      'Mean confidence',
    ];
    const rows = participants.map((p) => [
      xmlSafeLine(nameOf(p.id)),
      formatClock(p.talkTimeMs),
      pct(p.share),
      String(p.words),
      String(Math.round(p.wordsPerMinute)),
      pct(p.meanConfidence),
    ]);
    const rest = textWidth - 2600;
    const w = Math.floor(rest / 5);
    out.push(simpleTable([head, ...rows], [2600, w, w, w, w, rest - 4 * w], 'row'));
  }
  const low = a.lowConfidence.tokens.length;
  const phiTypes = Object.entries(a.phi.byType)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([type, n]) => `${xmlSafeLine(type)} ${n}`);
  const figures: [string, string][] = [
    ['Words', `${a.words} in ${formatClock(a.durationMs)}`],
    [
      'Mean confidence',
      a.confidence.mean === null
        ? 'not given by the service'
        : `${pct(a.confidence.mean)}; ${low} word${low === 1 ? '' : 's'} below ${Math.round(a.lowConfidence.threshold * 100)}%`,
    ],
    ['PHI entities', a.phi.total === 0 ? 'none found' : `${a.phi.total} (${phiTypes.join(', ')})`],
  ];
  for (const [label, value] of figures) {
    out.push(
      new Paragraph({
        spacing: { before: 60, after: 0 },
        children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
      }),
    );
  }
  return out;
}
