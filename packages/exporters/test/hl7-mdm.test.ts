// The MDM encoder: segment order, every field it writes (by HL7 field number), the OBX layout for TX and
// FT, events, validation (typed errors naming fields, never values), and the public names.
import {
  buildMdm,
  buildMdmMessage,
  HL7_DOCUMENT_TYPES,
  type MdmInput,
  randomControlId,
  unescapeHl7,
} from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, sampleMdmInput, segmentsOf } from '../../../test/support/hl7/fixtures.js';

/** Field n (HL7 numbering) of the first segment named `name`; MSH-1 is the separator itself. */
function field(message: string, name: string, n: number, which = 0): string {
  const seg = segmentsOf(message).filter((s) => s[0] === name)[which];
  if (!seg) throw new Error(`no ${name} segment`);
  return (name === 'MSH' ? seg[n - 1] : seg[n]) ?? '';
}

const obxOf = (message: string) => segmentsOf(message).filter((s) => s[0] === 'OBX');

function errorOf(input: MdmInput): Error & { code?: string } {
  try {
    buildMdmMessage(input);
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected buildMdmMessage to throw');
}

describe('buildMdmMessage: structure', () => {
  const message = buildMdmMessage(sampleMdmInput());

  it('writes MSH, EVN, PID, PV1, TXA then the OBX segments, each ended by \\r and no \\n', () => {
    expect(segmentsOf(message).map((s) => s[0])).toEqual([
      'MSH',
      'EVN',
      'PID',
      'PV1',
      'TXA',
      'OBX',
      'OBX',
      'OBX',
      'OBX',
      'OBX',
    ]);
    expect(message.endsWith('\r')).toBe(true);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('\r\r');
    expect(message.startsWith('MSH|^~\\&|')).toBe(true);
  });

  it('MSH: applications, facilities, time, type, control id, processing id, version, character set', () => {
    expect(field(message, 'MSH', 3)).toBe('SCRIBEKIT');
    expect(field(message, 'MSH', 4)).toBe('CLINIC-A');
    expect(field(message, 'MSH', 5)).toBe('EHR');
    expect(field(message, 'MSH', 6)).toBe('HOSP^1.2.840.99999.1^ISO');
    expect(field(message, 'MSH', 7)).toBe('20260304090530.25-0500');
    expect(field(message, 'MSH', 9)).toBe('MDM^T02^MDM_T02');
    expect(field(message, 'MSH', 10)).toBe('CTRL0001');
    expect(field(message, 'MSH', 11)).toBe('T');
    expect(field(message, 'MSH', 12)).toBe('2.5.1');
    expect(field(message, 'MSH', 15)).toBe('');
    expect(field(message, 'MSH', 18)).toBe('UNICODE UTF-8');
  });

  it('MSH-15/16 acknowledgment types and MSH-19 language when given', () => {
    const m = buildMdmMessage(
      sampleMdmInput({
        message: {
          acceptAckType: 'AL',
          applicationAckType: 'NE',
          language: { identifier: 'en', text: 'English', codingSystem: 'ISO639' },
        },
      }),
    );
    expect(field(m, 'MSH', 15)).toBe('AL');
    expect(field(m, 'MSH', 16)).toBe('NE');
    expect(field(m, 'MSH', 19)).toBe('en^English^ISO639');
  });

  it('EVN: event type and recorded time (MSH-7 unless given)', () => {
    expect(field(message, 'EVN', 1)).toBe('T02');
    expect(field(message, 'EVN', 2)).toBe('20260304090530.25-0500');
    const m = buildMdmMessage(sampleMdmInput({ eventRecordedAt: '2026-03-04T10:00:00Z' }));
    expect(field(m, 'EVN', 2)).toBe('20260304100000+0000');
  });

  it('PID: identifiers as CX (authority as subcomponents), repeating; the name when given', () => {
    expect(field(message, 'PID', 3)).toBe('MRN-0001^^^HOSP^MR');
    expect(field(message, 'PID', 5)).toBe('');
    const m = buildMdmMessage(
      sampleMdmInput({
        patient: {
          identifiers: [
            {
              id: 'A1',
              assigningAuthority: { universalId: '2.16.840.99', universalIdType: 'ISO' },
              identifierTypeCode: 'MR',
            },
            { id: 'B^2' },
          ],
          name: { family: "O'Brien & Sons", given: 'Pat' },
        },
      }),
    );
    expect(field(m, 'PID', 3)).toBe('A1^^^&2.16.840.99&ISO^MR~B\\S\\2');
    expect(field(m, 'PID', 5)).toBe("O'Brien \\T\\ Sons^Pat");
  });

  it('PV1: patient class and visit number', () => {
    expect(field(message, 'PV1', 1)).toBe('1');
    expect(field(message, 'PV1', 2)).toBe('O');
    expect(field(message, 'PV1', 19)).toBe('ENC-77^^^^VN');
    const m = buildMdmMessage(sampleMdmInput({ visit: { patientClass: 'U', visitNumber: undefined } }));
    expect(segmentsOf(m).find((s) => s[0] === 'PV1')).toEqual(['PV1', '1', 'U']);
  });

  it('TXA: every field written, by number', () => {
    expect(field(message, 'TXA', 1)).toBe('1');
    expect(field(message, 'TXA', 2)).toBe('PR');
    expect(field(message, 'TXA', 3)).toBe('TX');
    expect(field(message, 'TXA', 4)).toBe('20260304083000-0500');
    expect(field(message, 'TXA', 5)).toBe('1234567890^Example^Alex^^^^^^^^^^NPI');
    expect(field(message, 'TXA', 6)).toBe('20260304083000-0500');
    expect(field(message, 'TXA', 7)).toBe('20260304084512+0000');
    expect(field(message, 'TXA', 9)).toBe('1234567890^Example^Alex^^^^^^^^^^NPI');
    expect(field(message, 'TXA', 12)).toBe('3f1c9a2e-1111-5222-8333-444455556666^SCRIBEKIT');
    expect(field(message, 'TXA', 13)).toBe('');
    expect(field(message, 'TXA', 17)).toBe('DO');
    expect(field(message, 'TXA', 18)).toBe('U');
    expect(field(message, 'TXA', 19)).toBe('UN');
    expect(field(message, 'TXA', 22)).toBe('');
  });

  it('TXA: edits, authenticators, transcriptionists, file name, change reason and PPN with its time', () => {
    const m = buildMdmMessage(
      sampleMdmInput({
        document: {
          completionStatus: 'LA',
          editedAt: ['2026-03-05T10:00:00Z', '2026-03-06T11:00:00Z'],
          assignedAuthenticators: [{ id: 'V1', family: 'Verifier' }],
          transcriptionists: [{ id: 'SCRIBEKIT' }],
          uniqueDocumentFileName: 'visit|1.hl7',
          changeReason: 'Typo fixed',
          authentications: [
            { id: 'V1', family: 'Verifier', given: 'Vic', at: '2026-03-06T11:30:00+01:00' },
            { family: 'Second' },
          ],
        },
      }),
    );
    expect(field(m, 'TXA', 8)).toBe('20260305100000+0000~20260306110000+0000');
    expect(field(m, 'TXA', 10)).toBe('V1^Verifier');
    expect(field(m, 'TXA', 11)).toBe('SCRIBEKIT');
    expect(field(m, 'TXA', 16)).toBe('visit\\F\\1.hl7');
    expect(field(m, 'TXA', 17)).toBe('LA');
    expect(field(m, 'TXA', 21)).toBe('Typo fixed');
    const ppn = field(m, 'TXA', 22).split('~');
    expect(ppn).toHaveLength(2);
    expect(ppn[0]!.split('^')).toHaveLength(15);
    expect(ppn[0]!.split('^')[14]).toBe('20260306113000+0100');
    expect(ppn[0]!.split('^').slice(0, 3)).toEqual(['V1', 'Verifier', 'Vic']);
    expect(ppn[1]).toBe('^Second');
    // OBX-11 follows an authenticated status.
    for (const obx of obxOf(m)) expect(obx[11]).toBe('F');
  });
});

describe('buildMdmMessage: OBX layout', () => {
  it('TX: one OBX per block, headings on their own, line breaks as repetitions, sub-ids by section', () => {
    const m = buildMdmMessage(sampleMdmInput());
    const obx = obxOf(m);
    expect(obx.map((s) => s[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(obx.map((s) => s[2])).toEqual(['TX', 'TX', 'TX', 'TX', 'TX']);
    expect(obx.map((s) => s[3])).toEqual(Array(5).fill('TRANSCRIPT^Transcript^L'));
    expect(obx.map((s) => s[4])).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
    expect(obx.map((s) => s[11])).toEqual(['P', 'P', 'P', 'P', 'P']);
    expect(obx[0]![5]).toBe('Chief complaint');
    expect(obx[2]![5]).toBe('Assessment \\T\\ plan');
    const hostile = obx[3]![5]!.split('~').map((r) => unescapeHl7(r));
    expect(hostile).toEqual(HOSTILE_TEXT.split('\n'));
    // Leading spaces kept, trailing spaces removed (TX).
    expect(obx[4]![5]).toBe('  Indented follow-up in two weeks.');
  });

  it('FT: one OBX per block with \\.br\\ for line breaks; TXA-3 says FT', () => {
    const m = buildMdmMessage(sampleMdmInput({ observations: { valueType: 'FT' } }));
    const obx = obxOf(m);
    expect(field(m, 'TXA', 3)).toBe('FT');
    expect(obx.map((s) => s[2])).toEqual(Array(5).fill('FT'));
    expect(obx[3]![5]).toContain('\\.br\\');
    expect(obx[3]![5]).not.toContain('~');
    expect(unescapeHl7(obx[3]![5]!)).toBe(HOSTILE_TEXT);
  });

  it('skips blank blocks and blank edge lines; text before any heading is section 1', () => {
    const m = buildMdmMessage(
      sampleMdmInput({
        observations: {
          lines: [
            { kind: 'text', text: 'Intro.' },
            { kind: 'text', text: '   \n\n' },
            { kind: 'heading', text: 'Plan' },
            { kind: 'heading', text: 'Sub heading' },
            { kind: 'text', text: '\n\nRest.\n\nMore.\n' },
          ],
        },
      }),
    );
    const obx = obxOf(m);
    expect(obx.map((s) => s[4])).toEqual(['1.1', '2.1', '3.1', '3.2']);
    expect(obx.map((s) => s[5])).toEqual(['Intro.', 'Plan', 'Sub heading', 'Rest.~~More.']);
  });

  it('keeps every word, in order (word conservation)', () => {
    const input = sampleMdmInput();
    const m = buildMdmMessage(input);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const fromMessage = obxOf(m).flatMap((s) =>
      words(
        s[5]!
          .split('~')
          .map((r) => unescapeHl7(r))
          .join('\n'),
      ),
    );
    expect(fromMessage).toEqual(input.observations.lines.flatMap((l) => words(l.text)));
  });

  it('OBX-11 can be set; replaced characters are counted, never dropped', () => {
    const r = buildMdm(
      sampleMdmInput({
        observations: { resultStatus: 'C', lines: [{ kind: 'text', text: 'bell\u0007 and\u0000 nul' }] },
      }),
    );
    expect(r.observations).toBe(1);
    expect(r.replacedCharacters).toBe(2);
    const obx = obxOf(r.message);
    expect(obx[0]![11]).toBe('C');
    expect(obx[0]![5]).toBe('bell\uFFFD and\uFFFD nul');
  });

  it('fields outside OBX are one line: line breaks in names become spaces', () => {
    const m = buildMdmMessage(
      sampleMdmInput({ document: { originators: [{ family: 'Two\nLines', given: 'A\u0000' }] } }),
    );
    expect(field(m, 'TXA', 9)).toBe('^Two Lines^A\uFFFD');
  });
});

describe('buildMdmMessage: events', () => {
  it('T10 replacement and T06 addendum carry the parent document number', () => {
    const parent = { id: 'OLD-DOC-1', namespaceId: 'SCRIBEKIT' };
    for (const event of ['T10', 'T06'] as const) {
      const m = buildMdmMessage(sampleMdmInput({ event, document: { parentDocumentNumber: parent } }));
      expect(field(m, 'MSH', 9)).toBe(`MDM^${event}^MDM_T02`);
      expect(field(m, 'EVN', 1)).toBe(event);
      expect(field(m, 'TXA', 13)).toBe('OLD-DOC-1^SCRIBEKIT');
    }
  });

  it('refuses T06/T10 without a parent, T02 with one, and a parent equal to the document', () => {
    const parent = { id: 'OLD-DOC-1' };
    expect(errorOf(sampleMdmInput({ event: 'T10' })).message).toBe(
      'Event T10 needs `document.parentDocumentNumber` (TXA-13): the document it replaces',
    );
    expect(errorOf(sampleMdmInput({ event: 'T06' })).message).toMatch(/the document it adds to/);
    expect(errorOf(sampleMdmInput({ document: { parentDocumentNumber: parent } })).message).toMatch(
      /not T02/,
    );
    const same = sampleMdmInput({
      event: 'T10',
      document: { parentDocumentNumber: sampleMdmInput().document.uniqueDocumentNumber },
    });
    expect(errorOf(same).message).toMatch(/to differ from/);
  });
});

describe('buildMdmMessage: validation', () => {
  const cases: [string, MdmInput, RegExp][] = [
    ['event', { ...sampleMdmInput(), event: 'T99' as never }, /`event` \(MSH-9.2\)/],
    ['control id too long', sampleMdmInput({ message: { controlId: 'X'.repeat(21) } }), /MSH-10/],
    ['control id with a delimiter', sampleMdmInput({ message: { controlId: 'A|B' } }), /MSH-10/],
    [
      'processing id',
      sampleMdmInput({ message: { processingId: 'D' as never } }),
      /MSH-11\) to be one of P, T/,
    ],
    ['sending application', sampleMdmInput({ message: { sendingApplication: ' ' } }), /MSH-3/],
    ['message time', sampleMdmInput({ message: { dateTime: '2026-03-04' } }), /`message.dateTime`/],
    ['no patient identifier', sampleMdmInput({ patient: { identifiers: [] } }), /PID-3/],
    ['empty patient identifier', sampleMdmInput({ patient: { identifiers: [{ id: '' }] } }), /PID-3.1/],
    ['patient class', sampleMdmInput({ visit: { patientClass: 'X' as never } }), /PV1-2/],
    ['document type', sampleMdmInput({ document: { type: 'XX' as never } }), /TXA-2\) to be one of AR, CD/],
    ['completion status', sampleMdmInput({ document: { completionStatus: 'F' as never } }), /TXA-17/],
    ['confidentiality', sampleMdmInput({ document: { confidentiality: 'N' as never } }), /TXA-18/],
    ['availability', sampleMdmInput({ document: { availability: 'XX' as never } }), /TXA-19/],
    ['document number', sampleMdmInput({ document: { uniqueDocumentNumber: { id: '' } } }), /TXA-12.1/],
    [
      'originator without id or name',
      sampleMdmInput({ document: { originators: [{ given: 'A' }] } }),
      /TXA-9/,
    ],
    ['AU without authentication', sampleMdmInput({ document: { completionStatus: 'AU' } }), /TXA-22/],
    ['bad time', sampleMdmInput({ document: { originatedAt: 'soon' } }), /`document.originatedAt`/],
    [
      'bad PPN time',
      sampleMdmInput({ document: { completionStatus: 'AU', authentications: [{ id: 'V', at: 'x' }] } }),
      /`document.authentications\[0\].at`/,
    ],
    ['value type', sampleMdmInput({ observations: { valueType: 'ST' as never } }), /OBX-2/],
    ['OBX-3', sampleMdmInput({ observations: { identifier: { identifier: '' } } }), /OBX-3.1/],
    ['OBX-11', sampleMdmInput({ observations: { resultStatus: 'X' as never } }), /OBX-11/],
    [
      'line kind',
      sampleMdmInput({ observations: { lines: [{ kind: 'para' as never, text: 'x' }] } }),
      /lines\[0\]/,
    ],
  ];

  it.each(cases)('%s → OptionsError naming the field', (_name, input, pattern) => {
    const e = errorOf(input);
    expect(e.code).toBe('E_OPTIONS');
    expect(e.message).toMatch(pattern);
  });

  it('a note without text is an ExportError', () => {
    const e = errorOf(sampleMdmInput({ observations: { lines: [{ kind: 'text', text: ' \n ' }] } }));
    expect(e.code).toBe('E_EXPORT');
    expect(e.message).toMatch(/at least one OBX/);
  });

  it('error messages never contain the values (ids, names, text)', () => {
    const secret = 'Zorblax';
    const inputs = [
      sampleMdmInput({ patient: { identifiers: [{ id: ' ' }], name: { family: secret } } }),
      sampleMdmInput({ document: { originators: [{ given: secret }] } }),
      sampleMdmInput({ document: { type: secret as never } }),
      sampleMdmInput({ document: { originatedAt: secret } }),
      sampleMdmInput({ message: { controlId: `${secret}${secret}${secret}` } }),
      sampleMdmInput({
        observations: {
          lines: [
            { kind: 'text', text: '' },
            { kind: secret as never, text: secret },
          ],
        },
      }),
    ];
    for (const input of inputs) expect(errorOf(input).message).not.toContain(secret);
  });
});

describe('randomControlId', () => {
  it('is 20 characters MSH-10 accepts, and differs each time', () => {
    const ids = new Set(Array.from({ length: 200 }, randomControlId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-Z]{20}$/);
      expect(() => buildMdmMessage(sampleMdmInput({ message: { controlId: id } }))).not.toThrow();
    }
  });
});

describe('public API', () => {
  it('exports the HL7 encoder, ACK reader, escaping and tables by name', async () => {
    const api = await import('@scribekit/exporters');
    const names = Object.keys(api).filter((k) =>
      /hl7|mdm|ack|isAccepted|escape|unrepresentable|splitLines|controlId|messageHeader/i.test(k),
    );
    expect(names.sort()).toEqual([
      'HL7_ACKNOWLEDGMENT_TYPES',
      'HL7_CHARSET',
      'HL7_DELIMITERS',
      'HL7_DOCUMENT_AVAILABILITY_STATUSES',
      'HL7_DOCUMENT_COMPLETION_STATUSES',
      'HL7_DOCUMENT_CONFIDENTIALITY_STATUSES',
      'HL7_DOCUMENT_TYPES',
      'HL7_OBSERVATION_RESULT_STATUSES',
      'HL7_PATIENT_CLASSES',
      'HL7_PROCESSING_IDS',
      'HL7_SENDING_APPLICATION',
      'HL7_VERSION',
      'MDM_EVENTS',
      'buildAck',
      'buildMdm',
      'buildMdmMessage',
      'countUnrepresentable',
      'escapeFormattedText',
      'escapeHl7',
      'escapeMarkdown',
      'hl7DateTime',
      'hl7DateTimeToIso',
      'isAccepted',
      'mdmInputOf',
      'messageHeader',
      'parseAck',
      'randomControlId',
      'splitLines',
      'toHl7',
      'unescapeHl7',
    ]);
    expect(Object.keys(HL7_DOCUMENT_TYPES)).toEqual(
      expect.arrayContaining(['PR', 'CN', 'HP', 'DS', 'OP', 'PN']),
    );
  });
});
