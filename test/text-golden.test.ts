// Golden plain-text, Markdown and JSON files for the synthetic fixtures (update with `npx vitest run -u`
// after review), and the rule every full-text export keeps: each token exactly once, in order.
import { NoPhiEntitiesError, parseTranscript, redact, type Transcript } from '@scribekit/core';
import {
  type DocumentLayout,
  documentLayout,
  type TextOptions,
  toJson,
  toMarkdown,
  toText,
} from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { hasCorpus, parsableBatch, readCorpus, readFixture } from './support/corpus.js';
import { canRedact } from './support/phi.js';

const cases: { fixture: string; variant?: string; options?: TextOptions }[] = [
  { fixture: 'medical-dictation' },
  { fixture: 'dictation-report' },
  { fixture: 'dictation-report', variant: 'no-sections', options: { sections: 'off' } },
  { fixture: 'medical-conversation-phi' },
  {
    fixture: 'medical-conversation-phi',
    variant: 'named',
    options: { speakerNames: { spk_0: 'Dr. Rivera', spk_1: 'Patient' } },
  },
  {
    fixture: 'medical-conversation-phi',
    variant: 'redacted',
    options: { redact: true, speakerNames: { spk_0: 'Dr. Rivera', spk_1: 'Patient' } },
  },
  { fixture: 'two-channel', options: { speakerNames: { ch_0: 'Nurse', ch_1: 'Caller' } } },
  { fixture: 'speaker-label-gaps' },
  { fixture: 'pii-redacted', variant: 'no-times', options: { timestamps: false } },
];

const load = (fixture: string) =>
  parseTranscript(readFixture(`transcribe/${fixture}.json`), { file: `${fixture}.json` });

/** The transcript part of a plain-text export: headings and paragraph bodies (each block's lines after its header). */
function textBodies(out: string, timestamps = true): string {
  const transcript = out.trimEnd().split('\n\nCLINICAL SUMMARY\n')[0]!;
  return transcript
    .split('\n\n')
    .map((block) =>
      /^[^\n]+:$/.test(block) && block === block.toUpperCase()
        ? block.slice(0, -1)
        : timestamps || block.includes('\n')
          ? block.split('\n').slice(1).join(' ')
          : block,
    )
    .join(' ');
}

/** The transcript part of a Markdown export, unescaped: paragraph bodies after the `**name** · times\` line. */
function markdownBodies(out: string): string {
  const transcript = out.split('\n\n## Clinical summary\n')[0]!;
  return transcript
    .split('\n\n')
    .filter((block) => block.includes('\\\n') || /^#{2,3} /.test(block) || /^\d+\. /.test(block))
    .map((block) =>
      /^#{2,3} /.test(block)
        ? block.replace(/^#+ /, '')
        : /^\d+\. /.test(block)
          ? block
          : block.split('\\\n')[1]!,
    )
    .join(' ')
    .replace(/\\(.)/g, '$1');
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Every token's text, in order, with nothing between: what the bodies must hold exactly. */
const tokenStream = (t: Transcript) => squash(t.tokens.map((k) => k.text).join(''));
const wordsOf = (s: string) =>
  squash(s)
    .replace(/[.,?!:;]/g, '')
    .toLowerCase();
/** The words a dictation's documents hold: each token's, but each list marker as its item's number. */
function expectedWords(t: Transcript, layout: DocumentLayout): string {
  const marker = new Map<number, number>();
  for (const s of layout.sections)
    for (const b of s.blocks)
      for (const p of b.paragraphs)
        if (p.item)
          for (let k = p.first; k < p.item.markerEnd; k++) marker.set(k, k === p.first ? p.item.ordinal : -1);
  return t.tokens
    .map((k, i) =>
      marker.has(i) ? (marker.get(i)! > 0 ? String(marker.get(i)) : '') : k.kind === 'word' ? k.text : '',
    )
    .join('')
    .replace(/[.,?!:;]/g, '')
    .toLowerCase();
}

describe('txt/md/json golden files', () => {
  for (const { fixture, variant, options = {} } of cases) {
    const name = variant ? `${fixture}.${variant}` : fixture;
    it(name, async () => {
      const t = load(fixture);
      await expect(toText(t, options)).toMatchFileSnapshot(`golden/${name}.txt`);
      await expect(toMarkdown(t, options)).toMatchFileSnapshot(`golden/${name}.md`);
    });
  }

  it('json: the canonical model, round-trippable', async () => {
    const t = load('medical-dictation');
    const json = toJson(t);
    await expect(json).toMatchFileSnapshot('golden/medical-dictation.scribekit.json');
    const { sections, ...model } = JSON.parse(json);
    expect(model).toEqual(JSON.parse(JSON.stringify(t)));
    // A dictation's sections ride along as token ranges with their title and LOINC code.
    expect(sections.map((s: { id: string | null }) => s.id)).toEqual([null, 'plan']);
    expect(sections[1]).toMatchObject({
      title: 'Plan',
      code: { system: 'http://loinc.org', code: '18776-5' },
    });
    expect(JSON.parse(toJson(t, { indent: 0 }))).toEqual(JSON.parse(json));
  });

  it('json applies speaker names to labels and redaction to words and entities', () => {
    const t = load('medical-conversation-phi');
    const out = JSON.parse(toJson(t, { redact: true, speakerNames: { spk_0: 'Dr. Rivera' } })) as Transcript;
    expect(out.speakers.find((s) => s.id === 'spk_0')?.label).toBe('Dr. Rivera');
    expect(out.redaction?.tokens).toBeGreaterThan(0);
    for (const e of t.entities) expect(JSON.stringify(out)).not.toContain(`"${e.text}"`);
  });
});

describe('every token exactly once, in order', () => {
  const fixtures = ['medical-conversation-phi', 'two-channel', 'speaker-label-gaps'];
  for (const fixture of fixtures) {
    it(fixture, () => {
      const t = load(fixture);
      expect(squash(textBodies(toText(t)))).toBe(tokenStream(t));
      expect(squash(markdownBodies(toMarkdown(t)))).toBe(tokenStream(t));
      if (canRedact(t)) {
        const r = redact(t);
        expect(squash(textBodies(toText(t, { redact: true })))).toBe(tokenStream(r));
        expect(squash(markdownBodies(toMarkdown(t, { redact: true })))).toBe(tokenStream(r));
      } else {
        // The job did not look for PHI: redaction is refused rather than claimed.
        expect(() => toText(t, { redact: true })).toThrow(NoPhiEntitiesError);
        expect(() => toMarkdown(t, { redact: true })).toThrow(NoPhiEntitiesError);
      }
      expect(squash(textBodies(toText(t, { timestamps: false }), false))).toBe(tokenStream(t));
    });
  }

  // A dictation: every word once, in order (compared without case and punctuation: a heading's trailing
  // punctuation becomes the heading, a section body opens with a capital), and a spoken list marker written as
  // its item's number — nothing else added, nothing dropped.
  for (const fixture of ['medical-dictation', 'dictation-report']) {
    it(`${fixture} (a dictation with sections)`, () => {
      const t = load(fixture);
      const { layout } = documentLayout(t);
      expect(layout.structured).toBe(true);
      expect(layout.sections.filter((s) => s.heading).length).toBeGreaterThan(0);
      const expected = expectedWords(t, layout);
      expect(wordsOf(textBodies(toText(t)))).toBe(expected);
      expect(wordsOf(markdownBodies(toMarkdown(t)))).toBe(expected);
      expect(wordsOf(textBodies(toText(t, { timestamps: false }), false))).toBe(expected);
    });
  }

  it('an empty transcript gives an empty text and a title-only Markdown file', () => {
    const t = load('empty');
    expect(toText(t)).toBe('');
    expect(toMarkdown(t)).toBe('# Transcript: example-empty-0007\n');
  });

  it.skipIf(!hasCorpus)('every parsable batch transcript of the corpus', () => {
    for (const entry of parsableBatch()) {
      const t = parseTranscript(readCorpus(entry.file), { file: entry.file });
      expect(squash(textBodies(toText(t))), entry.file).toBe(tokenStream(t));
      expect(squash(markdownBodies(toMarkdown(t))), entry.file).toBe(tokenStream(t));
    }
  });
});
