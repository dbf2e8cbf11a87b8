// HL7 option checks that need more than a type (for `checkExportOptions`): loaded with the registry, so it
// imports neither the writer nor the FHIR context.
import { invalidOption, OptionsError } from '@scribekit/core/errors';
import type { ExportOptions } from '../render/export-options.js';
import type { Hl7Options } from './options.js';
import type { Hl7ExtendedId } from './types.js';

/** `ID^^^AUTHORITY` (or `ID`) → CX. */
export function patientIdentifier(value: string): Hl7ExtendedId {
  const [id, , , authority] = value.split('^');
  if (!id) throw invalidOption('patientId', 'must be `ID` or `ID^^^AUTHORITY`');
  return { id, ...(authority ? { assigningAuthority: authority } : {}), identifierTypeCode: 'MR' };
}

/** Checks HL7 options that need more than their type (for `checkExportOptions`). */
export function checkHl7Options(o: ExportOptions): void {
  const h = o as ExportOptions & Hl7Options;
  if (h.replaces !== undefined && h.addendumTo !== undefined) {
    throw new OptionsError('{replaces} and {addendumTo} exclude each other: a message is one or the other', {
      option: 'replaces',
    });
  }
  if (h.patientId !== undefined) patientIdentifier(h.patientId);
  if (h.hl7DocumentType === undefined && o.noteType === 'note') {
    throw new OptionsError(
      '{noteType} `note` has no HL7 document type (table 0270): give {hl7DocumentType}',
      {
        option: 'hl7DocumentType',
      },
    );
  }
}
