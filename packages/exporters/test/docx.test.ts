import { analyze, OptionsError, parseTranscript, redact, type Transcript } from '@scribekit/core';
import { getExporter, toDocx } from '@scribekit/exporters';
import { render } from '@scribekit/exporters/render';
import { afterEach, describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/corpus.js';
import { plantEntities } from '../../../test/support/phi.js';
import { dosDateTime, setZipTimes } from '../src/docx/zip-time.js';
import { documentXml, firstMissingToken, synthBatch, unzipDocx, xmlText } from './docx-helpers.js';

const date = new Date('2026-03-02T15:04:05Z');
const fixture = (name: string) => parseTranscript(readFixture(`transcribe/${name}.json`), { file: name });
const runs = (xml: string, style: string) =>
  [
    ...xml.matchAll(
      new RegExp(
        `<w:r><w:rPr><w:rStyle w:val="${style}"/>(?:(?!</w:rPr>).)*</w:rPr><w:t[^>]*>([^<]*)</w:t></w:r>`,
        'g',
      ),
    ),
  ].map((m) => m[1]!);

describe('toDocx layout', () => {
  it('writes title, metadata, summary and transcript in that order, with real heading styles', async () => {
    const t = fixture('medical-conversation-phi');
    const xml = documentXml(await toDocx(t, { date }));
    const text = xmlText(xml);
    const order = [
      'Transcript: ',
      'Job name',
      'Redacted',
      'Summary',
      'Mean confidence',
      'PHI entities',
      'Transcript\n',
      'Legend',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(2);
    // Every turn is a paragraph in the transcript style, opening with a timestamp.
    const turns = xml.match(/<w:pStyle w:val="TranscriptTurn"\/>/g)?.length ?? 0;
    expect(turns).toBe(t.turns.length);
    expect(runs(xml, 'Timestamp').every((s) => /^\[\d\d:\d\d:\d\d\]$/.test(s))).toBe(true);
    expect(xml).not.toContain('<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="9638"/><w:tblBorders>'.repeat(3));
  });

  it('takes the summary figures from analyze', async () => {
    const t = fixture('medical-conversation-phi');
    const a = analyze(t);
    const text = xmlText(documentXml(await toDocx(t, { date, speakerNames: { spk_0: 'Dr. Rivera' } })));
    expect(text).toContain(
      `Mean confidence: ${(a.confidence.mean! * 100).toFixed(1)}%; ${a.lowConfidence.tokens.length} word`,
    );
    expect(text).toContain(`PHI entities: ${a.phi.total} (`);
    const rivera = a.speakers.find((s) => s.id === 'spk_0')!;
    expect(text).toContain(`Dr. Rivera\n${'00:00:'}`);
    expect(text).toContain(`\n${rivera.words}\n`);
    expect(text).toContain('Dr. Rivera:');
  });

  it('puts a HealthScribe clinical summary before the analysis summary', async () => {
    const t: Transcript = {
      ...fixture('medical-conversation-phi'),
      summary: {
        sections: [
          {
            name: 'CHIEF_COMPLAINT',
            bullets: [{ text: 'Cough for two weeks.', turnIds: [], evidenceIds: [] }],
          },
          { name: 'PLAN', bullets: [] },
        ],
      },
    };
    const text = xmlText(documentXml(await toDocx(t, { date })));
    const clinical = text.indexOf('Clinical summary');
    expect(clinical).toBeGreaterThan(0);
    expect(text.indexOf('Chief complaint')).toBeGreaterThan(clinical);
    expect(text.indexOf('Cough for two weeks.')).toBeGreaterThan(clinical);
    expect(text.indexOf('Nothing documented.')).toBeGreaterThan(clinical);
    expect(text.indexOf('\nSummary\n')).toBeGreaterThan(text.indexOf('Nothing documented.'));
  });

  it('has a header with the job name, a "Page X of Y" footer, styles, properties and the language', async () => {
    const files = unzipDocx(await toDocx(fixture('medical-dictation'), { date }));
    expect(files['word/header1.xml']).toContain('example-dictation-0001');
    const footer = files['word/footer1.xml']!;
    expect(footer).toMatch(/Page .*PAGE.* of .*NUMPAGES/s);
    const styles = files['word/styles.xml']!;
    for (const name of [
      'Title',
      'Heading 1',
      'Heading 2',
      'Transcript',
      'Low Confidence',
      'PHI',
      'Speaker Name',
      'Timestamp',
    ]) {
      expect(styles).toContain(`<w:name w:val="${name}"/>`);
    }
    expect(styles).toContain('<w:lang w:val="en-US"/>');
    const core = files['docProps/core.xml']!;
    expect(core).toContain('<dc:creator>scribekit</dc:creator>');
    expect(core).toContain('<dc:title>Transcript: example-dictation-0001</dc:title>');
    expect(core).toContain('<dc:subject>Medical transcript</dc:subject>');
    expect(core).toMatch(/<dc:description>Transcript of job example-dictation-0001: \d+ words/);
    expect(core).toContain('<dc:language>en-US</dc:language>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T15:04:05Z</dcterms:created>',
    );
  });

  it('splits a long dictation into paragraphs at sentence ends, without speaker names', async () => {
    const t = parseTranscript(synthBatch({ words: 1000 }));
    expect(t.speakers).toHaveLength(0);
    expect(t.turns).toHaveLength(1);
    const xml = documentXml(await toDocx(t, { date }));
    expect(runs(xml, 'SpeakerName')).toHaveLength(0);
    const paragraphs = xml.split('<w:pStyle w:val="TranscriptTurn"/>').slice(1);
    expect(paragraphs.length).toBeGreaterThan(1);
    expect(paragraphs.length).toBeLessThan(20);
    for (const p of paragraphs.slice(0, -1)) expect(xmlText(p).trimEnd()).toMatch(/[.?!]$/);
    expect(firstMissingToken(xmlText(xml), t.tokens)).toBe(-1);
  });
});

describe('toDocx review aids', () => {
  it('shades low-confidence words only (never the space before them) and explains the mark', async () => {
    const t = fixture('medical-conversation-phi');
    const xml = documentXml(await toDocx(t, { date, highlightPhi: false }));
    const expected = t.tokens
      .filter((k) => k.kind === 'word' && k.confidence !== null && k.confidence < 0.5)
      .map((k) => k.text);
    expect(expected.length).toBeGreaterThan(0);
    const shaded = runs(xml, 'LowConfidence');
    // The legend's sample word, then every low-confidence word on its own.
    expect(shaded).toEqual(['word', ...expected]);
    expect(xmlText(xml)).toContain('confidence below 50%');
    const higher = runs(
      documentXml(await toDocx(t, { date, highlightPhi: false, lowConfidenceThreshold: 0.95 })),
      'LowConfidence',
    );
    expect(higher.length).toBeGreaterThan(shaded.length);
    expect(higher.every((w) => w.trim() === w)).toBe(true);
  });

  it('highlights PHI entities, or replaces them with placeholders when redaction is asked for', async () => {
    const t = fixture('medical-conversation-phi');
    expect(t.entities.length).toBeGreaterThan(0);
    const xml = documentXml(await toDocx(t, { date }));
    const marked = runs(xml, 'PhiEntity').join(' ');
    for (const e of t.entities)
      for (const w of e.text.split(' ')) expect(marked).toContain(w.replace(/[.,]$/, ''));

    const files = unzipDocx(await toDocx(t, { date, redact: true }));
    const redacted = files['word/document.xml']!;
    expect(runs(redacted, 'PhiEntity')).toEqual([]);
    expect(runs(redacted, 'Redacted').filter((s) => s !== '[TYPE]').length).toBeGreaterThan(0);
    const all = Object.values(files).join('\n');
    for (const e of t.entities)
      for (const w of e.text.split(' ').filter((x) => x.length > 3)) expect(all).not.toContain(w);
    expect(xmlText(redacted)).toMatch(/Redacted\nYes, by scribekit: 3 typed placeholders for 3 PHI entities/);
    expect(files['word/header1.xml']).toContain('Redacted');
  });

  it('adds alternatives as Word comments only when asked', async () => {
    const t = fixture('show-alternatives');
    expect(t.alternatives.length).toBeGreaterThan(0);
    const without = unzipDocx(await toDocx(t, { date }));
    expect(without['word/comments.xml']).toBeUndefined();
    const withComments = unzipDocx(await toDocx(t, { date, comments: true }));
    const refs = withComments['word/document.xml']!.match(/<w:commentReference w:id="\d+"\/>/g) ?? [];
    const starts = withComments['word/document.xml']!.match(/<w:commentRangeStart w:id="\d+"\/>/g) ?? [];
    const ends = withComments['word/document.xml']!.match(/<w:commentRangeEnd w:id="\d+"\/>/g) ?? [];
    const expected = t.alternatives.filter((s) => s.alternatives.length > 1).length;
    expect(refs.length).toBe(expected);
    expect(starts.length).toBe(expected);
    expect(ends.length).toBe(expected);
    expect(withComments['word/comments.xml']).toContain('Alternatives:');
    const capped = documentXml(await toDocx(t, { date, comments: true, maxComments: 1 }));
    expect(capped.match(/<w:commentReference /g)).toHaveLength(1);
  });
});

describe('toDocx robustness', () => {
  const cases: [string, string][] = [
    ['no speakers', synthBatch({ words: 300 })],
    ['one speaker', synthBatch({ words: 300, speakers: 1 })],
    ['two channels', synthBatch({ words: 300, channels: 2 })],
    ['twelve speakers', synthBatch({ words: 600, speakers: 12 })],
    [
      'CJK',
      synthBatch({
        words: 300,
        speakers: 2,
        languageCode: 'ja-JP',
        vocabulary: ['患者', 'さんは', '胸の', '痛みを', '訴えています', '発熱', 'なし'],
      }),
    ],
  ];
  it.each(cases)('keeps every word in order: %s', async (_name, json) => {
    const t = parseTranscript(json);
    const xml = documentXml(await toDocx(t, { date }));
    expect(firstMissingToken(xmlText(xml), t.tokens)).toBe(-1);
    expect(xml.match(/<w:pStyle w:val="TranscriptTurn"\/>/g)!.length).toBeGreaterThanOrEqual(t.turns.length);
  });

  it('names all twelve speakers in the metadata and the summary table', async () => {
    const t = parseTranscript(synthBatch({ words: 600, speakers: 12 }));
    const text = xmlText(documentXml(await toDocx(t, { date })));
    expect(text).toContain('12: spk_0, spk_1, spk_2');
    for (let s = 0; s < 12; s++) expect(text).toContain(`\nspk_${s}\n`);
  });

  it('writes CJK without spaces and sets the East Asian language', async () => {
    const t = parseTranscript(
      synthBatch({ words: 30, languageCode: 'ja-JP', vocabulary: ['患者', 'さんは', '胸の'] }),
    );
    const files = unzipDocx(await toDocx(t, { date }));
    expect(xmlText(files['word/document.xml']!)).toContain('患者さんは胸の患者');
    expect(files['word/styles.xml']).toContain('<w:lang w:val="ja-JP" w:eastAsia="ja-JP"/>');
  });

  it('writes an empty transcript as a valid document that says so', async () => {
    const t = fixture('empty');
    expect(t.tokens).toHaveLength(0);
    const text = xmlText(documentXml(await toDocx(t, { date })));
    expect(text).toContain('This transcript contains no words.');
    expect(text).toContain('Duration\n00:00:00');
  });

  it('refuses a title with control characters, naming the option', async () => {
    const t = parseTranscript(synthBatch({ words: 4 }));
    await expect(toDocx(t, { date, title: 'T\u0000' })).rejects.toThrow(/^`title` must be/);
  });

  it('escapes XML-hostile names and replaces control characters', async () => {
    const hostile = 'Dr <A&B> "Q"\u0001\u0007\uFFFF';
    const t = parseTranscript(synthBatch({ words: 40, speakers: 2, jobName: 'job <&> \u0002' }));
    const files = unzipDocx(await toDocx(t, { date, speakerNames: { spk_0: hostile }, title: 'T <&>' }));
    for (const [name, xml] of Object.entries(files)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    const xml = files['word/document.xml']!;
    expect(xml).toContain('Dr &lt;A&amp;B&gt; &quot;Q&quot;\uFFFD\uFFFD\uFFFD:');
    expect(xml).toContain('T &lt;&amp;&gt;');
    expect(files['docProps/core.xml']).toContain('<dc:title>T &lt;&amp;&gt;</dc:title>');
    expect(files['word/header1.xml']).toContain('job &lt;&amp;&gt; \uFFFD');
  });

  it('keeps every word of a 5-hour transcript, with a heading every 30 minutes', async () => {
    const json = plantEntities(
      JSON.parse(synthBatch({ words: 40_500, speakers: 3, stepMs: 450, turnWords: 60 })),
    );
    const t = parseTranscript(json);
    expect(t.durationMs).toBeGreaterThan(5 * 3_600_000);
    const xml = documentXml(await toDocx(t, { date, comments: true, redact: true }));
    expect(firstMissingToken(xmlText(xml), redact(t).tokens)).toBe(-1);
    expect(xmlText(xml)).toMatch(/\[05:\d\d:\d\d\]/);
    // A Heading 2 every 30 minutes for navigation: 00:00, 00:30, … 05:00.
    const parts = [
      ...xml.matchAll(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">From ([\d:]+)</g),
    ].map((m) => m[1]);
    expect(parts).toEqual(
      Array.from(
        { length: 11 },
        (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00`,
      ),
    );
  });
});

describe('toDocx reproducibility and options', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('gives the same bytes for the same input and date, in any time zone', async () => {
    const t = fixture('show-alternatives');
    const a = await toDocx(t, { date, comments: true });
    const b = await toDocx(t, { date: date.toISOString(), comments: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await toDocx(t, { date: new Date('2027-01-01T00:00:00Z'), comments: true });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('takes the date from SOURCE_DATE_EPOCH when none is given', async () => {
    process.env.SOURCE_DATE_EPOCH = String(date.getTime() / 1000);
    const t = fixture('medical-dictation');
    const a = await toDocx(t);
    const b = await toDocx(t);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(unzipDocx(a)['docProps/core.xml']).toContain('2026-03-02T15:04:05Z</dcterms:modified>');
    process.env.SOURCE_DATE_EPOCH = 'yesterday';
    await expect(toDocx(t)).rejects.toBeInstanceOf(OptionsError);
  });

  it('stamps every zip entry with the UTC date', () => {
    expect(dosDateTime(date)).toEqual({ time: (15 << 11) | (4 << 5) | 2, day: (46 << 9) | (3 << 5) | 2 });
    expect(dosDateTime(new Date(0))).toEqual(dosDateTime(new Date('1980-01-01T00:00:00Z')));
    expect(() => setZipTimes(new Uint8Array(30), date)).toThrow(/no zip end record/);
  });

  it('refuses bad options with OptionsError', async () => {
    const t = fixture('empty');
    await expect(toDocx(t, { lowConfidenceThreshold: 1.5 })).rejects.toBeInstanceOf(OptionsError);
    await expect(toDocx(t, { date: 'not a date' })).rejects.toBeInstanceOf(OptionsError);
    await expect(toDocx(t, { maxComments: -1 })).rejects.toBeInstanceOf(OptionsError);
    await expect(toDocx(t, { paper: 'a3' as 'a4' })).rejects.toBeInstanceOf(OptionsError);
  });

  it("is the registry's binary `docx` exporter", async () => {
    const exporter = getExporter('docx');
    expect(exporter.kind).toBe('binary');
    expect(exporter.extension).toBe('docx');
    const bytes = (await render(fixture('medical-dictation'), ['docx'], { date }))[0]!.data as Uint8Array;
    expect(Buffer.from(bytes).equals(Buffer.from(await toDocx(fixture('medical-dictation'), { date })))).toBe(
      true,
    );
  });

  it('uses the paper size asked for', async () => {
    const t = fixture('empty');
    expect(documentXml(await toDocx(t, { date }))).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(documentXml(await toDocx(t, { date, paper: 'letter' }))).toContain(
      '<w:pgSz w:w="12240" w:h="15840"',
    );
  });
});
