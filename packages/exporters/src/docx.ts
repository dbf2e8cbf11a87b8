// Word (DOCX) transcript: title and metadata, clinical and analysis summaries, then the speaker turns as styled
// paragraphs with review marks. Linear in the transcript's length; reproducible bytes for a fixed date.

import { analyze, type Transcript } from '@scribekit/core';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  type Table,
  TabStopType,
  TextRun,
} from 'docx';
import { displayName } from './common.js';
import { analysisSummary } from './docx/analysis-summary.js';
import { alternativeComments } from './docx/comments.js';
import { corePropertiesXml } from './docx/core-properties.js';
import { clinicalSummary, legend, metadataRows, simpleTable } from './docx/front-matter.js';
import type { DocxOptions } from './docx/options.js';
import { documentStyles, STYLE } from './docx/styles.js';
import { ITEM_NUMBERING, transcriptParagraphs } from './docx/transcript.js';
import { xmlSafeLine } from './docx/xml-text.js';
import { setZipTimes } from './docx/zip-time.js';
import { type RenderContext, renderContext } from './render/context.js';

export { type DocxOptions, docxDefaults } from './docx/options.js';

const PAPER = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
} as const;
const MARGIN = 1134; // 2 cm

/** Numbered items: `1.` with a hanging indent, restarted for each list (paragraphs use one instance per list). */
function itemNumbering() {
  return {
    reference: ITEM_NUMBERING,
    levels: [
      {
        level: 0,
        format: LevelFormat.DECIMAL,
        text: '%1.',
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 567, hanging: 397 } } },
      },
    ],
  };
}

/** Renders a transcript as a Word document. Throws OptionsError for bad options, ExportError when packing fails. */
export async function toDocx(transcript: Transcript, options: DocxOptions = {}): Promise<Uint8Array> {
  return writeDocx(renderContext(transcript, options));
}

/** The DOCX writer of the registry. */
export async function writeDocx(ctx: RenderContext): Promise<Uint8Array> {
  const { t, options } = ctx;
  const o = ctx.docxOptions();
  const threshold = o.threshold;
  const maxComments = o.maxComments;
  const paper = PAPER[o.paper];
  const date = o.date;

  const textWidth = paper.width - 2 * MARGIN;
  const nameOf = (id: string) => displayName(t, id, options) ?? id;
  const jobName = t.metadata.jobName ? xmlSafeLine(t.metadata.jobName) : null;
  const title = xmlSafeLine(options.title ?? (jobName ? `Transcript: ${jobName}` : 'Transcript'));
  const language = t.metadata.languageCode ? xmlSafeLine(t.metadata.languageCode) : null;
  const highlightPhi = o.highlightPhi && !t.redaction;
  const comments = o.comments ? alternativeComments(t, date, maxComments) : null;
  const speakerNames = (t.speakers.length > 0 ? t.speakers : []).map((s) => xmlSafeLine(nameOf(s.id)));

  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
    simpleTable(metadataRows(t, speakerNames), [2600, textWidth - 2600], 'column'),
    ...clinicalSummary(t),
  ];
  if (o.summary) {
    body.push(
      ...analysisSummary(analyze(t, { lowConfidenceThreshold: threshold }), (id) => nameOf(id), textWidth),
    );
  }
  body.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Transcript' }),
    legend({
      threshold,
      phi: highlightPhi && t.entities.length > 0,
      redacted: t.redaction !== undefined || t.tokens.some((tok) => tok.serviceRedaction !== undefined),
      comments: comments !== null && comments.comments.length > 0,
    }),
    ...transcriptParagraphs(t, ctx.layout(), { threshold, highlightPhi, comments, nameOf: xmlSafeLine }),
  );

  const notice = t.redaction ? 'Redacted' : 'Confidential: contains patient data';
  const doc = new Document({
    title,
    subject: 'Medical transcript',
    creator: 'scribekit',
    description: describe(t),
    lastModifiedBy: 'scribekit',
    features: { updateFields: false },
    styles: documentStyles(language),
    numbering: { config: [itemNumbering()] },
    ...(comments && comments.comments.length > 0 ? { comments: { children: comments.comments } } : {}),
    sections: [
      {
        properties: {
          page: { size: paper, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: STYLE.headerText,
                tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
                children: [new TextRun(jobName ?? title), new TextRun({ children: [new Tab(), notice] })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: STYLE.headerText,
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const core = corePropertiesXml({
    title,
    subject: 'Medical transcript',
    creator: 'scribekit',
    description: describe(t),
    keywords: 'transcript, Amazon Transcribe Medical',
    language,
    date,
  });
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]);
  return setZipTimes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), date);
}

/** A description without transcript words: source, job, size. */
function describe(t: Transcript): string {
  const words = t.tokens.reduce((n, tok) => n + (tok.kind === 'word' ? 1 : 0), 0);
  const job = t.metadata.jobName ? ` of job ${xmlSafeLine(t.metadata.jobName)}` : '';
  return `Transcript${job}: ${words} words, ${t.speakers.length} speakers${t.redaction ? ', redacted' : ''}. Written by scribekit.`;
}
