// Synthetic, PHI-free MDM inputs for the HL7 tests.
import type { MdmInput, MdmLine } from '@scribekit/exporters';

/** Text that exercises every delimiter, line breaks, non-ASCII and an emoji (and the escape sequences themselves). */
export const HOSTILE_TEXT =
  'Pipe | caret ^ tilde ~ backslash \\ amp & end.\nSecond line: café, naïve, Zürich, 東京, 😀 and \\F\\ literal.';

export const sampleLines: readonly MdmLine[] = [
  { kind: 'heading', text: 'Chief complaint' },
  { kind: 'text', text: 'Cough for three days.' },
  { kind: 'heading', text: 'Assessment & plan' },
  { kind: 'text', text: HOSTILE_TEXT },
  { kind: 'text', text: '  Indented follow-up in two weeks.  ' },
];

type Overrides = {
  [K in keyof MdmInput]?: K extends 'event' | 'eventRecordedAt' ? MdmInput[K] : Partial<MdmInput[K]>;
};

/** A complete T02 input; each section can be partly overridden. */
export function sampleMdmInput(overrides: Overrides = {}): MdmInput {
  const base: MdmInput = {
    event: 'T02',
    message: {
      sendingApplication: 'SCRIBEKIT',
      sendingFacility: 'CLINIC-A',
      receivingApplication: 'EHR',
      receivingFacility: { namespaceId: 'HOSP', universalId: '1.2.840.99999.1', universalIdType: 'ISO' },
      dateTime: '2026-03-04T09:05:30.25-05:00',
      controlId: 'CTRL0001',
      processingId: 'T',
    },
    patient: { identifiers: [{ id: 'MRN-0001', assigningAuthority: 'HOSP', identifierTypeCode: 'MR' }] },
    visit: { patientClass: 'O', visitNumber: { id: 'ENC-77', identifierTypeCode: 'VN' } },
    document: {
      type: 'PR',
      activityAt: '2026-03-04T08:30:00-05:00',
      originatedAt: '2026-03-04T08:30:00-05:00',
      transcribedAt: '2026-03-04T08:45:12Z',
      primaryActivityProviders: [
        { id: '1234567890', family: 'Example', given: 'Alex', identifierTypeCode: 'NPI' },
      ],
      originators: [{ id: '1234567890', family: 'Example', given: 'Alex', identifierTypeCode: 'NPI' }],
      uniqueDocumentNumber: { id: '3f1c9a2e-1111-5222-8333-444455556666', namespaceId: 'SCRIBEKIT' },
      completionStatus: 'DO',
      confidentiality: 'U',
      availability: 'UN',
    },
    observations: {
      valueType: 'TX',
      identifier: { identifier: 'TRANSCRIPT', text: 'Transcript', codingSystem: 'L' },
      lines: sampleLines,
    },
  };
  return {
    event: overrides.event ?? base.event,
    message: { ...base.message, ...overrides.message },
    ...(overrides.eventRecordedAt !== undefined ? { eventRecordedAt: overrides.eventRecordedAt } : {}),
    patient: { ...base.patient, ...overrides.patient },
    visit: { ...base.visit, ...overrides.visit },
    document: { ...base.document, ...overrides.document },
    observations: { ...base.observations, ...overrides.observations },
  };
}

/** Splits a message into segments (by `\r`), each into its fields. */
export function segmentsOf(message: string): string[][] {
  return message
    .split('\r')
    .filter((s) => s !== '')
    .map((s) => s.split('|'));
}
