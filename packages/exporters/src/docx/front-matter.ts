// The document's opening: title, the job's metadata table, the HealthScribe clinical summary and the legend.

import { formatClock, type Transcript } from '@scribekit/core';
import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { redactionSummary } from '../common.js';
import { STYLE } from './styles.js';
import { xmlSafeLine } from './xml-text.js';

const NOT_RECORDED = 'not recorded';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** `2026-03-02T15:04:05.000Z` → `2026-03-02 15:04:05 UTC`; other text as given. */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return NOT_RECORDED;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return xmlSafeLine(iso);
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `CHIEF_COMPLAINT` → `Chief complaint`. */
export function humanize(name: string): string {
  const words = xmlSafeLine(name).replace(/_/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A fixed-layout table; its header (first row, or first column) is bold and shaded, and a header row repeats. */
export function simpleTable(
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  header: 'row' | 'column',
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          ...(header === 'row' && r === 0 ? { tableHeader: true } : {}),
          cantSplit: true,
          children: cells.map((text, c) => {
            const head = header === 'row' ? r === 0 : c === 0;
            return new TableCell({
              width: { size: widths[c] ?? 0, type: WidthType.DXA },
              margins: { left: 100, right: 100 },
              ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDF1F7' } } : {}),
              children: [
                new Paragraph({
                  style: STYLE.tableText,
                  children: [new TextRun(head ? { text, bold: true } : text)],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

const SPECIALTIES: Record<string, string> = { PRIMARYCARE: 'Primary care' };

export function metadataRows(t: Transcript, names: readonly string[]): string[][] {
  const m = t.metadata;
  const words = t.tokens.reduce((n, tok) => n + (tok.kind === 'word' ? 1 : 0), 0);
  const shown = names.slice(0, 12).join(', ') + (names.length > 12 ? `, and ${names.length - 12} more` : '');
  const rows: string[][] = [
    ['Job name', m.jobName ? xmlSafeLine(m.jobName) : NOT_RECORDED],
    ['Created', formatInstant(m.createdAt)],
    ['Completed', formatInstant(m.completedAt)],
    ['Specialty', m.specialty ? (SPECIALTIES[m.specialty] ?? humanize(m.specialty)) : NOT_RECORDED],
    ['Type', m.type ? humanize(m.type) : NOT_RECORDED],
    ['Language', m.languageCode ? xmlSafeLine(m.languageCode) : NOT_RECORDED],
    ['Duration', formatClock(t.durationMs)],
    ['Words', String(words)],
    ['Speakers', names.length === 0 ? 'none (no speaker labels)' : `${names.length}: ${shown}`],
  ];
  if (t.channels.length > 0) rows.push(['Channels', String(t.channels.length)]);
  rows.push(['Redacted', redactionText(t)]);
  return rows;
}

function redactionText(t: Transcript): string {
  if (t.redaction) return `Yes, by scribekit: ${redactionSummary(t.redaction)}`;
  if (t.metadata.serviceRedacted) return 'Yes: redacted by Amazon Transcribe';
  return 'No: contains patient data (PHI)';
}

/** HealthScribe clinical documentation: one Heading 2 per section, its bullets below. */
export function clinicalSummary(t: Transcript): Paragraph[] {
  if (!t.summary || t.summary.sections.length === 0) return [];
  const out: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Clinical summary' })];
  for (const section of t.summary.sections) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: humanize(section.name) }));
    if (section.bullets.length === 0) {
      out.push(
        new Paragraph({
          style: STYLE.bullet,
          children: [new TextRun({ text: 'Nothing documented.', italics: true })],
        }),
      );
    }
    for (const bullet of section.bullets) {
      out.push(
        new Paragraph({ style: STYLE.bullet, children: [new TextRun(`•\t${xmlSafeLine(bullet.text)}`)] }),
      );
    }
  }
  return out;
}

export interface LegendOptions {
  readonly threshold: number;
  readonly phi: boolean;
  readonly redacted: boolean;
  readonly comments: boolean;
}

/** What the marks in the transcript mean (colour is never the only cue: each mark also has a line or border). */
export function legend(o: LegendOptions): Paragraph {
  const children: TextRun[] = [new TextRun({ text: 'Legend: ', bold: true })];
  if (o.threshold > 0) {
    children.push(
      new TextRun({ text: 'word', style: STYLE.lowConfidence }),
      new TextRun(` confidence below ${Math.round(o.threshold * 100)}%`),
    );
  }
  if (o.phi)
    children.push(
      new TextRun('   '),
      new TextRun({ text: 'word', style: STYLE.phi }),
      new TextRun(' protected health information (PHI)'),
    );
  if (o.redacted)
    children.push(
      new TextRun('   '),
      new TextRun({ text: '[TYPE]', style: STYLE.redacted }),
      new TextRun(' redacted'),
    );
  if (o.comments) children.push(new TextRun('   Comments list recognition alternatives.'));
  children.push(new TextRun('   [hh:mm:ss] time from the start of the recording.'));
  return new Paragraph({ style: STYLE.legend, children });
}
