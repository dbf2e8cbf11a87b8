// Named styles, so users can restyle the whole document in Word: headings, the transcript paragraphs and the
// review marks. Fonts are set explicitly for the same rendering everywhere (Arial ≈ Liberation Sans).
import { BorderStyle, type IStylesOptions, ShadingType, UnderlineType } from 'docx';

/** Style ids used in the document body. */
export const STYLE = {
  turn: 'TranscriptTurn',
  tableText: 'TableText',
  bullet: 'SummaryBullet',
  legend: 'Legend',
  headerText: 'HeaderText',
  timestamp: 'Timestamp',
  speaker: 'SpeakerName',
  lowConfidence: 'LowConfidence',
  phi: 'PhiEntity',
  redacted: 'Redacted',
} as const;

export const COLORS = {
  lowConfidence: 'FFE599',
  lowConfidenceLine: 'BF9000',
  phi: 'F4CCCC',
  phiLine: 'C00000',
  redacted: 'D9D9D9',
};

const FONT = 'Arial';

/** The style sheet; `language` (BCP 47) goes on the document defaults. */
export function documentStyles(language: string | null): IStylesOptions {
  const eastAsian = language !== null && /^(ja|zh|ko)\b/i.test(language);
  const lang = language
    ? { language: eastAsian ? { value: language, eastAsia: language } : { value: language } }
    : {};
  return {
    default: {
      document: { run: { font: FONT, size: 21, ...lang }, paragraph: { spacing: { after: 80, line: 264 } } },
      title: {
        run: { font: FONT, size: 44, bold: true, color: '1F3864' },
        paragraph: { spacing: { after: 200 } },
      },
      heading1: {
        run: { font: FONT, size: 30, bold: true, color: '1F3864' },
        paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size: 24, bold: true, color: '2E5496' },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.turn,
        name: 'Transcript',
        basedOn: 'Normal',
        next: STYLE.turn,
        quickFormat: true,
        paragraph: { spacing: { after: 140, line: 276 } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 20, after: 20 } },
      },
      {
        id: STYLE.bullet,
        name: 'Summary Bullet',
        basedOn: 'Normal',
        paragraph: { indent: { left: 360, hanging: 240 }, spacing: { after: 60 } },
      },
      {
        id: STYLE.legend,
        name: 'Legend',
        basedOn: 'Normal',
        run: { size: 18, color: '404040' },
        paragraph: { spacing: { before: 120, after: 120 } },
      },
      { id: STYLE.headerText, name: 'Header Text', basedOn: 'Normal', run: { size: 16, color: '7F7F7F' } },
    ],
    characterStyles: [
      { id: STYLE.timestamp, name: 'Timestamp', run: { color: '6B6B6B', size: 17 } },
      { id: STYLE.speaker, name: 'Speaker Name', run: { bold: true, color: '1F3864' } },
      {
        id: STYLE.lowConfidence,
        name: 'Low Confidence',
        run: {
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.lowConfidence },
          underline: { type: UnderlineType.DOTTED, color: COLORS.lowConfidenceLine },
        },
      },
      {
        id: STYLE.phi,
        name: 'PHI',
        run: {
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.phi },
          border: { style: BorderStyle.SINGLE, size: 4, space: 0, color: COLORS.phiLine },
        },
      },
      {
        id: STYLE.redacted,
        name: 'Redacted',
        run: { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.redacted }, color: '404040' },
      },
    ],
  };
}
