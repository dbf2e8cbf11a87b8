// FHIR R4 export: a US Core DocumentReference (default), a document Bundle or a transaction Bundle,
// as JSON or XML.
import type { Transcript } from '@scribekit/core';
import { renderContext } from '../render/context.js';
import { writeFhirJson } from './json.js';
import type { FhirOptions } from './options.js';
import { writeFhirXml } from './xml.js';

export { buildDocumentBundle, buildTransactionBundle } from './bundle.js';
export {
  CONFIDENTIALITY_CODES,
  type FhirConfidentiality,
  type FhirNoteType,
  NOTE_TYPES,
  SECTION_CODES,
  sectionCodings,
} from './codes.js';
export { buildDocumentReference } from './document-reference.js';
export { uuidV5 } from './ids.js';
export { buildFhirResource, resourceToJson } from './json.js';
export type { FhirAudioLink, FhirOptions, FhirOutput, FhirReferenceInput } from './options.js';
export type {
  Attachment as FhirAttachment,
  Bundle as FhirBundle,
  CodeableConcept as FhirCodeableConcept,
  Coding as FhirCoding,
  Composition as FhirComposition,
  Device as FhirDevice,
  DocumentReference as FhirDocumentReference,
  FhirResource,
  Narrative as FhirNarrative,
  Provenance as FhirProvenance,
  Reference as FhirReference,
} from './types.js';
export { resourceToXml } from './xml.js';

/** FHIR R4 JSON of the resource `options.output` asks for (default `document-reference`). */
export function toFhirJson(t: Transcript, options?: FhirOptions): string {
  return writeFhirJson(renderContext(t, options));
}

/** FHIR R4 XML of the same resource `toFhirJson` writes. */
export function toFhirXml(t: Transcript, options?: FhirOptions): string {
  return writeFhirXml(renderContext(t, options));
}
