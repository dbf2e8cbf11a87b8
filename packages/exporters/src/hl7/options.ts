// HL7 v2 options (the table only: no core index import, so the CLI reads it at startup cheaply).
import type { OptionSpec } from '../options/spec.js';
import { HL7_DOCUMENT_TYPES, HL7_PROCESSING_IDS } from './tables.js';

export interface Hl7Options {
  /** PID-3 as `ID^^^AUTHORITY` (or just `ID`); default: the id of `subject` (`Patient/123` → `123`). */
  readonly patientId?: string | undefined;
  /** MSH-4 sending facility. */
  readonly sendingFacility?: string | undefined;
  /** MSH-5 receiving application. */
  readonly receivingApplication?: string | undefined;
  /** MSH-6 receiving facility. */
  readonly receivingFacility?: string | undefined;
  /** MSH-11: `P` production (default) or `T` training/test. */
  readonly processingId?: 'P' | 'T' | undefined;
  /** OBX-2 / TXA-3: `TX` (default: one repetition per line) or `FT` (`\.br\` line breaks). */
  readonly hl7ValueType?: 'TX' | 'FT' | undefined;
  /** TXA-2 (table 0270); default from `noteType` (progress → PR, consult → CN …). */
  readonly hl7DocumentType?: keyof typeof HL7_DOCUMENT_TYPES | undefined;
  /** A replacement (`MDM^T10`) of the document with this TXA-12 number. */
  readonly replaces?: string | undefined;
  /** An addendum (`MDM^T06`) to the document with this TXA-12 number. */
  readonly addendumTo?: string | undefined;
}

export const hl7OptionSpecs: readonly OptionSpec[] = [
  {
    key: 'patientId',
    group: 'hl7',
    type: { kind: 'string' },
    description: 'HL7: the patient identifier (PID-3) as `ID^^^AUTHORITY`; default the id of `subject`',
    flag: { name: 'patient-id', value: '<id>' },
  },
  {
    key: 'sendingFacility',
    group: 'hl7',
    type: { kind: 'string' },
    description: 'HL7: MSH-4 sending facility',
    flag: { name: 'sending-facility', value: '<name>' },
  },
  {
    key: 'receivingApplication',
    group: 'hl7',
    type: { kind: 'string' },
    description: 'HL7: MSH-5 receiving application',
    flag: { name: 'receiving-app', value: '<name>' },
  },
  {
    key: 'receivingFacility',
    group: 'hl7',
    type: { kind: 'string' },
    description: 'HL7: MSH-6 receiving facility',
    flag: { name: 'receiving-facility', value: '<name>' },
  },
  {
    key: 'processingId',
    group: 'hl7',
    type: { kind: 'enum', values: Object.keys(HL7_PROCESSING_IDS) },
    description: 'HL7: MSH-11 processing id, `P` production or `T` training/test',
    default: 'P',
    flag: { name: 'processing-id', value: '<P|T>' },
  },
  {
    key: 'hl7ValueType',
    group: 'hl7',
    type: { kind: 'enum', values: ['TX', 'FT'] },
    description: 'HL7: OBX value type, `TX` (a repetition per line) or `FT` (formatted text)',
    default: 'TX',
    flag: { name: 'hl7-value-type', value: '<TX|FT>' },
  },
  {
    key: 'hl7DocumentType',
    group: 'hl7',
    type: { kind: 'enum', values: Object.keys(HL7_DOCUMENT_TYPES) },
    description: 'HL7: TXA-2 document type (table 0270); default from `noteType`',
    flag: { name: 'hl7-document-type', value: '<code>' },
  },
  {
    key: 'replaces',
    group: 'hl7',
    type: { kind: 'string' },
    description: 'HL7: send a replacement (MDM^T10) of the document with this number (TXA-13)',
    flag: { name: 'replaces', value: '<number>' },
  },
  {
    key: 'addendumTo',
    group: 'hl7',
    type: { kind: 'string' },
    description: 'HL7: send an addendum (MDM^T06) to the document with this number (TXA-13)',
    flag: { name: 'addendum-to', value: '<number>' },
  },
];
