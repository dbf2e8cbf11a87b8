// docProps/core.xml written by us: docx stamps it with the current time, and we need a fixed one when asked.

export interface CoreProperties {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly description: string;
  readonly keywords: string;
  readonly language: string | null;
  readonly date: Date;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Seconds precision, UTC, as W3CDTF wants it: `2026-03-02T15:04:05Z`. */
export function w3cdtf(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function corePropertiesXml(p: CoreProperties): string {
  const el = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  const when = w3cdtf(p.date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', p.creator) +
    el('cp:keywords', p.keywords) +
    el('dc:description', p.description) +
    el('cp:lastModifiedBy', p.creator) +
    el('dc:language', p.language ?? '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
