// MDM^T02/T06/T10 (HL7 v2.5.1, structure MDM_T02) from a fully resolved MdmInput:
// MSH, EVN, PID, PV1, TXA, then one OBX per block of the note. Segments end in `\r`.
// Messages of the errors name fields (`document.type`, TXA-2), never their values.
import { ExportError, OptionsError } from '@scribekit/core';
import { hl7DateTime } from './datetime.js';
import {
  countUnrepresentable,
  escapeFormattedText,
  escapeHl7,
  HL7_DELIMITERS,
  splitLines,
} from './escape.js';
import { ce, cx, ei, hd, joinParts, ppn, repeat, xcn, xpn } from './fields.js';
import {
  AUTHENTICATED_STATUSES,
  HL7_ACKNOWLEDGMENT_TYPES,
  HL7_DOCUMENT_AVAILABILITY_STATUSES,
  HL7_DOCUMENT_COMPLETION_STATUSES,
  HL7_DOCUMENT_CONFIDENTIALITY_STATUSES,
  HL7_DOCUMENT_TYPES,
  HL7_OBSERVATION_RESULT_STATUSES,
  HL7_PATIENT_CLASSES,
  HL7_PROCESSING_IDS,
  MDM_EVENTS,
} from './tables.js';
import type { Hl7EntityId, Hl7Hd, Hl7Person, MdmInput, MdmLine, MdmResult } from './types.js';

/** MSH-12 */
export const HL7_VERSION = '2.5.1';
/** MSH-18 */
export const HL7_CHARSET = 'UNICODE UTF-8';

const { field: F, repetition: R, component: C, escape: E } = HL7_DELIMITERS;
const ENCODING_CHARACTERS = `${C}${R}${E}${HL7_DELIMITERS.subcomponent}`;
const CONTROL_ID = /^[!-~]{1,20}$/;

/** The message text (segments joined and ended by `\r`). */
export function buildMdmMessage(input: MdmInput): string {
  return buildMdm(input).message;
}

/** The message with its OBX count and the number of characters replaced by U+FFFD. */
export function buildMdm(input: MdmInput): MdmResult {
  check(input);
  const { event, message: m, patient, visit, document: d, observations: o } = input;
  const status =
    o.resultStatus ?? (AUTHENTICATED_STATUSES.includes(d.completionStatus) ? ('F' as const) : ('P' as const));
  const messageTime = hl7DateTime(m.dateTime, 'message.dateTime');
  const time = (v: MdmInput['document']['activityAt'], field: string) =>
    v === undefined ? '' : hl7DateTime(v, field);

  const segments = [
    segment('MSH', [
      ENCODING_CHARACTERS,
      hd(m.sendingApplication),
      hd(m.sendingFacility),
      hd(m.receivingApplication),
      hd(m.receivingFacility),
      messageTime,
      '',
      `MDM${C}${event}${C}MDM_T02`,
      m.controlId,
      m.processingId,
      HL7_VERSION,
      '',
      '',
      m.acceptAckType ?? '',
      m.applicationAckType ?? '',
      '',
      HL7_CHARSET,
      m.language ? ce(m.language) : '',
    ]),
    segment('EVN', [
      event,
      input.eventRecordedAt === undefined
        ? messageTime
        : hl7DateTime(input.eventRecordedAt, 'eventRecordedAt'),
    ]),
    segment('PID', ['1', '', repeat(patient.identifiers, cx), '', patient.name ? xpn(patient.name) : '']),
    segment('PV1', [
      '1',
      visit.patientClass,
      ...Array<string>(16).fill(''),
      visit.visitNumber ? cx(visit.visitNumber) : '',
    ]),
    segment('TXA', [
      '1',
      d.type,
      o.valueType,
      time(d.activityAt, 'document.activityAt'),
      repeat(d.primaryActivityProviders, xcn),
      time(d.originatedAt, 'document.originatedAt'),
      time(d.transcribedAt, 'document.transcribedAt'),
      repeat(d.editedAt, (v, i) => hl7DateTime(v, `document.editedAt[${i}]`)),
      repeat(d.originators, xcn),
      repeat(d.assignedAuthenticators, xcn),
      repeat(d.transcriptionists, xcn),
      ei(d.uniqueDocumentNumber),
      d.parentDocumentNumber ? ei(d.parentDocumentNumber) : '',
      '',
      '',
      d.uniqueDocumentFileName === undefined ? '' : escapeHl7(d.uniqueDocumentFileName),
      d.completionStatus,
      d.confidentiality ?? '',
      d.availability ?? '',
      '',
      d.changeReason === undefined ? '' : escapeHl7(d.changeReason),
      repeat(d.authentications, (a, i) => ppn(a, `document.authentications[${i}]`)),
    ]),
  ];
  const obx = observationSegments(o.lines, o.valueType, ce(o.identifier), status);
  if (obx.length === 0) {
    throw new ExportError('The note has no text: an MDM message needs at least one OBX segment');
  }
  segments.push(...obx);
  return {
    message: `${segments.join('\r')}\r`,
    observations: obx.length,
    replacedCharacters: countReplaced(input),
  };
}

/**
 * One OBX per block: a heading or a paragraph. TX puts the paragraph's lines in OBX-5 repetitions (TX's
 * hard line breaks); FT joins them with `\.br\`. OBX-4 is `<section>.<block>`: a heading opens a section.
 * Blocks with no visible text are skipped; trailing spaces of each line are removed (TX rule).
 */
function observationSegments(
  lines: readonly MdmLine[],
  valueType: 'TX' | 'FT',
  identifier: string,
  status: string,
): string[] {
  const out: string[] = [];
  let section = 0;
  let inSection = 0;
  for (const line of lines) {
    const rows = trimBlankRows(splitLines(line.text).map((r) => r.trimEnd()));
    if (rows.length === 0) continue;
    if (section === 0 || (line.kind === 'heading' && inSection > 0)) {
      section++;
      inSection = 0;
    }
    inSection++;
    const value =
      valueType === 'TX' ? rows.map((r) => escapeHl7(r)).join(R) : escapeFormattedText(rows.join('\n'));
    out.push(
      segment('OBX', [
        String(out.length + 1),
        valueType,
        identifier,
        `${section}.${inSection}`,
        value,
        '',
        '',
        '',
        '',
        '',
        status,
      ]),
    );
  }
  return out;
}

function trimBlankRows(rows: string[]): string[] {
  let start = 0;
  let end = rows.length;
  while (start < end && rows[start]!.trim() === '') start++;
  while (end > start && rows[end - 1]!.trim() === '') end--;
  return rows.slice(start, end);
}

function segment(name: string, fields: readonly string[]): string {
  const body = joinParts(fields, F);
  return body === '' ? name : `${name}${F}${body}`;
}

function countReplaced(input: MdmInput): number {
  let n = 0;
  for (const line of input.observations.lines) n += countUnrepresentable(line.text);
  return n;
}

// ---- validation ----

function check(input: MdmInput): void {
  const { event, message: m, patient, visit, document: d, observations: o } = input;
  oneOf(event, MDM_EVENTS, 'event', 'MSH-9.2');
  nonEmptyHd(m.sendingApplication, 'message.sendingApplication', 'MSH-3');
  oneOf(m.processingId, HL7_PROCESSING_IDS, 'message.processingId', 'MSH-11');
  if (typeof m.controlId !== 'string' || !CONTROL_ID.test(m.controlId) || /[|^~\\&]/.test(m.controlId)) {
    throw new OptionsError(
      'Expected `message.controlId` (MSH-10) to be 1 to 20 printable ASCII characters without `|^~\\&`',
    );
  }
  if (m.acceptAckType !== undefined)
    oneOf(m.acceptAckType, HL7_ACKNOWLEDGMENT_TYPES, 'message.acceptAckType', 'MSH-15');
  if (m.applicationAckType !== undefined)
    oneOf(m.applicationAckType, HL7_ACKNOWLEDGMENT_TYPES, 'message.applicationAckType', 'MSH-16');

  if (!Array.isArray(patient?.identifiers) || patient.identifiers.length === 0) {
    throw new OptionsError('Expected `patient.identifiers` (PID-3) to hold at least one patient identifier');
  }
  for (const [i, id] of patient.identifiers.entries())
    nonEmpty(id?.id, `patient.identifiers[${i}].id`, 'PID-3.1');
  oneOf(visit?.patientClass, HL7_PATIENT_CLASSES, 'visit.patientClass', 'PV1-2');
  if (visit.visitNumber !== undefined) nonEmpty(visit.visitNumber.id, 'visit.visitNumber.id', 'PV1-19.1');

  oneOf(d?.type, HL7_DOCUMENT_TYPES, 'document.type', 'TXA-2');
  oneOf(d.completionStatus, HL7_DOCUMENT_COMPLETION_STATUSES, 'document.completionStatus', 'TXA-17');
  if (d.confidentiality !== undefined)
    oneOf(d.confidentiality, HL7_DOCUMENT_CONFIDENTIALITY_STATUSES, 'document.confidentiality', 'TXA-18');
  if (d.availability !== undefined)
    oneOf(d.availability, HL7_DOCUMENT_AVAILABILITY_STATUSES, 'document.availability', 'TXA-19');
  entityId(d.uniqueDocumentNumber, 'document.uniqueDocumentNumber', 'TXA-12');
  if (event === 'T02') {
    if (d.parentDocumentNumber !== undefined) {
      throw new OptionsError(
        '`document.parentDocumentNumber` (TXA-13) is for an addendum (T06) or a replacement (T10), not T02',
      );
    }
  } else {
    if (d.parentDocumentNumber === undefined) {
      throw new OptionsError(
        `Event ${event} needs \`document.parentDocumentNumber\` (TXA-13): the document it ${event === 'T06' ? 'adds to' : 'replaces'}`,
      );
    }
    entityId(d.parentDocumentNumber, 'document.parentDocumentNumber', 'TXA-13');
    if (sameEntity(d.parentDocumentNumber, d.uniqueDocumentNumber)) {
      throw new OptionsError(
        'Expected `document.parentDocumentNumber` (TXA-13) to differ from `document.uniqueDocumentNumber` (TXA-12)',
      );
    }
  }
  for (const [key, seq] of [
    ['primaryActivityProviders', 'TXA-5'],
    ['originators', 'TXA-9'],
    ['assignedAuthenticators', 'TXA-10'],
    ['transcriptionists', 'TXA-11'],
    ['authentications', 'TXA-22'],
  ] as const) {
    for (const [i, p] of (d[key] ?? []).entries()) person(p, `document.${key}[${i}]`, seq);
  }
  if (AUTHENTICATED_STATUSES.includes(d.completionStatus) && (d.authentications?.length ?? 0) === 0) {
    throw new OptionsError(
      `Completion status ${d.completionStatus} (TXA-17) needs \`document.authentications\` (TXA-22): who authenticated it`,
    );
  }

  if (o?.valueType !== 'TX' && o?.valueType !== 'FT') {
    throw new OptionsError('Expected `observations.valueType` (OBX-2) to be one of TX, FT');
  }
  nonEmpty(o.identifier?.identifier, 'observations.identifier.identifier', 'OBX-3.1');
  if (o.resultStatus !== undefined)
    oneOf(o.resultStatus, HL7_OBSERVATION_RESULT_STATUSES, 'observations.resultStatus', 'OBX-11');
  if (!Array.isArray(o.lines)) throw new OptionsError('Expected `observations.lines` to be a list of lines');
  o.lines.forEach((line, i) => {
    if ((line?.kind !== 'heading' && line?.kind !== 'text') || typeof line.text !== 'string') {
      throw new OptionsError(
        `Expected \`observations.lines[${i}]\` to be { kind: 'heading' | 'text', text }`,
      );
    }
  });
}

function oneOf(value: unknown, table: Readonly<Record<string, string>>, field: string, seq: string): void {
  if (typeof value !== 'string' || !Object.hasOwn(table, value)) {
    throw new OptionsError(`Expected \`${field}\` (${seq}) to be one of ${Object.keys(table).join(', ')}`);
  }
}

function nonEmpty(value: unknown, field: string, seq: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new OptionsError(`Expected \`${field}\` (${seq}) to be a non-empty string`);
  }
}

function nonEmptyHd(value: Hl7Hd | undefined, field: string, seq: string): void {
  const ok =
    typeof value === 'string'
      ? value.trim() !== ''
      : value !== undefined &&
        [value.namespaceId, value.universalId].some((v) => v !== undefined && v.trim() !== '');
  if (!ok) throw new OptionsError(`Expected \`${field}\` (${seq}) to name an application or facility`);
}

function entityId(value: Hl7EntityId | undefined, field: string, seq: string): void {
  if (value === undefined) throw new OptionsError(`Expected \`${field}\` (${seq}) to be set`);
  nonEmpty(value.id, `${field}.id`, `${seq}.1`);
}

function sameEntity(a: Hl7EntityId, b: Hl7EntityId): boolean {
  return (
    a.id === b.id &&
    (a.namespaceId ?? '') === (b.namespaceId ?? '') &&
    (a.universalId ?? '') === (b.universalId ?? '')
  );
}

function person(value: Hl7Person | undefined, field: string, seq: string): void {
  const has = (v: string | undefined) => v !== undefined && v.trim() !== '';
  if (!value || (!has(value.id) && !has(value.family))) {
    throw new OptionsError(`Expected \`${field}\` (${seq}) to have an id or a family name`);
  }
}
