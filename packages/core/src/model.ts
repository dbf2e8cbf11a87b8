// The canonical transcript model. Every parser produces it; every exporter and analysis reads it.
// All times are integer milliseconds from the start of the audio. Nothing here knows AWS field names.

/** Where a transcript came from. */
export type SourceKind = 'transcribe-batch' | 'medical-streaming' | 'healthscribe';

/** A token is a spoken word or a punctuation mark. */
export type TokenKind = 'word' | 'punctuation';

/** One recognition alternative of a single token (rare: batch items carry one). */
export interface TokenAlternative {
  readonly text: string;
  readonly confidence: number | null;
}

/** A span of content removed or masked by the service (standard PII redaction, vocabulary filter). */
export interface ServiceRedaction {
  /** `pii` for `[PII]` redaction; `vocabulary-mask` for `***`. */
  readonly kind: 'pii' | 'vocabulary-mask';
  /** PII type when the service gave one, e.g. `NAME`. */
  readonly type: string | null;
  readonly confidence: number | null;
}

export interface Token {
  /** Position in transcript order, 0-based and dense. */
  readonly index: number;
  readonly kind: TokenKind;
  readonly text: string;
  /** Start time; punctuation, which has no time of its own, takes the end of the word before it. */
  readonly startMs: number;
  readonly endMs: number;
  /** False when the source gave no time and `startMs`/`endMs` were inferred. */
  readonly timed: boolean;
  /** 0..1, or null when the source gave none (punctuation, old files). */
  readonly confidence: number | null;
  /** Speaker id such as `spk_0`, or null without diarization. */
  readonly speaker: string | null;
  /** Channel id such as `ch_0`, or null without channel identification. */
  readonly channel: string | null;
  /** True when a reader expects a space before this token (false for punctuation and CJK runs). */
  readonly spaceBefore: boolean;
  /** Per-item language code, when the service gave one. */
  readonly language?: string;
  /** Other recognitions of this token, when known. */
  readonly alternatives?: readonly TokenAlternative[];
  /** Set when the service already redacted or masked the content. */
  readonly serviceRedaction?: ServiceRedaction;
  /** Streaming/vocabulary `tag` mode: the word matched a vocabulary filter. */
  readonly vocabularyFilterMatch?: boolean;
  /**
   * Set by scribekit's `redact`: the PHI type this token was replaced for. The first token of a redacted span
   * holds the placeholder (`[NAME]`); the span's other tokens are folded into it and have empty text.
   */
  readonly redactedAs?: string;
  /** Set by `applyCorrections`: a reviewer replaced the recognised text (times kept, confidence set to 1). */
  readonly corrected?: true;
}

export interface Speaker {
  /** Stable id as the service wrote it: `spk_0`, `ch_1`, `CLINICIAN_0`. */
  readonly id: string;
  /** Display label (the id unless a name map or role gives better). */
  readonly label: string;
  /** HealthScribe participant role, e.g. `CLINICIAN` or `PATIENT`. */
  readonly role?: string;
}

export interface Channel {
  readonly id: string;
  readonly label: string;
}

/** A run of consecutive tokens by one speaker (or channel, when there are no speakers). */
export interface Turn {
  /** Source segment id (HealthScribe `SegmentId`), else `turn-N`. */
  readonly id: string;
  readonly speaker: string | null;
  readonly channel: string | null;
  readonly startMs: number;
  readonly endMs: number;
  /** Index of the first token of the turn. */
  readonly firstToken: number;
  /** Index one past the last token of the turn. */
  readonly endToken: number;
  /** HealthScribe section of this segment, e.g. `SUBJECTIVE`. */
  readonly section?: string;
}

/**
 * Who found a PHI entity: Transcribe Medical (`ContentIdentificationType=PHI`, batch or streaming), or
 * Amazon Comprehend Medical `DetectPHI` run by scribekit over the transcript text. A closed union, so every
 * consumer can tell the two apart; entities without `source` come from Transcribe.
 */
export type PhiSource = 'transcribe' | 'comprehend-medical';

/** A PHI entity found by Transcribe Medical (ContentIdentificationType=PHI), by streaming, or by DetectPHI. */
export interface PhiEntity {
  /** Category as the service wrote it, e.g. `PHI`, `PHI-Personal`. */
  readonly category: string;
  /** Normalised PHI type for placeholders: NAME, DATE, AGE, ADDRESS, ID, CONTACT, OTHER, … */
  readonly type: string;
  /** The entity's text. This is patient data: never put it in logs or errors. */
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
  /** 0..1: the service's confidence in the detection (for `comprehend-medical`, DetectPHI's `Score`). */
  readonly confidence: number | null;
  /** Who found the entity; absent on entities from Transcribe (older models never set it). */
  readonly source?: PhiSource;
  /** The channel the entity was found on, when the source says (streaming); it covers only that channel's words. */
  readonly channel?: string;
  /** Index of the first token the entity covers (-1 when it covers none). */
  readonly firstToken: number;
  /** Index one past the last covered token (equal to firstToken when it covers none). */
  readonly endToken: number;
}

/** One token inside a segment alternative (ShowAlternatives output). */
export interface AlternativeToken {
  readonly kind: TokenKind;
  readonly text: string;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly confidence: number | null;
}

export interface SegmentAlternative {
  readonly text: string;
  readonly tokens: readonly AlternativeToken[];
}

/** A stretch of audio with the service's n-best alternatives, best first. */
export interface AlternativeSegment {
  readonly startMs: number;
  readonly endMs: number;
  readonly alternatives: readonly SegmentAlternative[];
}

/** A summary bullet of a HealthScribe clinical document. */
export interface SummaryBullet {
  readonly text: string;
  /** Ids of the turns (HealthScribe segments) the bullet cites that exist in the transcript. */
  readonly turnIds: readonly string[];
  /** Ids it cites as written, including ones missing from the transcript. */
  readonly evidenceIds: readonly string[];
}

export interface SummarySection {
  /** Canonical section name, e.g. `CHIEF_COMPLAINT` (the `CHIEF_COMPLIANT` spelling is normalised). */
  readonly name: string;
  readonly bullets: readonly SummaryBullet[];
}

export interface ClinicalSummary {
  readonly sections: readonly SummarySection[];
}

/** A stretch of one HealthScribe segment's text that a clinical insight points at. */
export interface InsightSpan {
  /** The `SegmentId` as written. */
  readonly segmentId: string;
  /** The turn with that id, or null when the transcript has no such segment (a dangling reference). */
  readonly turnId: string | null;
  /** Character offsets into the segment's text: `beginChar` inclusive, `endChar` exclusive. */
  readonly beginChar: number;
  readonly endChar: number;
  /** The span's text as the service gave it. */
  readonly text: string;
}

/** A HealthScribe clinical insight (e.g. a medical condition, medication or test) and its attributes. */
export interface ClinicalInsight {
  readonly id: string | null;
  /** `InsightType`, e.g. `ClinicalEntity`. */
  readonly kind: string | null;
  /** e.g. `MEDICAL_CONDITION`, `MEDICATION`, `TEST_TREATMENT_PROCEDURE`, `ANATOMY`. */
  readonly category: string | null;
  /** e.g. `DX_NAME`, `GENERIC_NAME`, `TEST_NAME`. */
  readonly type: string | null;
  readonly spans: readonly InsightSpan[];
  readonly attributes: readonly InsightAttribute[];
}

/** An attribute of a clinical insight, e.g. a `TEST_VALUE`. */
export interface InsightAttribute {
  readonly id: string | null;
  readonly type: string | null;
  readonly spans: readonly InsightSpan[];
}

/** Settings of the job, when known from its description. */
export interface JobSettings {
  readonly showSpeakerLabels?: boolean;
  readonly maxSpeakerLabels?: number;
  readonly channelIdentification?: boolean;
  readonly showAlternatives?: boolean;
  readonly maxAlternatives?: number;
  readonly vocabularyName?: string;
  readonly contentIdentificationType?: string;
}

export interface TranscriptMetadata {
  readonly source: SourceKind;
  readonly jobName: string | null;
  readonly accountId: string | null;
  /** Job status as written in the file or the job description (`COMPLETED`). */
  readonly status: string | null;
  /** BCP 47 code such as `en-US`, when known. */
  readonly languageCode: string | null;
  /** Transcribe's own `isRedacted` flag (standard PII redaction), when present. */
  readonly serviceRedacted: boolean | null;
  /** Medical specialty from the job description, e.g. `PRIMARYCARE`. */
  readonly specialty?: string;
  /** `DICTATION` or `CONVERSATION`, from the job description. */
  readonly type?: 'DICTATION' | 'CONVERSATION';
  readonly settings?: JobSettings;
  readonly mediaUri?: string;
  readonly transcriptUri?: string;
  /** ISO 8601 instants from the job description. */
  readonly createdAt?: string;
  readonly startedAt?: string;
  readonly completedAt?: string;
  /** Number of speakers the file declares (`speaker_labels.speakers`), which may differ from those used. */
  readonly speakersDeclared?: number;
  /**
   * True when the job looked for PHI (`ContentIdentificationType: PHI`: the file carries an `entities` list, even
   * an empty one) — so "no entities" means "no PHI found", not "not looked for". Redaction needs it.
   */
  readonly phiIdentified?: boolean;
}

/** Set by `redact`: the transcript's PHI was replaced by placeholders — every entity, or `redact` threw. */
export interface RedactionInfo {
  readonly by: 'scribekit';
  /** Number of tokens replaced (a placeholder, or folded into the placeholder before it). */
  readonly tokens: number;
  /** Number of PHI entities applied (all of the transcript's). */
  readonly entities: number;
  /** Number of placeholders written: one per entity (overlapping entities share one), service redaction run or repeated secret. */
  readonly placeholders: number;
}

/** What a reviewer's corrections file did (counts, the reviewer's name and time; never the words). */
export interface ReviewInfo {
  /** Words whose text was corrected. */
  readonly corrected: number;
  /** Speakers or channels renamed. */
  readonly renamed: number;
  /** The reviewer marked the transcript reviewed. */
  readonly reviewed: boolean;
  readonly reviewer: string | null;
  /** ISO 8601 instant the corrections were saved. */
  readonly at: string | null;
}

export interface Transcript {
  readonly type: 'transcript';
  readonly metadata: TranscriptMetadata;
  /** All tokens, in reading order (by start time; stable for equal times). */
  readonly tokens: readonly Token[];
  readonly speakers: readonly Speaker[];
  readonly channels: readonly Channel[];
  readonly turns: readonly Turn[];
  readonly entities: readonly PhiEntity[];
  readonly alternatives: readonly AlternativeSegment[];
  /**
   * End of the last timed token, or the end of the audio the source says it covered when that is later
   * (streaming result `EndTime`, HealthScribe segment `EndAudioTime`); 0 for an empty transcript.
   */
  readonly durationMs: number;
  readonly summary?: ClinicalSummary;
  /** HealthScribe clinical insights, when the transcript has them. */
  readonly insights?: readonly ClinicalInsight[];
  readonly redaction?: RedactionInfo;
  /** Set by `applyCorrections`: what a reviewer's corrections file changed. */
  readonly review?: ReviewInfo;
  /** Things the parser tolerated and a user may want to know (never containing transcript words). */
  readonly warnings: readonly string[];
}
