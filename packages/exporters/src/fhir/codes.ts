// Code systems and codes the FHIR exporter emits: LOINC note types and section codes, security labels.
import type { Coding } from './types.js';

export const LOINC = 'http://loinc.org';
export const US_CORE_DOCREF_PROFILE =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference';
export const US_CORE_CATEGORY_SYSTEM =
  'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';
export const OBSERVATION_VALUE = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
export const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
export const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
export const RFC3986 = 'urn:ietf:rfc:3986';
/** scribekit's own section codes: HealthScribe section names (next to the LOINC code) and `TRANSCRIPT`. */
export const SECTION_NAME_SYSTEM = 'urn:scribekit:fhir:section';
/** scribekit's identifier system for the AI devices it names. */
export const DEVICE_SYSTEM = 'urn:scribekit:fhir:device';

/** Note kinds and their LOINC document codes (the first five are US Core 7 `us-core-clinical-note-type`). */
export const NOTE_TYPES = {
  progress: { code: '11506-3', display: 'Progress note' },
  consult: { code: '11488-4', display: 'Consult note' },
  'history-and-physical': { code: '34117-2', display: 'History and physical note' },
  'discharge-summary': { code: '18842-5', display: 'Discharge summary' },
  procedure: { code: '28570-0', display: 'Procedure note' },
  /** US Core 8 added it to the clinical-note types; earlier versions allow it as an extensible code. */
  operative: { code: '11504-8', display: 'Surgical operation note' },
  /** Generic Doc-scale code: valid for US Core `type`, but not one of its clinical-note types. */
  note: { code: '34109-9', display: 'Note' },
} as const;

export type FhirNoteType = keyof typeof NOTE_TYPES;

export function noteTypeCoding(kind: FhirNoteType): Coding {
  return { system: LOINC, ...NOTE_TYPES[kind] };
}

/** HealthScribe section names → LOINC section codes (all in the R4 `doc-section-codes` value set). */
export const SECTION_CODES: Readonly<Record<string, { code: string; display: string }>> = {
  CHIEF_COMPLAINT: { code: '10154-3', display: 'Chief complaint Narrative - Reported' },
  HISTORY_OF_PRESENT_ILLNESS: { code: '10164-2', display: 'History of Present illness Narrative' },
  REVIEW_OF_SYSTEMS: { code: '10187-3', display: 'Review of systems Narrative - Reported' },
  PAST_MEDICAL_HISTORY: { code: '11348-0', display: 'History of Past illness Narrative' },
  PAST_FAMILY_HISTORY: { code: '10157-6', display: 'History of family member diseases Narrative' },
  PAST_SOCIAL_HISTORY: { code: '29762-2', display: 'Social history Narrative' },
  PHYSICAL_EXAMINATION: { code: '29545-1', display: 'Physical findings Narrative' },
  DIAGNOSTIC_TESTING: { code: '30954-2', display: 'Relevant diagnostic tests/laboratory data Narrative' },
  ASSESSMENT: { code: '51848-0', display: 'Evaluation note' },
  PLAN: { code: '18776-5', display: 'Plan of care note' },
  SUBJECTIVE: { code: '61150-9', display: 'Subjective Narrative' },
  OBJECTIVE: { code: '61149-1', display: 'Objective Narrative' },
};

/** Aliases seen in the wild, mapped to their canonical section name. */
const SECTION_ALIASES: Readonly<Record<string, string>> = {
  CHIEF_COMPLIANT: 'CHIEF_COMPLAINT',
  HPI: 'HISTORY_OF_PRESENT_ILLNESS',
};

/** Canonical section name: upper case, aliases resolved. */
export function canonicalSectionName(name: string): string {
  const upper = name.trim().toUpperCase();
  return SECTION_ALIASES[upper] ?? upper;
}

/** `HISTORY_OF_PRESENT_ILLNESS` → `History of present illness`. */
export function sectionTitle(name: string): string {
  const words = canonicalSectionName(name).toLowerCase().split(/_+/).filter(Boolean);
  const text = words.join(' ');
  return text === '' ? 'Section' : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * The codings of a section: the LOINC code when one is known, always followed by the raw name
 * in scribekit's system. `ASSESSMENT_AND_PLAN` has no single LOINC narrative code in the R4 value set;
 * it keeps only the local code (plus its title).
 */
export function sectionCodings(name: string): Coding[] {
  const canonical = canonicalSectionName(name);
  const loinc = SECTION_CODES[canonical];
  const local: Coding = { system: SECTION_NAME_SYSTEM, code: canonical };
  return loinc ? [{ system: LOINC, ...loinc }, local] : [local];
}

export const CLINICAL_NOTE_CATEGORY: Coding = {
  system: US_CORE_CATEGORY_SYSTEM,
  code: 'clinical-note',
  display: 'Clinical Note',
};

/** AI Transparency on FHIR: "Artificial Intelligence asserted". */
export const AIAST: Coding = {
  system: OBSERVATION_VALUE,
  code: 'AIAST',
  display: 'Artificial Intelligence asserted',
};
export const REDACTED: Coding = { system: OBSERVATION_VALUE, code: 'REDACTED', display: 'redacted' };

export const CONFIDENTIALITY_CODES = {
  U: 'unrestricted',
  L: 'low',
  M: 'moderate',
  N: 'normal',
  R: 'restricted',
  V: 'very restricted',
} as const;

export type FhirConfidentiality = keyof typeof CONFIDENTIALITY_CODES;

export function confidentialityCoding(code: FhirConfidentiality): Coding {
  return { system: CONFIDENTIALITY, code, display: CONFIDENTIALITY_CODES[code] };
}

export function participantType(code: 'author' | 'verifier'): Coding {
  return { system: PARTICIPANT_TYPE, code, display: code === 'author' ? 'Author' : 'Verifier' };
}
