// Public API of @scribekit/exporters. Explicit named exports only.
export type { Cue } from './captions/cue.js';
export {
  type CaptionPreset,
  type CaptionRules,
  captionPresets,
  type ResolvedCaptionOptions,
  resolveCaptionOptions,
  type SpeakerLabelStyle,
} from './captions/options.js';
export {
  type CaptionQuality,
  type CaptionRule,
  type CaptionViolation,
  captionQuality,
  captionRules,
  cueCps,
} from './captions/quality.js';
export { buildCues } from './captions/segment.js';
export { displayName, prepare } from './common.js';
export { type DocxOptions, docxDefaults, toDocx } from './docx.js';
export {
  buildDocumentBundle,
  buildDocumentReference,
  buildFhirResource,
  buildTransactionBundle,
  CONFIDENTIALITY_CODES,
  type FhirAttachment,
  type FhirAudioLink,
  type FhirBundle,
  type FhirCodeableConcept,
  type FhirCoding,
  type FhirComposition,
  type FhirConfidentiality,
  type FhirDevice,
  type FhirDocumentReference,
  type FhirNarrative,
  type FhirNoteType,
  type FhirOptions,
  type FhirOutput,
  type FhirProvenance,
  type FhirReference,
  type FhirReferenceInput,
  type FhirResource,
  NOTE_TYPES,
  resourceToJson,
  resourceToXml,
  SECTION_CODES,
  sectionCodings,
  toFhirJson,
  toFhirXml,
  uuidV5,
} from './fhir/index.js';
export {
  type AckCode,
  type AckError,
  type AcknowledgmentType,
  type BuildAckOptions,
  buildAck,
  buildMdm,
  buildMdmMessage,
  countUnrepresentable,
  type DocumentAvailabilityStatus,
  type DocumentCompletionStatus,
  type DocumentConfidentialityStatus,
  type DocumentType,
  escapeFormattedText,
  escapeHl7,
  HL7_ACKNOWLEDGMENT_TYPES,
  HL7_CHARSET,
  HL7_DELIMITERS,
  HL7_DOCUMENT_AVAILABILITY_STATUSES,
  HL7_DOCUMENT_COMPLETION_STATUSES,
  HL7_DOCUMENT_CONFIDENTIALITY_STATUSES,
  HL7_DOCUMENT_TYPES,
  HL7_OBSERVATION_RESULT_STATUSES,
  HL7_PATIENT_CLASSES,
  HL7_PROCESSING_IDS,
  HL7_VERSION,
  type Hl7Authentication,
  type Hl7Coded,
  type Hl7Delimiters,
  type Hl7EntityId,
  type Hl7ExtendedId,
  type Hl7Hd,
  type Hl7HierarchicDesignator,
  type Hl7Instant,
  type Hl7Person,
  type Hl7PersonName,
  hl7DateTime,
  hl7DateTimeToIso,
  isAccepted,
  MDM_EVENTS,
  type MdmEvent,
  type MdmInput,
  type MdmLine,
  type MdmResult,
  messageHeader,
  type ObservationResultStatus,
  type ParsedAck,
  type PatientClass,
  type ProcessingId,
  parseAck,
  randomControlId,
  splitLines,
  unescapeHl7,
} from './hl7/index.js';
export type { Hl7Options } from './hl7/options.js';
export { HL7_SENDING_APPLICATION, mdmInputOf, toHl7 } from './hl7/writer.js';
export { htmlDefaults, htmlOptionSpecs } from './html/options.js';
export { type HtmlOptions, toHtml } from './html.js';
export { type JsonOptions, toJson } from './json.js';
export { isDictation, paragraphText, rangeText } from './layout/build.js';
export { documentLayout } from './layout/index.js';
export type { CustomHeading, LayoutOptions, SectionsMode } from './layout/options.js';
export type {
  DocumentLayout,
  LayoutBlock,
  LayoutHeading,
  LayoutItem,
  LayoutParagraph,
  LayoutSection,
} from './layout/types.js';
export { escapeMarkdown, toMarkdown } from './markdown.js';
export {
  checkOptionTypes,
  exportOptionSpecs,
  type OptionFlag,
  type OptionGroup,
  type OptionSpec,
  type OptionType,
  optionSpec,
} from './options/index.js';
export {
  type BinaryEntry,
  type BinaryWriter,
  type ExportOptions,
  exporters,
  type Format,
  formats,
  getExporter,
  type RegistryEntry,
  type TextEntry,
  type TextWriter,
} from './registry.js';
export {
  type CheckOptions,
  checkExportOptions,
  type RenderContext,
  type RenderedOutput,
  render,
  renderContext,
  resolveFormats,
} from './render/index.js';
export { type CaptionOptions, cuesToSrt, toSrt } from './srt.js';
export { type TextOptions, toText } from './text.js';
export type { CommonOptions } from './types.js';
export { cuesToVtt, toVtt } from './vtt.js';
