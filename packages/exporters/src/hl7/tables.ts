// HL7 v2.5.1 table values the MDM encoder writes or checks.

/** Table 0003 events of the MDM_T02 structure that carry content. */
export const MDM_EVENTS = {
  T02: 'Original document notification and content',
  T06: 'Document addendum notification and content',
  T10: 'Document replacement notification and content',
} as const;
export type MdmEvent = keyof typeof MDM_EVENTS;

/** Table 0103 (the two scribekit writes). */
export const HL7_PROCESSING_IDS = { P: 'Production', T: 'Training' } as const;
export type ProcessingId = keyof typeof HL7_PROCESSING_IDS;

/** Table 0155 Accept/Application acknowledgment conditions. */
export const HL7_ACKNOWLEDGMENT_TYPES = {
  AL: 'Always',
  NE: 'Never',
  ER: 'Error/reject conditions only',
  SU: 'Successful completion only',
} as const;
export type AcknowledgmentType = keyof typeof HL7_ACKNOWLEDGMENT_TYPES;

/** Table 0004 Patient Class. */
export const HL7_PATIENT_CLASSES = {
  B: 'Obstetrics',
  C: 'Commercial Account',
  E: 'Emergency',
  I: 'Inpatient',
  N: 'Not Applicable',
  O: 'Outpatient',
  P: 'Preadmit',
  R: 'Recurring patient',
  U: 'Unknown',
} as const;
export type PatientClass = keyof typeof HL7_PATIENT_CLASSES;

/** Table 0270 Document Type. */
export const HL7_DOCUMENT_TYPES = {
  AR: 'Autopsy report',
  CD: 'Cardiodiagnostics',
  CN: 'Consultation',
  DI: 'Diagnostic imaging',
  DS: 'Discharge summary',
  ED: 'Emergency department report',
  HP: 'History and physical examination',
  OP: 'Operative report',
  PC: 'Psychiatric consultation',
  PH: 'Psychiatric history and physical examination',
  PN: 'Procedure note',
  PR: 'Progress note',
  SP: 'Surgical pathology',
  TS: 'Transfer summary',
} as const;
export type DocumentType = keyof typeof HL7_DOCUMENT_TYPES;

/** Table 0271 Document Completion Status. */
export const HL7_DOCUMENT_COMPLETION_STATUSES = {
  AU: 'Authenticated',
  DI: 'Dictated',
  DO: 'Documented',
  IN: 'Incomplete',
  IP: 'In Progress',
  LA: 'Legally authenticated',
  PA: 'Pre-authenticated',
} as const;
export type DocumentCompletionStatus = keyof typeof HL7_DOCUMENT_COMPLETION_STATUSES;

/** Table 0272 Document Confidentiality Status. */
export const HL7_DOCUMENT_CONFIDENTIALITY_STATUSES = {
  R: 'Restricted',
  U: 'Usual control',
  V: 'Very restricted',
} as const;
export type DocumentConfidentialityStatus = keyof typeof HL7_DOCUMENT_CONFIDENTIALITY_STATUSES;

/** Table 0273 Document Availability Status. */
export const HL7_DOCUMENT_AVAILABILITY_STATUSES = {
  AV: 'Available for patient care',
  CA: 'Deleted',
  OB: 'Obsolete',
  UN: 'Unavailable for patient care',
} as const;
export type DocumentAvailabilityStatus = keyof typeof HL7_DOCUMENT_AVAILABILITY_STATUSES;

/** Table 0085 Observation Result Status (the ones a note uses). */
export const HL7_OBSERVATION_RESULT_STATUSES = {
  P: 'Preliminary',
  F: 'Final',
  C: 'Corrected',
} as const;
export type ObservationResultStatus = keyof typeof HL7_OBSERVATION_RESULT_STATUSES;

/** Completion statuses that say a person authenticated the document (so TXA-22 is required). */
export const AUTHENTICATED_STATUSES: readonly DocumentCompletionStatus[] = ['AU', 'LA'];
