// FHIR Bundles: a `document` (Composition first, then the AI Device and its Provenance) and a
// `transaction` (DocumentReference, Device, Provenance) that creates everything in one POST.
import type { Transcript } from '@scribekit/core';
import { renderContext } from '../render/context.js';
import {
  AIAST,
  CLINICAL_NOTE_CATEGORY,
  DATA_OPERATION,
  DEVICE_SYSTEM,
  noteTypeCoding,
  participantType,
  RFC3986,
  SECTION_NAME_SYSTEM,
  sectionCodings,
  sectionTitle,
} from './codes.js';
import { businessIdentifier, documentFacts, type FhirContext, fhirContext } from './context.js';
import { documentReferenceFrom } from './document-reference.js';
import { bulletsXhtml, factsXhtml, narrative, sectionXhtml, turnsXhtml } from './narrative.js';
import type { FhirOptions } from './options.js';
import type { Bundle, Composition, CompositionSection, Device, Provenance, Reference } from './types.js';

/** The AI system that produced the transcript or summary. */
export function deviceFrom(c: FhirContext): Device {
  return {
    resourceType: 'Device',
    identifier: [{ system: DEVICE_SYSTEM, value: c.source.slug }],
    manufacturer: 'Amazon Web Services',
    deviceName: [{ name: c.source.name, type: 'manufacturer-name' }],
    type: {
      text:
        c.t.metadata.source === 'healthscribe'
          ? 'Artificial intelligence: clinical documentation'
          : 'Artificial intelligence: speech recognition',
    },
  };
}

/** Provenance: the AI Device as author, the clinician as verifier when given, the audio as source. */
export function provenanceFrom(c: FhirContext, target: string, device: string): Provenance {
  const audio = c.o.audio.reference;
  return {
    resourceType: 'Provenance',
    target: [{ reference: target }],
    recorded: c.o.date,
    reason: [{ coding: [AIAST] }],
    activity: { coding: [{ system: DATA_OPERATION, code: 'CREATE', display: 'create' }] },
    agent: [
      {
        type: { coding: [participantType('author')] },
        who: { reference: device, type: 'Device', display: c.source.name },
      },
      ...(c.o.verifier ? [{ type: { coding: [participantType('verifier')] }, who: c.o.verifier }] : []),
    ],
    ...(audio ? { entity: [{ role: 'source' as const, what: audio }] } : {}),
  };
}

/** Composition sections: one per non-empty HealthScribe summary section, else one transcript section. */
export function compositionSections(c: FhirContext): CompositionSection[] {
  const sections: CompositionSection[] = [];
  for (const s of c.t.summary?.sections ?? []) {
    const bullets = s.bullets.filter((b) => b.text.trim() !== '');
    if (bullets.length === 0) continue;
    const title = sectionTitle(s.name);
    sections.push({
      title,
      code: { coding: sectionCodings(s.name), text: title },
      text: narrative('additional', bulletsXhtml(bullets)),
    });
  }
  if (sections.length > 0) return sections;
  if (c.layout.structured && c.layout.sections.some((s) => s.heading !== null)) return dictationSections(c);
  return [
    {
      title: 'Transcript',
      code: { coding: [{ system: SECTION_NAME_SYSTEM, code: 'TRANSCRIPT' }], text: 'Transcript' },
      text: narrative('additional', turnsXhtml(c.lines)),
    },
  ];
}

/**
 * A dictation's sections, one Composition section each: the canonical title, the LOINC section code when one
 * is sourced (always followed by scribekit's heading id), and the section as spoken in the narrative.
 */
function dictationSections(c: FhirContext): CompositionSection[] {
  return c.layout.sections.map((s) => {
    const title = s.heading?.title ?? 'Transcript';
    const own = {
      system: SECTION_NAME_SYSTEM,
      code: s.heading ? s.heading.id.toUpperCase().replace(/-/g, '_') : 'TRANSCRIPT',
    };
    const coding = s.heading?.code
      ? [{ system: s.heading.code.system, code: s.heading.code.code, display: s.heading.code.display }, own]
      : [own];
    return {
      title,
      code: { coding, text: title },
      text: narrative('additional', sectionXhtml(c.t, c.layout, s)),
    };
  });
}

export function compositionFrom(c: FhirContext, device: string): Composition {
  const { o } = c;
  const type = noteTypeCoding(o.noteType);
  const deviceRef: Reference = { reference: device, type: 'Device', display: c.source.name };
  return {
    resourceType: 'Composition',
    meta: { security: c.security },
    text: narrative('generated', factsXhtml(c.title, documentFacts(c))),
    identifier: businessIdentifier(c, 'composition'),
    status: o.docStatus,
    type: { coding: [type], text: type.display! },
    category: [{ coding: [CLINICAL_NOTE_CATEGORY] }],
    subject: o.subject,
    ...(o.encounter ? { encounter: o.encounter } : {}),
    date: o.date,
    author: [...o.authors, deviceRef],
    title: c.title,
    ...(o.confidentiality ? { confidentiality: o.confidentiality } : {}),
    ...(o.docStatus === 'final' && o.verifier
      ? { attester: [{ mode: 'legal' as const, time: o.date, party: o.verifier }] }
      : {}),
    section: compositionSections(c),
  };
}

/** A FHIR document: Composition first, then the Device and the Provenance, all with urn:uuid fullUrls. */
export function documentBundleFrom(c: FhirContext): Bundle {
  const composition = c.ids('composition');
  const device = c.ids('device');
  const provenance = c.ids('provenance');
  return {
    resourceType: 'Bundle',
    identifier: { system: RFC3986, value: c.ids('bundle') },
    type: 'document',
    timestamp: c.o.date,
    entry: [
      { fullUrl: composition, resource: compositionFrom(c, device) },
      { fullUrl: device, resource: deviceFrom(c) },
      { fullUrl: provenance, resource: provenanceFrom(c, composition, device) },
    ],
  };
}

/** A transaction creating the DocumentReference (idempotently), the Device and the Provenance. */
export function transactionBundleFrom(c: FhirContext): Bundle {
  const docRef = documentReferenceFrom(c);
  const id = docRef.identifier![0]!;
  const document = c.ids('document-reference');
  const device = c.ids('device');
  const provenance = c.ids('provenance');
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: document,
        resource: docRef,
        request: {
          method: 'POST',
          url: 'DocumentReference',
          ifNoneExist: `identifier=${id.system}|${id.value}`,
        },
      },
      {
        fullUrl: device,
        resource: deviceFrom(c),
        request: {
          method: 'POST',
          url: 'Device',
          ifNoneExist: `identifier=${DEVICE_SYSTEM}|${c.source.slug}`,
        },
      },
      {
        fullUrl: provenance,
        resource: provenanceFrom(c, document, device),
        request: { method: 'POST', url: 'Provenance' },
      },
    ],
  };
}

/** The FHIR document Bundle (type `document`) for a transcript, as a plain object. */
export function buildDocumentBundle(t: Transcript, options?: FhirOptions): Bundle {
  return documentBundleFrom(fhirContext(renderContext(t, options)));
}

/** The transaction Bundle for a single POST, as a plain object. */
export function buildTransactionBundle(t: Transcript, options?: FhirOptions): Bundle {
  return transactionBundleFrom(fhirContext(renderContext(t, options)));
}
