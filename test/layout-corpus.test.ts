// The one paragraph rule on real long recordings: no paragraph runs past 1,500 characters in txt or md, and
// txt, Markdown and DOCX start their paragraphs at the same times (they share the layout).
import { parseTranscript } from '@scribekit/core';
import { toDocx, toMarkdown, toText } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { documentXml, xmlText } from '../packages/exporters/test/docx-helpers.js';
import { hasCorpus, parsableBatch, readCorpus } from './support/corpus.js';

const date = new Date('2026-01-01T00:00:00Z');
const LONG = ['real/std-plain-56min-1.2MB.json', 'real/std-speakers2-large-1.5MB.json'];

/** `[hh:mm:ss` starts of the txt paragraphs (their time headers). */
const txtStarts = (txt: string) => [...txt.matchAll(/^(?:.* )?\[(\d\d:\d\d:\d\d)–/gm)].map((m) => m[1]!);
const mdStarts = (md: string) =>
  [...md.matchAll(/^(?:\*\*.*\*\* · )?_(\d\d:\d\d:\d\d)–/gm)].map((m) => m[1]!);
const docxStarts = (text: string) => [...text.matchAll(/^\[(\d\d:\d\d:\d\d)\]/gm)].map((m) => m[1]!);

describe.skipIf(!hasCorpus)('layout on real long recordings', () => {
  const entries = hasCorpus ? parsableBatch().filter((e) => LONG.includes(e.file)) : [];
  it('has the long recordings', () => expect(entries.map((e) => e.file).sort()).toEqual([...LONG].sort()));
  it.each(
    entries.map((e) => [e.file]),
  )('%s: paragraphs ≤ 1,500 characters, same starts in txt, md and DOCX', async (file) => {
    const t = parseTranscript(readCorpus(file), { file });
    const txt = toText(t);
    const md = toMarkdown(t);
    const bodies = txt.split('\n\n').map((b) => b.split('\n').slice(1).join('\n'));
    expect(Math.max(...bodies.map((b) => b.length))).toBeLessThanOrEqual(1500);
    const mdBodies = md
      .split('\n\n')
      .filter((b) => b.includes('\\\n'))
      .map((b) => b.split('\\\n')[1]!);
    expect(Math.max(...mdBodies.map((b) => b.length))).toBeLessThanOrEqual(1700); // escapes add a little
    const starts = txtStarts(txt);
    expect(starts.length).toBeGreaterThan(10);
    expect(mdStarts(md)).toEqual(starts);
    expect(docxStarts(xmlText(documentXml(await toDocx(t, { date }))))).toEqual(starts);
  });
});
