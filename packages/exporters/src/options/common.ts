// Options every writer reads (names, redaction) and the document options several writers share.
import type { OptionSpec } from './spec.js';

export const commonOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'speakerNames',
    group: 'common',
    type: { kind: 'names' },
    description:
      'display names by speaker or channel id, e.g. `{ "spk_0": "Dr. Rivera", "ch_1": "Patient" }` (flags: `--speaker spk_0="Dr. Rivera"`, `--channel ch_1=Patient`)',
    flag: { name: 'speaker', value: '<id=name>', repeatable: true },
  },
  {
    key: 'redact',
    group: 'common',
    type: {
      kind: 'boolean-or-object',
      describe: '`{ "serviceRedactions"?: boolean, "propagate"?: boolean }`',
    },
    description: 'replace each PHI entity with one typed placeholder (`[NAME]`, `[DATE]`, …) in every output',
    default: 'false',
    flag: { name: 'redact-phi' },
  },
];

export const documentOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'title',
    group: 'document',
    type: { kind: 'string' },
    description: 'DOCX/FHIR: the document title',
    flag: { name: 'title', value: '<text>' },
  },
  {
    key: 'date',
    group: 'document',
    type: { kind: 'instant' },
    description: 'DOCX/FHIR/HL7: the document date, e.g. `2024-05-01T14:35:00Z`',
    default: 'now (DOCX: SOURCE_DATE_EPOCH when set)',
    flag: { name: 'date', value: '<instant>' },
  },
];
