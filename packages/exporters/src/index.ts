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
export { type JsonOptions, toJson } from './json.js';
export { escapeMarkdown, toMarkdown } from './markdown.js';
export { type ExportOptions, exporters, type Format, formats, getExporter } from './registry.js';
export { type CaptionOptions, cuesToSrt, toSrt } from './srt.js';
export { type TextOptions, toText } from './text.js';
export type { BinaryExporter, CommonOptions, Exporter, TextExporter } from './types.js';
export { cuesToVtt, toVtt } from './vtt.js';
