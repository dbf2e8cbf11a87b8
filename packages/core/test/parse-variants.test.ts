// Every output generation and quirk of the batch format, on small inline inputs.
import {
  InvalidJsonError,
  JobStatusError,
  parseTranscript,
  type Transcript,
  TranscriptError,
  TranscriptParseError,
  transcriptText,
  UnsupportedFormatError,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';

type Item = Record<string, unknown>;
const word = (content: string, start: string | number, end: string | number, extra: Item = {}): Item => ({
  start_time: start,
  end_time: end,
  alternatives: [{ confidence: '0.98', content }],
  type: 'pronunciation',
  ...extra,
});
const punct = (content: string, confidence?: unknown, extra: Item = {}): Item => ({
  alternatives: [confidence === undefined ? { content } : { confidence, content }],
  type: 'punctuation',
  ...extra,
});
const batch = (items: Item[], results: Item = {}, top: Item = {}) => ({
  jobName: 'job',
  accountId: '000000000000',
  results: { transcripts: [{ transcript: '' }], items, ...results },
  status: 'COMPLETED',
  ...top,
});
const parse = (json: unknown, file = 'input.json'): Transcript =>
  parseTranscript(JSON.stringify(json), { file });
const thrown = (fn: () => unknown): TranscriptError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('expected a TranscriptError');
};

describe('numbers and times', () => {
  it('reads seconds written with 1 to 6 decimals, or as numbers, as integer ms', () => {
    const t = parse(
      batch([
        word('a', '0.0', '0.5'),
        word('b', '1.25', '1.333'),
        word('c', '2.000000', '12.2825'),
        word('d', 13, 13.5),
      ]),
    );
    expect(t.tokens.map((k) => [k.startMs, k.endMs])).toEqual([
      [0, 500],
      [1250, 1333],
      [2000, 12283],
      [13000, 13500],
    ]);
    expect(t.tokens.every((k) => Number.isInteger(k.startMs) && Number.isInteger(k.endMs))).toBe(true);
    expect(t.durationMs).toBe(13500);
  });

  it('gives punctuation no confidence whether it is "0.0", "0.0000", null or absent, and the time of its word', () => {
    const t = parse(
      batch([
        word('Hi', '0.1', '0.4'),
        punct(',', '0.0'),
        word('you', '0.5', '0.7'),
        punct('.', null),
        word('ok', '1', '1.2'),
        punct('?'),
        word('yes', '2', '2.2'),
        punct('!', '0.0000'),
      ]),
    );
    expect(
      t.tokens.filter((k) => k.kind === 'punctuation').map((k) => [k.confidence, k.startMs, k.timed]),
    ).toEqual([
      [null, 400, false],
      [null, 700, false],
      [null, 1200, false],
      [null, 2200, false],
    ]);
    expect(transcriptText(t)).toBe('Hi, you. ok? yes!');
  });

  it('repairs backwards times without reordering words, and says so', () => {
    const t = parse(
      batch([word('one', '1.0', '1.5'), word('two', '2.0', '1.8'), word('three', '1.9', '2.4')]),
    );
    expect(t.tokens.map((k) => k.text)).toEqual(['one', 'two', 'three']);
    expect(t.tokens.map((k) => [k.startMs, k.endMs])).toEqual([
      [1000, 1500],
      [2000, 2000],
      [2000, 2400],
    ]);
    expect(t.warnings).toHaveLength(2);
    expect(t.warnings.join(' ')).not.toMatch(/one|two|three/);
  });

  it('reads key order and layout as it comes (status before results, pretty or compact)', () => {
    const json = {
      status: 'COMPLETED',
      results: { items: [word('a', '0', '1')], transcripts: [] },
      accountId: 'x',
      jobName: 'j',
    };
    const a = parseTranscript(JSON.stringify(json));
    const b = parseTranscript(JSON.stringify(json, null, 4));
    expect(a).toEqual(b);
  });

  it('strips a UTF-8 byte-order mark from bytes and from text', () => {
    const text = JSON.stringify(batch([word('a', '0', '1')]));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(parseTranscript(bytes).tokens).toHaveLength(1);
    expect(parseTranscript(`\ufeff${text}`).tokens).toHaveLength(1);
  });
});

describe('speakers and channels', () => {
  it('new generation: speaker_label on items (including punctuation)', () => {
    const t = parse(
      batch(
        [
          word('a', '0', '1', { speaker_label: 'spk_1' }),
          punct('.', '0.0', { speaker_label: 'spk_1' }),
          word('b', '2', '3', { speaker_label: 'spk_0' }),
        ],
        { speaker_labels: { speakers: 2, channel_label: 'ch_0', segments: [] } },
      ),
    );
    expect(t.tokens.map((k) => k.speaker)).toEqual(['spk_1', 'spk_1', 'spk_0']);
    expect(t.speakers.map((s) => s.id)).toEqual(['spk_0', 'spk_1']);
    expect(t.turns).toHaveLength(2);
  });

  it('old generation: joins speakers by start time, falls back to the segment span, punctuation follows its word', () => {
    const segments = [
      {
        start_time: '0.0',
        end_time: '1.0',
        speaker_label: 'spk_0',
        items: [{ start_time: '0.0', end_time: '1.0', speaker_label: 'spk_0' }],
      },
      { items: [], start_time: '1.5', end_time: '3.5', speaker_label: 'spk_1' },
    ];
    const t = parse(
      batch([word('a', '0.0', '1.0'), punct('.'), word('b', '2.0', '3.0')], {
        speaker_labels: { speakers: 2, segments },
      }),
    );
    expect(t.tokens.map((k) => k.speaker)).toEqual(['spk_0', 'spk_0', 'spk_1']);
    expect(t.warnings).toHaveLength(1);
  });

  it('old channel files: channel from channel_labels, merged by time', () => {
    const ch0 = [word('hello', '0.0', '0.5'), word('there', '2.0', '2.5')];
    const ch1 = [word('hi', '1.0', '1.5'), punct('.')];
    const t = parse(
      batch([...ch0, ...ch1], {
        channel_labels: {
          number_of_channels: 2,
          channels: [
            { channel_label: 'ch_0', items: ch0 },
            { channel_label: 'ch_1', items: ch1 },
          ],
        },
      }),
    );
    expect(t.tokens.map((k) => `${k.channel}:${k.text}`)).toEqual([
      'ch_0:hello',
      'ch_1:hi',
      'ch_1:.',
      'ch_0:there',
    ]);
  });
});

describe('content variants', () => {
  it('keeps *** masked words and [PII] words as tokens, marked', () => {
    const t = parse(
      batch([
        word('***', '0', '1'),
        {
          start_time: '1',
          end_time: '2',
          alternatives: [
            { content: '[PII]', redactions: [{ confidence: '0.99', type: 'NAME', category: 'PII' }] },
          ],
          type: 'pronunciation',
        },
      ]),
    );
    expect(t.tokens.map((k) => k.serviceRedaction?.kind)).toEqual(['vocabulary-mask', 'pii']);
    expect(t.tokens[1]!.confidence).toBe(0.99);
  });

  it('keeps vocabulary_filter_match and per-item language_code', () => {
    const t = parse(
      batch([
        word('a', '0', '1', { vocabulary_filter_match: true, language_code: 'en-US' }),
        word('b', '1', '2'),
      ]),
    );
    expect(t.tokens[0]).toMatchObject({ vocabularyFilterMatch: true, language: 'en-US' });
    expect(t.tokens[1]!.vocabularyFilterMatch).toBeUndefined();
    expect(t.metadata.languageCode).toBe('en-US');
  });

  it('joins Japanese and Chinese without spaces but keeps spaces in Korean', () => {
    const ja = parse(batch([word('皆さん', '0', '1'), word('初め', '1', '2'), word('まして', '2', '3')]));
    expect(transcriptText(ja)).toBe('皆さん初めまして');
    expect(ja.metadata.languageCode).toBe('ja-JP');
    const ko = parse(batch([word('오늘', '0', '1'), word('강의', '1', '2'), punct('.', '0.0')]));
    expect(transcriptText(ko)).toBe('오늘 강의.');
    expect(ko.metadata.languageCode).toBe('ko-KR');
    const mixed = parse(batch([word('CT', '0', '1'), word('検査', '1', '2')]));
    expect(transcriptText(mixed)).toBe('CT 検査');
  });

  it('reads PHI entities in camelCase numbers and snake_case strings, linked by time overlap', () => {
    const items = [
      word('Jane', '1.0', '1.4'),
      word('Doe', '1.4', '1.8'),
      word('on', '2.0', '2.1'),
      word('Monday', '2.2', '2.6'),
    ];
    const t = parse(
      batch(items, {
        entities: [
          { content: 'Jane Doe', category: 'PHI-Personal', startTime: 1.05, endTime: 1.75, confidence: 0.99 },
          {
            content: 'Monday',
            category: 'PHI',
            type: 'DATE',
            start_time: '2.2',
            end_time: '2.6',
            confidence: '0.9',
          },
        ],
      }),
    );
    expect(t.entities.map((e) => [e.type, e.firstToken, e.endToken, e.confidence])).toEqual([
      ['NAME', 0, 2, 0.99],
      ['DATE', 3, 4, 0.9],
    ]);
  });
});

describe('refusals with helpful, typed errors', () => {
  it('a job description: use fetch', () => {
    const e = thrown(() =>
      parse({ MedicalTranscriptionJob: { TranscriptionJobStatus: 'COMPLETED' } }, 'job.json'),
    );
    expect(e).toBeInstanceOf(UnsupportedFormatError);
    expect(e.message).toBe('job.json: This is a job description, not a transcript');
  });

  it('a job object alone (as `scribekit fetch` saves it) is a job description too', () => {
    const job = { MedicalTranscriptionJobName: 'visit-1', TranscriptionJobStatus: 'COMPLETED' };
    const e = thrown(() => parse(job, 'visit-1.job.json'));
    expect(e).toBeInstanceOf(UnsupportedFormatError);
    expect((e as UnsupportedFormatError).detected).toBe('job-description');
    const failed = thrown(() =>
      parse({ ...job, TranscriptionJobStatus: 'FAILED', FailureReason: 'Unsupported audio format' }),
    );
    expect(failed).toBeInstanceOf(JobStatusError);
    expect(failed.message).toContain('Unsupported audio format');
  });

  it('a job that is still running, or failed', () => {
    expect(
      thrown(() => parse({ MedicalTranscriptionJob: { TranscriptionJobStatus: 'IN_PROGRESS' } })),
    ).toBeInstanceOf(JobStatusError);
    const failed = thrown(() => parse(batch([], {}, { status: 'FAILED' })));
    expect(failed).toBeInstanceOf(JobStatusError);
    expect(failed.code).toBe('E_JOB_STATUS');
  });

  it('unrelated JSON and non-objects', () => {
    for (const json of [{ hello: 'world' }, [1, 2], 'text', 42, null]) {
      const e = thrown(() => parse(json));
      expect(e).toBeInstanceOf(UnsupportedFormatError);
      expect((e as UnsupportedFormatError).detected).toBe('unknown');
    }
  });

  it('not JSON, truncated JSON, fragments: where it breaks, by line and column', () => {
    const cases: [string, RegExp][] = [
      ['', /the input is empty at line 1, column 1/],
      ['WEBVTT\n\n00:00.000 --> 00:01.000\nhi', /unquoted text at line 1, column 1/],
      ['{"results": {"items": [', /ends inside an array at line 1, column 24/],
      ['"results": {}', /more content after the end of the JSON document at line 1, column 10/],
      ['{\n  "a": 1,\n}', /a trailing comma in an object at line 3, column 1/],
      ['{"a": [1, 2,]}', /a trailing comma in an array/],
      ['{"a": "line\nbreak"}', /a raw line break inside a string at line 1, column 12/],
    ];
    for (const [text, message] of cases) {
      const e = thrown(() => parseTranscript(text, { file: 'x.json' }));
      expect(e).toBeInstanceOf(InvalidJsonError);
      expect(e.code).toBe('E_JSON');
      expect(e.message).toMatch(message);
    }
  });

  it('schema errors list every issue with a dot path and plain words', () => {
    const json = batch([
      word('a', '0', '1'),
      { type: 'pronunciation', start_time: 'soon', end_time: '1', alternatives: [] },
    ]);
    const e = thrown(() => parse(json, 'bad.json')) as TranscriptParseError;
    expect(e).toBeInstanceOf(TranscriptParseError);
    expect(e.issues).toEqual([
      {
        path: 'results.items[1].start_time',
        message: 'Expected a time in seconds (a number or numeric string from 0 to 315360000)',
      },
      { path: 'results.items[1].alternatives', message: 'Expected at least 1 entry' },
    ]);
    expect(e.message).toBe(
      'bad.json: Invalid Transcribe transcript: Expected a time in seconds (a number or numeric string from 0 to 315360000) at `results.items[1].start_time` (and 1 more issue)',
    );
    const missing = thrown(() => parse({ results: { transcripts: [] } })) as TranscriptParseError;
    expect(missing.issues[0]).toEqual({
      path: 'results.items',
      message: 'Expected an array, but it is missing',
    });
  });

  it('never puts transcript words in an error (canary)', () => {
    const canary = 'Zebracanary';
    const bad = [
      JSON.stringify(batch([word(canary, 'x', '1')])),
      JSON.stringify(batch([{ type: canary, alternatives: [{ content: canary }] }])),
      JSON.stringify(batch([word(canary, '0', '1')], { speaker_labels: { speakers: canary } })),
      JSON.stringify(batch([word(canary, '0', '1')], { entities: [{ content: canary }] })),
      JSON.stringify(batch([word(canary, '0', '1')])).slice(0, 60),
      `{"results": {"items": [${canary}]}}`,
      `{"${canary}": "${canary}\n"}`,
      JSON.stringify({ [canary]: canary }),
      JSON.stringify({ MedicalTranscriptionJob: { TranscriptionJobStatus: canary } }),
    ];
    for (const text of bad) {
      const e = thrown(() => parseTranscript(text, { file: 'f.json' }));
      const everything = JSON.stringify({
        message: e.message,
        issues: (e as TranscriptParseError).issues,
        cause: String(e.cause),
      });
      expect(everything.toLowerCase()).not.toContain(canary.toLowerCase());
    }
  });
});
