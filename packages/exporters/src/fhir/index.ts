// PLACEHOLDER — replaced by the FHIR work (issue 6).
import { ExportError, type Transcript } from '@scribekit/core';
import type { CommonOptions } from '../types.js';

export interface FhirOptions extends CommonOptions {}

export function toFhirJson(_t: Transcript, _options?: FhirOptions): string {
  throw new ExportError('FHIR JSON export is not implemented yet');
}

export function toFhirXml(_t: Transcript, _options?: FhirOptions): string {
  throw new ExportError('FHIR XML export is not implemented yet');
}
