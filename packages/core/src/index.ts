// Public API of @scribekit/core. Explicit named exports only.
export { analyze, analyzeDefaults } from './analysis/index.js';
export type {
  Analysis,
  AnalyzeOptions,
  HistogramBin,
  LowConfidenceToken,
  Monologue,
  Overlap,
  ParticipantStats,
  Silence,
} from './analysis/types.js';
export {
  type BuildInput,
  buildTranscript,
  compareLabels,
  type DraftEntity,
  type DraftSpeaker,
  type DraftToken,
} from './build.js';
export { cleanText, messageValue } from './clean-text.js';
export {
  applyCorrections,
  CORRECTIONS_FORMAT,
  CORRECTIONS_VERSION,
  type Corrections,
  CorrectionsError,
  type CorrectionsProblem,
  contentHash,
  parseCorrections,
} from './corrections.js';
export { detectKind, type InputKind } from './detect.js';
export { commandDefaults, spokenCommands } from './dictation/commands.js';
export { HEADINGS } from './dictation/headings.js';
export { listDefaults, numberedItems } from './dictation/lists.js';
export { paragraphBreaks, paragraphDefaults } from './dictation/paragraphs.js';
export { detectSections, sectionDefaults } from './dictation/sections.js';
export type {
  CommandOptions,
  DetectedSection,
  DictationToken,
  HeadingSpec,
  ListOptions,
  NumberedItem,
  ParagraphOptions,
  SectionCode,
  SectionOptions,
  SpokenCommand,
  SpokenCommandKind,
} from './dictation/types.js';
export {
  type ErrorCode,
  ExportError,
  FetchError,
  InvalidEncodingError,
  InvalidJsonError,
  invalidOption,
  isTranscriptError,
  JobStatusError,
  libraryOptionName,
  NoPhiEntitiesError,
  type OptionNamer,
  OptionsError,
  type ParseIssue,
  RedactionError,
  renderOptionTemplate,
  TranscriptError,
  type TranscriptErrorOptions,
  TranscriptParseError,
  UnknownFormatError,
  UnsupportedFormatError,
} from './errors.js';
export { FHIR_REFERENCE_TAGS, type JobDescription, parseJobDescription } from './job-description.js';
export { decodeText, locateJsonFault, parseJsonText, type TranscriptInput, toJsonValue } from './json.js';
export type {
  AlternativeSegment,
  AlternativeToken,
  Channel,
  ClinicalInsight,
  ClinicalSummary,
  InsightAttribute,
  InsightSpan,
  JobSettings,
  PhiEntity,
  PhiSource,
  RedactionInfo,
  ReviewInfo,
  SegmentAlternative,
  ServiceRedaction,
  SourceKind,
  Speaker,
  SummaryBullet,
  SummarySection,
  Token,
  TokenAlternative,
  TokenKind,
  Transcript,
  TranscriptMetadata,
  Turn,
} from './model.js';
export { type ParseOptions, parseTranscript } from './parse.js';
export { type BatchParseOptions, inferLanguage, parseTranscribeBatch } from './parse-batch.js';
export {
  type HealthScribeParseOptions,
  parseHealthScribeSummary,
  parseHealthScribeTranscript,
} from './parse-healthscribe.js';
export { parseStreamingEvents, type StreamingParseOptions } from './parse-streaming.js';
export { addPhiEntities, mergePhiEntities, type PhiMerge } from './phi-merge.js';
export { entitiesFromOffsets, type PhiSpan, type PhiSpanMapping } from './phi-spans.js';
export { codePointLength, type PhiText, phiTextOf, utf16Offsets } from './phi-text.js';
export { phiTypeOf } from './phi-type.js';
export { type RedactOptions, redact } from './redact.js';
export { sha256Hex } from './sha256.js';
export { joinTokens, needsSpaceBefore, transcriptText } from './text.js';
export { formatClock, isNumeric, secondsToMs } from './time.js';
