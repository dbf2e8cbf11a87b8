// Composite data types (HD, CX, XPN, XCN, PPN, EI, CE) as escaped field values with the standard
// delimiters. Trailing empty components are left out, as HL7 recommends.
import { hl7DateTime } from './datetime.js';
import { escapeHl7, HL7_DELIMITERS } from './escape.js';
import type {
  Hl7Authentication,
  Hl7Coded,
  Hl7EntityId,
  Hl7ExtendedId,
  Hl7Hd,
  Hl7Person,
  Hl7PersonName,
} from './types.js';

const { component: C, subcomponent: S, repetition: R } = HL7_DELIMITERS;

/** Joins parts with `sep`, dropping trailing empty ones. */
export function joinParts(parts: readonly string[], sep: string): string {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  return parts.slice(0, end).join(sep);
}

const esc = (value: string | undefined): string => (value === undefined ? '' : escapeHl7(value));

/** HD as components of a field (`^`), or as subcomponents inside a component (`&`). */
export function hd(value: Hl7Hd | undefined, sep: string = C): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return esc(value);
  return joinParts([esc(value.namespaceId), esc(value.universalId), esc(value.universalIdType)], sep);
}

/** CX: id ^ ^ ^ assigning authority ^ identifier type ^ assigning facility. */
export function cx(value: Hl7ExtendedId): string {
  return joinParts(
    [
      esc(value.id),
      '',
      '',
      hd(value.assigningAuthority, S),
      esc(value.identifierTypeCode),
      hd(value.assigningFacility, S),
    ],
    C,
  );
}

/** XPN: family ^ given ^ middle ^ suffix ^ prefix ^ degree. */
export function xpn(value: Hl7PersonName): string {
  return joinParts(
    [value.family, value.given, value.middle, value.suffix, value.prefix, value.degree].map(esc),
    C,
  );
}

function xcnParts(value: Hl7Person): string[] {
  return [
    esc(value.id),
    esc(value.family),
    esc(value.given),
    esc(value.middle),
    esc(value.suffix),
    esc(value.prefix),
    esc(value.degree),
    '',
    hd(value.assigningAuthority, S),
    '',
    '',
    '',
    esc(value.identifierTypeCode),
  ];
}

/** XCN: id ^ family ^ given ^ middle ^ suffix ^ prefix ^ degree ^ ^ assigning authority ^ ^ ^ ^ id type. */
export function xcn(value: Hl7Person): string {
  return joinParts(xcnParts(value), C);
}

/** PPN: the XCN components, then component 15 Date/Time Action Performed. */
export function ppn(value: Hl7Authentication, field: string): string {
  const parts = xcnParts(value);
  parts.push('', value.at === undefined ? '' : hl7DateTime(value.at, `${field}.at`));
  return joinParts(parts, C);
}

/** EI: id ^ namespace ^ universal id ^ universal id type. */
export function ei(value: Hl7EntityId): string {
  return joinParts(
    [esc(value.id), esc(value.namespaceId), esc(value.universalId), esc(value.universalIdType)],
    C,
  );
}

/** CE: identifier ^ text ^ coding system. */
export function ce(value: Hl7Coded): string {
  return joinParts([esc(value.identifier), esc(value.text), esc(value.codingSystem)], C);
}

/** Repetitions of a field. */
export function repeat<T>(values: readonly T[] | undefined, encode: (v: T, i: number) => string): string {
  return (values ?? []).map(encode).join(R);
}
