// Golden word/document.xml for every fixture (one line per paragraph/table/row; update with `vitest -u`).
import { parseTranscript } from '@scribekit/core';
import { type DocxOptions, toDocx } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/corpus.js';
import { documentXml, prettyXml, synthBatch } from './docx-helpers.js';

const date = new Date('2026-03-02T15:04:05Z');
const golden = (name: string) =>
  new URL(`../../../test/golden/${name}.document.xml`, import.meta.url).pathname;

const fixtures: [golden: string, fixture: string, options: DocxOptions][] = [
  ['dictation-report', 'dictation-report', {}],
  [
    'medical-conversation-phi',
    'medical-conversation-phi',
    { speakerNames: { spk_0: 'Clinician', spk_1: 'Patient' } },
  ],
  ['medical-conversation-phi.redacted', 'medical-conversation-phi', { redact: true }],
  ['medical-dictation', 'medical-dictation', {}],
  ['two-channel', 'two-channel', {}],
  ['show-alternatives', 'show-alternatives', { comments: true }],
  ['pii-redacted', 'pii-redacted', {}],
  ['speaker-label-gaps', 'speaker-label-gaps', {}],
  ['empty', 'empty', {}],
];

describe('toDocx golden document.xml', () => {
  it.each(fixtures)('%s', async (name, fixture, options) => {
    const t = parseTranscript(readFixture(`transcribe/${fixture}.json`), { file: fixture });
    const xml = documentXml(await toDocx(t, { ...options, date }));
    await expect(prettyXml(xml)).toMatchFileSnapshot(golden(name));
  });

  it('hostile-names (XML-special and control characters in names, CJK words)', async () => {
    const json = synthBatch({
      words: 40,
      speakers: 2,
      jobName: 'job <&> "x"',
      languageCode: 'zh-CN',
      vocabulary: ['患者', '胸痛', '两周', 'R&D', '<b>', 'ok'],
    });
    const xml = documentXml(
      await toDocx(parseTranscript(json), { date, speakerNames: { spk_1: 'A <&> B\u0001' } }),
    );
    await expect(prettyXml(xml)).toMatchFileSnapshot(golden('hostile-names'));
  });
});
