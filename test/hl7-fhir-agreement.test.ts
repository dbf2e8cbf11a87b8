// The same note as FHIR and as HL7 v2 agrees, pair by pair, following the HL7 v2-to-FHIR mapping of MDM_T02 /
// TXA (docs/hl7.md): document number ↔ DocumentReference.identifier, completion status ↔ docStatus, document
// type ↔ type, times, patient, author, authenticator and encounter. Read back with an independent reader.
import { parseTranscript } from '@scribekit/core';
import { type ExportOptions, toFhirJson, toHl7 } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { readFixture } from './support/corpus.js';
import { readWithNode } from './support/hl7/readers.js';

const KEYS = [
  'MSH-7',
  'MSH-9.2',
  'PID-3.1',
  'PV1-19.1',
  'TXA-2',
  'TXA-6',
  'TXA-9.1',
  'TXA-10.1',
  'TXA-12.1',
  'TXA-13.1',
  'TXA-17',
  'TXA-22.1',
  'OBX-11',
] as const;
const hl7ToIso = (ts: string) =>
  ts.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\.\d+)?([+-]\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6$7$8:$9');
const TYPE: Record<string, string> = {
  PR: '11506-3',
  CN: '11488-4',
  HP: '34117-2',
  DS: '18842-5',
  PN: '28570-0',
  OP: '11504-8',
};

const cases: [string, string, ExportOptions][] = [
  ['a preliminary dictation', 'dictation-report', { noteType: 'progress' }],
  [
    'a signed consult with an encounter',
    'medical-conversation-phi',
    { noteType: 'consult', docStatus: 'final', verifier: 'Practitioner/9', encounter: 'Encounter/E1' },
  ],
  ['an operative note, redacted', 'medical-conversation-phi', { noteType: 'operative', redact: true }],
];

describe('FHIR DocumentReference and HL7 MDM of one note agree', () => {
  for (const [name, fixture, extra] of cases) {
    it(name, () => {
      const t = parseTranscript(readFixture(`transcribe/${fixture}.json`), { file: fixture });
      const options: ExportOptions = {
        subject: 'Patient/123',
        author: 'Practitioner/7',
        date: '2026-03-04T09:05:30Z',
        ids: 'deterministic',
        ...extra,
      };
      const doc = JSON.parse(toFhirJson(t, options));
      const msg = readWithNode(toHl7(t, options), KEYS);
      const f = msg.fields;
      expect(f['MSH-9.2']).toBe('T02');
      expect(f['TXA-12.1']).toBe(doc.identifier[0].value.replace('urn:uuid:', ''));
      expect(f['TXA-17']).toBe(doc.docStatus === 'final' ? 'LA' : 'DO');
      expect(f['OBX-11']).toBe(doc.docStatus === 'final' ? 'F' : 'P');
      expect(TYPE[f['TXA-2']!]).toBe(doc.type.coding[0].code);
      expect(hl7ToIso(f['TXA-6']!)).toBe(doc.date.replace(/\.000Z$/, '+00:00').replace(/Z$/, '+00:00'));
      expect(`Patient/${f['PID-3.1']}`).toBe(doc.subject.reference);
      expect(`Practitioner/${f['TXA-9.1']}`).toBe(doc.author[0].reference);
      if (doc.context?.encounter)
        expect(`Encounter/${f['PV1-19.1']}`).toBe(doc.context.encounter[0].reference);
      else expect(f['PV1-19.1']).toBe('');
      if (doc.docStatus === 'final') {
        expect(`Practitioner/${f['TXA-10.1']}`).toBe(doc.authenticator.reference);
        expect(`Practitioner/${f['TXA-22.1']}`).toBe(doc.authenticator.reference);
      } else expect(f['TXA-22.1']).toBe('');
      // The same job gives the same document number again (a resend is recognisable).
      expect(readWithNode(toHl7(t, { ...options, ids: 'random' }), KEYS).fields['TXA-12.1']).toBe(
        f['TXA-12.1'],
      );
    });
  }

  it('replacements and addenda carry the parent document number (T10 / T06)', () => {
    const t = parseTranscript(readFixture('transcribe/dictation-report.json'));
    const base = { subject: 'Patient/1', ids: 'deterministic' } as const;
    const r = readWithNode(toHl7(t, { ...base, replaces: 'DOC-1' }), KEYS).fields;
    expect([r['MSH-9.2'], r['TXA-13.1']]).toEqual(['T10', 'DOC-1']);
    const a = readWithNode(toHl7(t, { ...base, addendumTo: 'DOC-2' }), KEYS).fields;
    expect([a['MSH-9.2'], a['TXA-13.1']]).toEqual(['T06', 'DOC-2']);
    expect(() => toHl7(t, { ...base, replaces: 'A', addendumTo: 'B' })).toThrow(/exclude each other/);
    expect(() => toHl7(t, { ...base, noteType: 'note' })).toThrow(/`hl7DocumentType`/);
    expect(() => toHl7(t, { ids: 'deterministic' })).toThrow(/patient/);
    expect(
      readWithNode(toHl7(t, { patientId: 'MRN9^^^HOSP', ids: 'deterministic' }), KEYS).fields['PID-3.1'],
    ).toBe('MRN9');
  });

  it('a dictation: golden message (sections as heading OBX lines, paragraphs, numbered items)', async () => {
    const t = parseTranscript(readFixture('transcribe/dictation-report.json'));
    const hl7 = toHl7(t, {
      subject: 'Patient/123',
      author: 'Practitioner/7',
      date: '2026-03-04T09:05:30Z',
      ids: 'deterministic',
    });
    await expect(hl7.replace(/\r/g, '\r\n')).toMatchFileSnapshot('golden/dictation-report.hl7');
  });
});
