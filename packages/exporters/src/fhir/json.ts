// Picks the resource for the `output` option and writes FHIR JSON.
import type { Transcript } from '@scribekit/core';
import { documentBundleFrom, transactionBundleFrom } from './bundle.js';
import { fhirContext } from './context.js';
import { documentReferenceFrom } from './document-reference.js';
import type { FhirOptions } from './options.js';
import type { FhirResource } from './types.js';

/** The resource `output` asks for (default: the US Core DocumentReference), as a plain object. */
export function buildFhirResource(t: Transcript, options?: FhirOptions): FhirResource {
  const c = fhirContext(t, options);
  switch (c.o.output) {
    case 'document-bundle':
      return documentBundleFrom(c);
    case 'transaction-bundle':
      return transactionBundleFrom(c);
    default:
      return documentReferenceFrom(c);
  }
}

/** FHIR JSON, two-space indented, with a trailing newline. */
export function resourceToJson(resource: FhirResource): string {
  return `${JSON.stringify(resource, null, 2)}\n`;
}
