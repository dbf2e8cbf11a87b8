// The `hl7` writer: one MDM message per transcript, mapped from the same context as the FHIR writer (so the
// document number, status, type, times, patient, author and encounter agree with the DocumentReference) and
// carrying the shared layout's report as OBX lines (a dictation's headings and paragraphs, a conversation's
// speaker turns). Mapping and sources: docs/hl7.md.
import type { Transcript } from '@scribekit/core';
import { NOTE_TYPES } from '../fhir/codes.js';
import { businessIdentifier, type FhirContext, fhirContext } from '../fhir/context.js';
import { sha1Hex } from '../fhir/ids.js';
import type { ResolvedReference } from '../fhir/options.js';
import { reportLines } from '../layout/report.js';
import { type RenderContext, renderContext } from '../render/context.js';
import type { ExportOptions } from '../render/export-options.js';
import { checkHl7Options, patientIdentifier } from './check.js';
import { randomControlId } from './ids.js';
import { buildMdm } from './mdm.js';
import type { Hl7Options } from './options.js';
import type { DocumentType, MdmEvent } from './tables.js';
import type { Hl7Person, MdmInput, MdmLine } from './types.js';

/** MSH-3: who sends. */
export const HL7_SENDING_APPLICATION = 'SCRIBEKIT';

/** TXA-2 from the note type (table 0270). The generic `note` has none: give `hl7DocumentType`. */
const DOCUMENT_TYPES: Readonly<Record<keyof typeof NOTE_TYPES, DocumentType | null>> = {
  progress: 'PR',
  consult: 'CN',
  'history-and-physical': 'HP',
  'discharge-summary': 'DS',
  procedure: 'PN',
  operative: 'OP',
  note: null,
};

export { checkHl7Options } from './check.js';

/** Renders a transcript as one HL7 v2.5.1 MDM message (`\r` segment ends). */
export function toHl7(transcript: Transcript, options: ExportOptions = {}): string {
  return writeHl7(renderContext(transcript, options));
}

/** The HL7 writer of the registry. */
export function writeHl7(ctx: RenderContext): string {
  return buildMdm(mdmInputOf(ctx)).message;
}

/** `Patient/123` → `123` (the id part of a relative reference), else the reference as given. */
const idPart = (reference: string) => reference.slice(reference.lastIndexOf('/') + 1);

function person(ref: ResolvedReference): Hl7Person {
  return { id: idPart(ref.reference), ...(ref.display ? { family: ref.display } : {}) };
}

/** The FHIR context the message is mapped from; `patientId` stands in for a missing `subject`. */
function contextOf(ctx: RenderContext): FhirContext {
  const o = ctx.options as ExportOptions & Hl7Options;
  if (o.subject !== undefined || o.patientId === undefined) return fhirContext(ctx);
  const id = patientIdentifier(o.patientId).id;
  return fhirContext(renderContext(ctx.source, { ...ctx.options, subject: `Patient/${id}` }));
}

/** The MdmInput of an export (exported for the FHIR ↔ HL7 agreement tests). */
export function mdmInputOf(ctx: RenderContext): MdmInput {
  const h = ctx.options as ExportOptions & Hl7Options;
  checkHl7Options(ctx.options);
  const c = contextOf(ctx);
  const { t, o } = c;
  const event: MdmEvent = h.replaces !== undefined ? 'T10' : h.addendumTo !== undefined ? 'T06' : 'T02';
  const parent = h.replaces ?? h.addendumTo;
  // TXA-12 is the FHIR DocumentReference's stable identifier (the same UUID), so a resend is recognisable.
  const documentNumber = (businessIdentifier(c, 'document-reference').value ?? '').replace(/^urn:uuid:/, '');
  const final = o.docStatus === 'final' && o.verifier !== null;
  const lines: MdmLine[] = reportLines(t, ctx.layout()).map((line) => ({
    kind: line.kind === 'heading' ? 'heading' : 'text',
    text: line.text,
  }));
  const note = NOTE_TYPES[o.noteType];
  return {
    event,
    message: {
      sendingApplication: HL7_SENDING_APPLICATION,
      sendingFacility: h.sendingFacility,
      receivingApplication: h.receivingApplication,
      receivingFacility: h.receivingFacility,
      dateTime: o.date,
      // Deterministic ids (tests, reproducible output): derived from the document; else random.
      controlId:
        o.ids === 'deterministic'
          ? sha1Hex(`${documentNumber}\n${event}\n${o.date}`).slice(0, 20).toUpperCase()
          : randomControlId(),
      processingId: h.processingId ?? 'P',
      ...(t.metadata.languageCode ? { language: { identifier: t.metadata.languageCode } } : {}),
    },
    patient: {
      identifiers: [
        h.patientId !== undefined ? patientIdentifier(h.patientId) : { id: idPart(o.subject.reference) },
      ],
    },
    visit: {
      patientClass: 'U',
      ...(o.encounter
        ? { visitNumber: { id: idPart(o.encounter.reference), identifierTypeCode: 'VN' } }
        : {}),
    },
    document: {
      type: h.hl7DocumentType ?? DOCUMENT_TYPES[o.noteType]!,
      ...(t.metadata.startedAt ? { activityAt: t.metadata.startedAt } : {}),
      originatedAt: c.creation,
      ...(t.metadata.completedAt ? { transcribedAt: t.metadata.completedAt } : {}),
      ...(o.authors.length > 0
        ? { originators: o.authors.map(person), primaryActivityProviders: [person(o.authors[0]!)] }
        : {}),
      ...(o.verifier ? { assignedAuthenticators: [person(o.verifier)] } : {}),
      uniqueDocumentNumber: { id: documentNumber, namespaceId: HL7_SENDING_APPLICATION },
      ...(parent !== undefined ? { parentDocumentNumber: { id: parent } } : {}),
      // A machine transcript nobody signed is "documented"; signed by the verifier, "legally authenticated".
      completionStatus: final ? 'LA' : 'DO',
      availability: 'AV',
      ...(final ? { authentications: [{ ...person(o.verifier!), at: o.date }] } : {}),
    },
    observations: {
      valueType: h.hl7ValueType ?? 'TX',
      identifier: { identifier: note.code, text: note.display, codingSystem: 'LN' },
      lines,
    },
  };
}
