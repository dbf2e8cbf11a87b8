// HL7 v2.5.1 MDM messages (pure: no I/O, no dependencies beyond @scribekit/core). Explicit named exports.
export {
  type AckCode,
  type AckError,
  type BuildAckOptions,
  buildAck,
  isAccepted,
  messageHeader,
  type ParsedAck,
  parseAck,
} from './ack.js';
export { type Hl7Instant, hl7DateTime, hl7DateTimeToIso } from './datetime.js';
export {
  countUnrepresentable,
  escapeFormattedText,
  escapeHl7,
  HL7_DELIMITERS,
  type Hl7Delimiters,
  splitLines,
  unescapeHl7,
} from './escape.js';
export { randomControlId } from './ids.js';
export { buildMdm, buildMdmMessage, HL7_CHARSET, HL7_VERSION } from './mdm.js';
export type { Hl7Options } from './options.js';
export {
  type AcknowledgmentType,
  type DocumentAvailabilityStatus,
  type DocumentCompletionStatus,
  type DocumentConfidentialityStatus,
  type DocumentType,
  HL7_ACKNOWLEDGMENT_TYPES,
  HL7_DOCUMENT_AVAILABILITY_STATUSES,
  HL7_DOCUMENT_COMPLETION_STATUSES,
  HL7_DOCUMENT_CONFIDENTIALITY_STATUSES,
  HL7_DOCUMENT_TYPES,
  HL7_OBSERVATION_RESULT_STATUSES,
  HL7_PATIENT_CLASSES,
  HL7_PROCESSING_IDS,
  MDM_EVENTS,
  type MdmEvent,
  type ObservationResultStatus,
  type PatientClass,
  type ProcessingId,
} from './tables.js';
export type {
  Hl7Authentication,
  Hl7Coded,
  Hl7EntityId,
  Hl7ExtendedId,
  Hl7Hd,
  Hl7HierarchicDesignator,
  Hl7Person,
  Hl7PersonName,
  MdmInput,
  MdmLine,
  MdmResult,
} from './types.js';
