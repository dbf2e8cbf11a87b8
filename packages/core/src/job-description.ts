// A job description → the metadata exports carry (specialty, type, settings, times) and its tags. Used by
// `convert` (a `<name>.job.json` beside the transcript), `fetch` and the Lambda handler alike.
import { messageValue } from './clean-text.js';
import type { JobSettings, TranscriptMetadata } from './model.js';
import { jobDescription, type RawJobDescription } from './schema/job-description.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Job tags that name FHIR references, so each job's note is filed for the right patient and encounter. */
export const FHIR_REFERENCE_TAGS = {
  subject: 'scribekit:subject',
  encounter: 'scribekit:encounter',
  author: 'scribekit:author',
} as const;

export interface JobDescription {
  /** Fields for `parseTranscript(…, { job })`. */
  readonly metadata: Partial<TranscriptMetadata>;
  /** Every tag, by key. */
  readonly tags: Readonly<Record<string, string>>;
  /** FHIR references from the `scribekit:*` tags (only those present). */
  readonly references: { readonly subject?: string; readonly encounter?: string; readonly author?: string };
  /** `FailureReason`, made fit for a one-line message. */
  readonly failureReason?: string;
}

/**
 * Reads a job description: the job object, or a whole `GetMedicalTranscriptionJob` response
 * (`{ MedicalTranscriptionJob: … }`). Anything else gives empty metadata (a job description only adds to a transcript).
 */
export function parseJobDescription(json: unknown): JobDescription {
  const inner =
    typeof json === 'object' && json !== null && 'MedicalTranscriptionJob' in json
      ? (json as { MedicalTranscriptionJob: unknown }).MedicalTranscriptionJob
      : json;
  const parsed = jobDescription.safeParse(inner);
  const j: RawJobDescription = parsed.success ? parsed.data : {};
  const metadata: Mutable<Partial<TranscriptMetadata>> = {};
  const name = j.MedicalTranscriptionJobName ?? j.TranscriptionJobName;
  if (name) metadata.jobName = name;
  if (j.TranscriptionJobStatus) metadata.status = j.TranscriptionJobStatus;
  if (j.LanguageCode) metadata.languageCode = j.LanguageCode;
  if (j.Specialty) metadata.specialty = j.Specialty;
  if (j.Type === 'DICTATION' || j.Type === 'CONVERSATION') metadata.type = j.Type;
  const media = j.Media?.MediaFileUri ?? j.Media?.RedactedMediaFileUri;
  if (media) metadata.mediaUri = media;
  if (j.Transcript?.TranscriptFileUri) metadata.transcriptUri = j.Transcript.TranscriptFileUri;
  const created = instant(j.CreationTime);
  if (created) metadata.createdAt = created;
  const started = instant(j.StartTime);
  if (started) metadata.startedAt = started;
  const completed = instant(j.CompletionTime);
  if (completed) metadata.completedAt = completed;
  const settings = jobSettings(j);
  if (settings) metadata.settings = settings;
  if (j.ContentIdentificationType === 'PHI') metadata.phiIdentified = true;

  const tags: Record<string, string> = {};
  for (const tag of j.Tags ?? []) if (tag && tag.Key !== '') tags[tag.Key] = tag.Value;
  const references: Mutable<JobDescription['references']> = {};
  for (const [field, key] of Object.entries(FHIR_REFERENCE_TAGS) as [
    keyof typeof FHIR_REFERENCE_TAGS,
    string,
  ][]) {
    const value = tags[key];
    if (value) references[field] = value;
  }
  return {
    metadata,
    tags,
    references,
    ...(j.FailureReason ? { failureReason: messageValue(j.FailureReason) } : {}),
  };
}

function jobSettings(j: RawJobDescription): JobSettings | undefined {
  const s = j.Settings ?? {};
  const out: Mutable<JobSettings> = {};
  if (s.ShowSpeakerLabels !== undefined) out.showSpeakerLabels = s.ShowSpeakerLabels;
  if (s.MaxSpeakerLabels !== undefined) out.maxSpeakerLabels = s.MaxSpeakerLabels;
  if (s.ChannelIdentification !== undefined) out.channelIdentification = s.ChannelIdentification;
  if (s.ShowAlternatives !== undefined) out.showAlternatives = s.ShowAlternatives;
  if (s.MaxAlternatives !== undefined) out.maxAlternatives = s.MaxAlternatives;
  if (s.VocabularyName) out.vocabularyName = s.VocabularyName;
  if (j.ContentIdentificationType) out.contentIdentificationType = j.ContentIdentificationType;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** ISO 8601 from a Date, an ISO string, or epoch seconds. */
function instant(value: Date | string | number | undefined): string | undefined {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value * 1000);
  else if (typeof value === 'string' && value) date = new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}
