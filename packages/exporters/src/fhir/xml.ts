// FHIR XML: the same resources as the JSON, in the `http://hl7.org/fhir` namespace, primitives as
// `value` attributes, elements in StructureDefinition order (tables below), built with fast-xml-parser.
// Narrative divs are emitted verbatim (they are XHTML in their own namespace, generated escaped).
import { ExportError } from '@scribekit/core';
import { XMLBuilder, XMLValidator } from 'fast-xml-parser';
import type { RenderContext } from '../render/context.js';
import { contextResource } from './json.js';
import type { FhirResource } from './types.js';

export const FHIR_NS = 'http://hl7.org/fhir';

/** Child type of an element: a complex type name from ORDER, `primitive`, `xhtml` or `Resource`. */
type ChildType = string;
type Order = readonly (readonly [string, ChildType])[];

const P = 'primitive';
const resourceHead: Order = [
  ['id', P],
  ['meta', 'Meta'],
  ['implicitRules', P],
  ['language', P],
];
const domainHead: Order = [...resourceHead, ['text', 'Narrative']];

/** Element order per the R4 StructureDefinitions, for every type this exporter writes. */
const ORDER: Readonly<Record<string, Order>> = {
  Meta: [
    ['versionId', P],
    ['lastUpdated', P],
    ['source', P],
    ['profile', P],
    ['security', 'Coding'],
    ['tag', 'Coding'],
  ],
  Narrative: [
    ['status', P],
    ['div', 'xhtml'],
  ],
  Coding: [
    ['system', P],
    ['version', P],
    ['code', P],
    ['display', P],
    ['userSelected', P],
  ],
  CodeableConcept: [
    ['coding', 'Coding'],
    ['text', P],
  ],
  Identifier: [
    ['use', P],
    ['type', 'CodeableConcept'],
    ['system', P],
    ['value', P],
    ['period', 'Period'],
  ],
  Reference: [
    ['reference', P],
    ['type', P],
    ['identifier', 'Identifier'],
    ['display', P],
  ],
  Period: [
    ['start', P],
    ['end', P],
  ],
  Attachment: [
    ['contentType', P],
    ['language', P],
    ['data', P],
    ['url', P],
    ['size', P],
    ['hash', P],
    ['title', P],
    ['creation', P],
  ],
  DocumentReference: [
    ...domainHead,
    ['masterIdentifier', 'Identifier'],
    ['identifier', 'Identifier'],
    ['status', P],
    ['docStatus', P],
    ['type', 'CodeableConcept'],
    ['category', 'CodeableConcept'],
    ['subject', 'Reference'],
    ['date', P],
    ['author', 'Reference'],
    ['authenticator', 'Reference'],
    ['custodian', 'Reference'],
    ['relatesTo', 'DocumentReference.relatesTo'],
    ['description', P],
    ['securityLabel', 'CodeableConcept'],
    ['content', 'DocumentReference.content'],
    ['context', 'DocumentReference.context'],
  ],
  'DocumentReference.relatesTo': [
    ['code', P],
    ['target', 'Reference'],
  ],
  'DocumentReference.content': [
    ['attachment', 'Attachment'],
    ['format', 'Coding'],
  ],
  'DocumentReference.context': [
    ['encounter', 'Reference'],
    ['event', 'CodeableConcept'],
    ['period', 'Period'],
    ['facilityType', 'CodeableConcept'],
    ['practiceSetting', 'CodeableConcept'],
    ['sourcePatientInfo', 'Reference'],
    ['related', 'Reference'],
  ],
  Composition: [
    ...domainHead,
    ['identifier', 'Identifier'],
    ['status', P],
    ['type', 'CodeableConcept'],
    ['category', 'CodeableConcept'],
    ['subject', 'Reference'],
    ['encounter', 'Reference'],
    ['date', P],
    ['author', 'Reference'],
    ['title', P],
    ['confidentiality', P],
    ['attester', 'Composition.attester'],
    ['custodian', 'Reference'],
    ['section', 'Composition.section'],
  ],
  'Composition.attester': [
    ['mode', P],
    ['time', P],
    ['party', 'Reference'],
  ],
  'Composition.section': [
    ['title', P],
    ['code', 'CodeableConcept'],
    ['author', 'Reference'],
    ['focus', 'Reference'],
    ['text', 'Narrative'],
    ['mode', P],
    ['orderedBy', 'CodeableConcept'],
    ['entry', 'Reference'],
    ['emptyReason', 'CodeableConcept'],
    ['section', 'Composition.section'],
  ],
  Device: [
    ...domainHead,
    ['identifier', 'Identifier'],
    ['status', P],
    ['manufacturer', P],
    ['deviceName', 'Device.deviceName'],
    ['modelNumber', P],
    ['type', 'CodeableConcept'],
    ['version', 'Device.version'],
  ],
  'Device.deviceName': [
    ['name', P],
    ['type', P],
  ],
  'Device.version': [
    ['type', 'CodeableConcept'],
    ['value', P],
  ],
  Provenance: [
    ...domainHead,
    ['target', 'Reference'],
    ['occurredPeriod', 'Period'],
    ['occurredDateTime', P],
    ['recorded', P],
    ['policy', P],
    ['reason', 'CodeableConcept'],
    ['activity', 'CodeableConcept'],
    ['agent', 'Provenance.agent'],
    ['entity', 'Provenance.entity'],
  ],
  'Provenance.agent': [
    ['type', 'CodeableConcept'],
    ['role', 'CodeableConcept'],
    ['who', 'Reference'],
    ['onBehalfOf', 'Reference'],
  ],
  'Provenance.entity': [
    ['role', P],
    ['what', 'Reference'],
  ],
  Bundle: [
    ...resourceHead,
    ['identifier', 'Identifier'],
    ['type', P],
    ['timestamp', P],
    ['total', P],
    ['entry', 'Bundle.entry'],
  ],
  'Bundle.entry': [
    ['fullUrl', P],
    ['resource', 'Resource'],
    ['request', 'Bundle.entry.request'],
  ],
  'Bundle.entry.request': [
    ['method', P],
    ['url', P],
    ['ifNoneMatch', P],
    ['ifModifiedSince', P],
    ['ifMatch', P],
    ['ifNoneExist', P],
  ],
};

type XmlNode = Record<string, unknown>;

/**
 * Escapes an attribute value (the builder then escapes the quotes). Tabs and line breaks become
 * character references so XML attribute normalisation keeps them.
 */
function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Converts one element of type `type` into ordered builder nodes; unknown properties are an error. */
function elementNodes(value: Record<string, unknown>, type: string, path: string, divs: string[]): XmlNode[] {
  const order = ORDER[type];
  if (!order) throw new ExportError(`FHIR XML: no element order known for type ${type} at \`${path}\``);
  const known = new Set(order.map(([name]) => name));
  for (const key of Object.keys(value)) {
    if (key !== 'resourceType' && !known.has(key)) {
      throw new ExportError(`FHIR XML: unknown element \`${key}\` at \`${path}\``);
    }
  }
  const nodes: XmlNode[] = [];
  for (const [name, childType] of order) {
    const v = value[name];
    if (v === undefined) continue;
    const items = Array.isArray(v) ? v : [v];
    items.forEach((item: unknown, i) => {
      const at = Array.isArray(v) ? `${path}.${name}[${i}]` : `${path}.${name}`;
      nodes.push(childNode(name, childType, item, at, divs));
    });
  }
  return nodes;
}

function childNode(name: string, type: ChildType, item: unknown, path: string, divs: string[]): XmlNode {
  if (type === P) {
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
      throw new ExportError(`FHIR XML: expected a primitive at \`${path}\``);
    }
    return { [name]: [], ':@': { '@_value': escapeAttribute(String(item)) } };
  }
  if (type === 'xhtml') {
    if (typeof item !== 'string' || XMLValidator.validate(item) !== true) {
      throw new ExportError(`FHIR XML: the narrative at \`${path}\` is not well-formed XHTML`);
    }
    divs.push(item);
    return { [name]: [{ '#text': `@@DIV${divs.length - 1}@@` }] };
  }
  if (typeof item !== 'object' || item === null)
    throw new ExportError(`FHIR XML: expected an object at \`${path}\``);
  if (type === 'Resource') return { [name]: [resourceNode(item as FhirResource, path, divs, false)] };
  return { [name]: elementNodes(item as Record<string, unknown>, type, path, divs) };
}

function resourceNode(resource: FhirResource, path: string, divs: string[], root: boolean): XmlNode {
  const type = resource.resourceType;
  const node: XmlNode = {
    [type]: elementNodes(resource as unknown as Record<string, unknown>, type, path || type, divs),
  };
  // Contained resources inherit the namespace from the root element.
  if (root) node[':@'] = { '@_xmlns': FHIR_NS };
  return node;
}

/** Serialises a resource this exporter built as FHIR XML (UTF-8, two-space indent, trailing newline). */
export function resourceToXml(resource: FhirResource): string {
  const divs: string[] = [];
  const root = resourceNode(resource, '', divs, true);
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    suppressEmptyNode: true,
    // Values are escaped by escapeAttribute (quotes by the builder); the only text nodes are div placeholders.
    processEntities: false,
    format: true,
    indentBy: '  ',
  });
  const xml: string = builder.build([
    { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    root,
  ]);
  // `<div>` can only come from a div element here: any `<` in values is escaped by the builder.
  return `${xml.replace(/<div>@@DIV(\d+)@@<\/div>/g, (_m, i: string) => divs[Number(i)]!).trimEnd()}\n`;
}

/** The FHIR XML writer of the registry. */
export function writeFhirXml(ctx: RenderContext): string {
  return resourceToXml(contextResource(ctx));
}
