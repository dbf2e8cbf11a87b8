// Picks the resource for the `output` option and writes FHIR JSON.
import type { Transcript } from '@scribekit/core';
import { type RenderContext, renderContext } from '../render/context.js';
import { documentBundleFrom, transactionBundleFrom } from './bundle.js';
import { fhirContext } from './context.js';
import { documentReferenceFrom } from './document-reference.js';
import type { FhirOptions } from './options.js';
import type { FhirResource } from './types.js';

/** The resource `output` asks for (default: the US Core DocumentReference), as a plain object. */
export function buildFhirResource(t: Transcript, options?: FhirOptions): FhirResource {
  return contextResource(renderContext(t, options));
}

/** The resource of an export, built once and shared by FHIR JSON and XML. */
export function contextResource(ctx: RenderContext): FhirResource {
  return ctx.once('fhir:resource', () => resourceFrom(ctx));
}

function resourceFrom(ctx: RenderContext): FhirResource {
  const c = fhirContext(ctx);
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

/** The FHIR JSON writer of the registry. */
export function writeFhirJson(ctx: RenderContext): string {
  return resourceToJson(contextResource(ctx));
}
