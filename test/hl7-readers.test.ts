// Every generated MDM message read by two independent HL7 readers — Debian's python3-hl7 (hl7.parse) and
// the npm parser node-hl7-client — checking the segment order, the fields scribekit writes, the escaping
// round trip (|^~\& , line breaks, non-ASCII, emoji) and, over the corpus, word conservation.
import { parseTranscript, type Transcript } from '@scribekit/core';
import { buildMdmMessage, type MdmInput, mdmInputOf } from '@scribekit/exporters';
import { renderContext } from '@scribekit/exporters/render';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, loadManifest, readCorpus } from './support/corpus.js';
import { HOSTILE_TEXT, sampleMdmInput } from './support/hl7/fixtures.js';
import { pythonHl7Missing, type ReadMessage, readWithNode, readWithPython } from './support/hl7/readers.js';

const KEYS = [
  'MSH-3',
  'MSH-4',
  'MSH-5',
  'MSH-6.1',
  'MSH-6.2',
  'MSH-6.3',
  'MSH-7',
  'MSH-9.1',
  'MSH-9.2',
  'MSH-9.3',
  'MSH-10',
  'MSH-11',
  'MSH-12',
  'MSH-18',
  'EVN-1',
  'EVN-2',
  'PID-3.1',
  'PID-3.4',
  'PID-3.5',
  'PID-5.1',
  'PID-5.2',
  'PV1-2',
  'PV1-19.1',
  'TXA-1',
  'TXA-2',
  'TXA-3',
  'TXA-4',
  'TXA-5.1',
  'TXA-5.2',
  'TXA-6',
  'TXA-7',
  'TXA-9.1',
  'TXA-9.2',
  'TXA-9.3',
  'TXA-12.1',
  'TXA-12.2',
  'TXA-13.1',
  'TXA-16',
  'TXA-17',
  'TXA-18',
  'TXA-19',
  'TXA-21',
  'TXA-22.1',
  'TXA-22.2',
  'TXA-22.15',
  'PID-3[2].1',
  'PID-3[2].5',
] as const;
const REPEATS = ['PID-3', 'TXA-22'];

/** An HL7 TS read independently of the encoder: `YYYYMMDDHHMM[SS[.S…]]±ZZZZ` → epoch ms. */
function tsToMs(ts: string): number {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(?:\.(\d{1,4}))?([+-])(\d\d)(\d\d)$/.exec(ts);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, f, sign, oh, om] = m;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0), Math.floor(+`0.${f ?? 0}` * 1000));
  return utc - (sign === '-' ? -1 : 1) * (+oh! * 60 + +om!) * 60_000;
}
/** The first word token not found in `text` after the previous one (-1: all there, in order). */
function firstMissingWord(text: string, t: Transcript): number {
  let at = 0;
  for (const [i, tok] of t.tokens.entries()) {
    if (tok.kind !== 'word' || tok.text === '') continue;
    const found = text.indexOf(tok.text, at);
    if (found < 0) return i;
    at = found + tok.text.length;
  }
  return -1;
}
const instant = (v: string | Date | undefined) => (v === undefined ? Number.NaN : new Date(v).getTime());

/** The blocks the encoder turns into OBX: lines of each non-blank block, trailing spaces removed. */
function expectedBlocks(input: MdmInput): string[][] {
  return input.observations.lines
    .map((l) =>
      l.text
        .split(/\r\n|[\n\r\u0085\u2028\u2029]/)
        .map((r) => r.replace(/\s+$/, ''))
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((t) => t.trim() !== '')
    .map((t) => t.split('\n'));
}

/** Checks one reading against its input (both readers must pass the same checks). */
function checkReading(reader: string, read: ReadMessage, input: MdmInput) {
  const f = read.fields;
  const d = input.document;
  const ctx = `${reader}`;
  expect(read.segments, ctx).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', ...read.obx.map(() => 'OBX')]);
  expect(f['MSH-3'], ctx).toBe(input.message.sendingApplication);
  expect(f['MSH-9.1'], ctx).toBe('MDM');
  expect(f['MSH-9.2'], ctx).toBe(input.event);
  expect(f['MSH-9.3'], ctx).toBe('MDM_T02');
  expect(f['MSH-10'], ctx).toBe(input.message.controlId);
  expect(f['MSH-11'], ctx).toBe(input.message.processingId);
  expect(f['MSH-12'], ctx).toBe('2.5.1');
  expect(f['MSH-18'], ctx).toBe('UNICODE UTF-8');
  expect(tsToMs(f['MSH-7']!), ctx).toBe(instant(input.message.dateTime));
  expect(f['EVN-1'], ctx).toBe(input.event);
  expect(tsToMs(f['EVN-2']!), ctx).toBe(instant(input.eventRecordedAt ?? input.message.dateTime));
  const pid = input.patient.identifiers[0]!;
  expect(f['PID-3.1'], ctx).toBe(pid.id);
  expect(f['PID-3.5'], ctx).toBe(pid.identifierTypeCode ?? '');
  expect(read.repeats['PID-3'], ctx).toHaveLength(input.patient.identifiers.length);
  expect(f['PID-5.1'], ctx).toBe(input.patient.name?.family ?? '');
  expect(f['PID-5.2'], ctx).toBe(input.patient.name?.given ?? '');
  expect(f['PV1-2'], ctx).toBe(input.visit.patientClass);
  expect(f['PV1-19.1'], ctx).toBe(input.visit.visitNumber?.id ?? '');
  expect(f['TXA-1'], ctx).toBe('1');
  expect(f['TXA-2'], ctx).toBe(d.type);
  expect(f['TXA-3'], ctx).toBe(input.observations.valueType);
  for (const [key, value] of [
    ['TXA-4', d.activityAt],
    ['TXA-6', d.originatedAt],
    ['TXA-7', d.transcribedAt],
  ] as const) {
    if (value === undefined) expect(f[key], `${ctx} ${key}`).toBe('');
    else expect(tsToMs(f[key]!), `${ctx} ${key}`).toBe(instant(value));
  }
  expect(f['TXA-5.1'], ctx).toBe(d.primaryActivityProviders?.[0]?.id ?? '');
  expect(f['TXA-5.2'], ctx).toBe(d.primaryActivityProviders?.[0]?.family ?? '');
  expect(f['TXA-9.1'], ctx).toBe(d.originators?.[0]?.id ?? '');
  expect(f['TXA-9.2'], ctx).toBe(d.originators?.[0]?.family ?? '');
  expect(f['TXA-9.3'], ctx).toBe(d.originators?.[0]?.given ?? '');
  expect(f['TXA-12.1'], ctx).toBe(d.uniqueDocumentNumber.id);
  expect(f['TXA-12.2'], ctx).toBe(d.uniqueDocumentNumber.namespaceId ?? '');
  expect(f['TXA-13.1'], ctx).toBe(d.parentDocumentNumber?.id ?? '');
  expect(f['TXA-16'], ctx).toBe(d.uniqueDocumentFileName ?? '');
  expect(f['TXA-17'], ctx).toBe(d.completionStatus);
  expect(f['TXA-18'], ctx).toBe(d.confidentiality ?? '');
  expect(f['TXA-19'], ctx).toBe(d.availability ?? '');
  expect(f['TXA-21'], ctx).toBe(d.changeReason ?? '');
  const auth = d.authentications?.[0];
  expect(f['TXA-22.1'], ctx).toBe(auth?.id ?? '');
  expect(f['TXA-22.2'], ctx).toBe(auth?.family ?? '');
  if (auth?.at !== undefined) expect(tsToMs(f['TXA-22.15']!), ctx).toBe(instant(auth.at));
  if (d.authentications) expect(read.repeats['TXA-22'], ctx).toHaveLength(d.authentications.length);

  const blocks = expectedBlocks(input);
  expect(
    read.obx.map((o) => o.setId),
    ctx,
  ).toEqual(blocks.map((_, i) => String(i + 1)));
  const status = input.observations.resultStatus ?? (['AU', 'LA'].includes(d.completionStatus) ? 'F' : 'P');
  for (const [i, o] of read.obx.entries()) {
    expect(o.valueType, ctx).toBe(input.observations.valueType);
    expect(o.status, ctx).toBe(status);
    expect(o.subId, ctx).toMatch(/^\d+\.\d+$/);
    // TX: one repetition per line; FT: one value whose line breaks came back from \.br\.
    const lines = input.observations.valueType === 'TX' ? o.values : o.values.join('').split('\n');
    expect(lines, `${ctx} OBX ${i + 1}`).toEqual(blocks[i]);
  }
}

let pythonMissing: string | null = null;
beforeAll(() => {
  pythonMissing = pythonHl7Missing();
});

const parent = { id: 'PARENT-DOC-9', namespaceId: 'SCRIBEKIT' };
const cases: [string, MdmInput][] = [
  ['T02, TX, hostile text', sampleMdmInput()],
  [
    'T02, FT',
    sampleMdmInput({
      observations: {
        valueType: 'FT',
        lines: [
          { kind: 'text', text: 'Plain first.' },
          { kind: 'heading', text: 'Plan' },
          { kind: 'text', text: HOSTILE_TEXT.replace('\\F\\', 'F') },
        ],
      },
    }),
  ],
  [
    'T10 replacement',
    sampleMdmInput({
      event: 'T10',
      document: { parentDocumentNumber: parent, changeReason: 'Corrected ^ dose | 5 mg' },
    }),
  ],
  ['T06 addendum', sampleMdmInput({ event: 'T06', document: { parentDocumentNumber: parent } })],
  [
    'LA with verifiers, names with delimiters, several ids',
    sampleMdmInput({
      message: { dateTime: new Date(Date.UTC(2026, 5, 30, 23, 59, 59, 999)), processingId: 'P' },
      eventRecordedAt: '2026-07-01T01:59:59+02:00',
      patient: {
        identifiers: [
          {
            id: 'MRN|7',
            assigningAuthority: { universalId: '2.16.840.1.99', universalIdType: 'ISO' },
            identifierTypeCode: 'MR',
          },
          { id: 'EXT~8', identifierTypeCode: 'PI' },
        ],
        name: { family: 'Ñúñez & Sons^', given: 'Zoë 😀' },
      },
      visit: { patientClass: 'I', visitNumber: { id: 'V\\9', identifierTypeCode: 'VN' } },
      document: {
        type: 'DS',
        completionStatus: 'LA',
        uniqueDocumentFileName: 'visit~1|a.hl7',
        originators: [{ id: 'P&1', family: 'Doe-Ärzt', given: 'Kim' }],
        authentications: [
          { id: 'V1', family: 'Verifier', at: '2026-07-01T08:00:00-07:00' },
          { id: 'V2', family: 'Second' },
        ],
      },
    }),
  ],
  [
    'no optional fields',
    sampleMdmInput({
      message: { sendingFacility: undefined, receivingApplication: undefined, receivingFacility: undefined },
      visit: { patientClass: 'U', visitNumber: undefined },
      document: {
        activityAt: undefined,
        originatedAt: undefined,
        transcribedAt: undefined,
        primaryActivityProviders: undefined,
        originators: undefined,
        confidentiality: undefined,
        availability: undefined,
      },
    }),
  ],
];

describe('independent HL7 readers read every field scribekit writes', () => {
  const messages = cases.map(([, input]) => buildMdmMessage(input));

  it('python3-hl7 (hl7.parse)', (ctx) => {
    if (pythonMissing) return ctx.skip(pythonMissing);
    const reads = readWithPython(messages, KEYS, REPEATS);
    for (const [i, [name, input]] of cases.entries()) {
      expect(reads[i], name).toBeDefined();
      checkReading(`python3-hl7 ${name}`, reads[i]!, input);
    }
  });

  it('node-hl7-client (npm)', () => {
    for (const [i, [name, input]] of cases.entries()) {
      checkReading(`node-hl7-client ${name}`, readWithNode(messages[i]!, KEYS, REPEATS), input);
    }
  });

  it('the escaping round trip: delimiters, line breaks, non-ASCII and emoji come back as written', (ctx) => {
    const input = cases[4]![1];
    const message = messages[4]!;
    const node = readWithNode(message, KEYS, REPEATS);
    const readers: ReadMessage[] = [node];
    if (!pythonMissing) readers.push(readWithPython([message], KEYS, REPEATS)[0]!);
    else ctx.annotate(`python3-hl7 part skipped: ${pythonMissing}`);
    for (const r of readers) {
      expect(r.fields['PID-3.1']).toBe('MRN|7');
      expect(r.repeats['PID-3']).toHaveLength(2);
      expect(r.fields['PID-3[2].1']).toBe('EXT~8');
      expect(r.fields['PID-3[2].5']).toBe('PI');
      expect(r.fields['PID-5.1']).toBe('Ñúñez & Sons^');
      expect(r.fields['PID-5.2']).toBe('Zoë 😀');
      expect(r.fields['PV1-19.1']).toBe('V\\9');
      expect(r.fields['TXA-9.1']).toBe('P&1');
      expect(r.fields['TXA-16']).toBe('visit~1|a.hl7');
    }
    // The hostile paragraph (sample lines[3]) in TX: one repetition per line, every character back.
    const tx = messages[0]!;
    const reads = [
      readWithNode(tx, KEYS, REPEATS),
      ...(pythonMissing ? [] : readWithPython([tx], KEYS, REPEATS)),
    ];
    for (const r of reads) expect(r.obx[3]!.values.join('\n')).toBe(HOSTILE_TEXT);
    expect(input.document.completionStatus).toBe('LA');
  });

  it('python3-hl7 reads FT line breaks and a literal \\.br\\ in the text apart', (ctx) => {
    if (pythonMissing) return ctx.skip(pythonMissing);
    const text = 'Line one with a literal \\.br\\ and \\F\\ in it.\nLine two | ^ ~ & 😀.';
    const input = sampleMdmInput({ observations: { valueType: 'FT', lines: [{ kind: 'text', text }] } });
    const [read] = readWithPython([buildMdmMessage(input)], KEYS);
    expect(read!.obx[0]!.values.join('')).toBe(text);
  });
});

describe.skipIf(!hasCorpus)(
  'corpus: every parsable transcript as an MDM message, read by both readers',
  () => {
    const entries = hasCorpus
      ? loadManifest().filter(
          (e) =>
            (e.kind === 'transcribe-batch' || e.kind === 'healthscribe-transcript') && e.expected === 'parse',
        )
      : [];
    // The real writer (`--to hl7`), TX and FT alternately.
    const transcripts = entries.map((e) =>
      parseTranscript(readCorpus(e.file).toString('utf8'), { file: e.file }),
    );
    const inputs = transcripts.map((t, i) =>
      mdmInputOf(
        renderContext(t, {
          subject: 'Patient/1',
          ids: 'deterministic',
          hl7ValueType: i % 2 === 0 ? 'TX' : 'FT',
        }),
      ),
    );
    const words = (s: string) => s.split(/\s+/).filter(Boolean);

    it('has corpus files to read', () => {
      expect(entries.length).toBeGreaterThan(10);
    });

    it('every word of every transcript comes back in order, through both readers', (ctx) => {
      const messages = inputs.map(buildMdmMessage);
      const pythonReads = pythonMissing ? null : readWithPython(messages, KEYS, REPEATS);
      if (pythonMissing) ctx.annotate(`python3-hl7 part skipped: ${pythonMissing}`);
      for (const [i, input] of inputs.entries()) {
        const expected = input.observations.lines.flatMap((l) => words(l.text));
        const reads = [readWithNode(messages[i]!, KEYS, REPEATS), ...(pythonReads ? [pythonReads[i]!] : [])];
        for (const r of reads) {
          checkReading(`${entries[i]!.file}`, r, input);
          const read = r.obx.flatMap((o) => o.values.flatMap(words));
          expect(read, entries[i]!.file).toEqual(expected);
          // …and those are the transcript's words: each once, in order (speaker labels between them).
          expect(firstMissingWord(read.join(' '), transcripts[i]!), entries[i]!.file).toBe(-1);
        }
      }
    });
  },
);
