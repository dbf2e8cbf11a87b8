// Hostile text in a transcript (control characters, bidi overrides, line breaks inside a word, lone
// surrogates) never reaches an output raw; malformed numbers are refused, not guessed.
import { parseTranscript, TranscriptParseError } from '@scribekit/core';
import { toDocx, toFhirJson, toMarkdown, toSrt, toText, toVtt } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { documentXml } from '../packages/exporters/test/docx-helpers.js';

const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])/u;

const item = (content: string, start: number) => ({
  type: 'pronunciation',
  start_time: (start / 1000).toFixed(3),
  end_time: ((start + 400) / 1000).toFixed(3),
  alternatives: [{ confidence: '0.9', content }],
});

function hostile() {
  const words = [
    'Hello',
    'a\u0000b',
    'ring\u0007',
    '\u202eevil\u202c',
    'two\nlines',
    'tab\tbed',
    'x\ud800',
    'end',
  ];
  return {
    jobName: 'job\u202e\u0007name',
    status: 'COMPLETED',
    results: { transcripts: [{ transcript: '' }], items: words.map((w, i) => item(w, i * 500)) },
  };
}

describe('hostile text', () => {
  const t = parseTranscript(hostile());

  it('is made safe once, in the model, with a warning that counts it', () => {
    expect(t.tokens.map((k) => k.text)).toEqual([
      'Hello',
      'a\ufffdb',
      'ring\ufffd',
      '\ufffdevil\ufffd',
      'two lines',
      'tab bed',
      'x\ufffd',
      'end',
    ]);
    expect(t.metadata.jobName).toBe('job\ufffd\ufffdname');
    expect(t.warnings).toEqual([
      '2 token(s) held line breaks or tabs; they were replaced with spaces',
      '4 token(s) held control, bidirectional-override or broken characters; they were replaced with U+FFFD',
    ]);
  });

  it('reaches no output raw, and a word with a line break stays in its paragraph', async () => {
    const outputs = {
      srt: toSrt(t),
      vtt: toVtt(t),
      txt: toText(t),
      md: toMarkdown(t),
      fhir: toFhirJson(t, { subject: 'Patient/1' }),
      docx: documentXml(await toDocx(t, { date: '2024-05-01T00:00:00Z' })),
    };
    for (const [format, text] of Object.entries(outputs))
      expect({ format, unsafe: UNSAFE.test(text) }).toEqual({ format, unsafe: false });
    expect(outputs.txt.split('\n\n')).toHaveLength(1);
    expect(outputs.txt).toContain('two lines tab bed');
  });

  it('speaker names from the options are cleaned the same way, in every output', async () => {
    const { readFileSync } = await import('node:fs');
    const c = parseTranscript(readFileSync(new URL('../examples/conversation.json', import.meta.url)));
    const o = { speakerNames: { spk_0: 'Dr\u0007 \u202eRivera', spk_1: 'Pat\u0000ient' } };
    const outputs = {
      srt: toSrt(c, o),
      vtt: toVtt(c, o),
      txt: toText(c, o),
      md: toMarkdown(c, o),
      fhir: toFhirJson(c, { ...o, subject: 'Patient/1' }),
      docx: documentXml(await toDocx(c, { ...o, date: '2024-05-01T00:00:00Z' })),
    };
    for (const [format, text] of Object.entries(outputs)) {
      expect({ format, unsafe: UNSAFE.test(text) }).toEqual({ format, unsafe: false });
      // FHIR carries the text as a base64 attachment.
      if (format !== 'fhir') expect(text, format).toMatch(/Rivera/i);
    }
  });
});

describe('numbers', () => {
  it.each(['0x10', '1e', ' 1.5', 'Infinity', '0b1', ''])('refuses the time %j with its JSON path', (bad) => {
    const json = hostile();
    (json.results.items[2] as { start_time: string }).start_time = bad;
    expect(() => parseTranscript(json)).toThrow(TranscriptParseError);
    expect(() => parseTranscript(json)).toThrow(/at `results\.items\[2\]\.start_time`/);
  });

  it('reads decimal strings and numbers', () => {
    const json = hostile();
    (json.results.items[2] as unknown as { start_time: number }).start_time = 1.25;
    (json.results.items[3] as { start_time: string }).start_time = '1.5000';
    const t = parseTranscript(json);
    expect(t.tokens[2]!.startMs).toBe(1250);
    expect(t.tokens[3]!.startMs).toBe(1500);
  });

  it('says what kind of value is wrong instead of calling it missing', () => {
    const json = { results: { items: {} } };
    expect(() => parseTranscript(json)).toThrow('Expected an array, got an object at `results.items`');
    expect(() => parseTranscript({ results: {} })).toThrow(
      'Expected an array, but it is missing at `results.items`',
    );
  });
});
