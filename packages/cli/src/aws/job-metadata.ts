// A GetMedicalTranscriptionJob job description → the metadata fields parseTranscript(…, { job }) merges in,
// so exports carry the specialty, type, settings and times (FHIR note type, DOCX front matter).
import type { JobSettings, TranscriptMetadata } from '@scribekit/core';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Accepts the SDK's MedicalTranscriptionJob (Dates) or its JSON form (ISO strings or epoch seconds). */
export function jobMetadata(job: unknown): Partial<TranscriptMetadata> {
  const j = isObject(job) ? job : {};
  const out: Mutable<Partial<TranscriptMetadata>> = {};
  const name = str(j.MedicalTranscriptionJobName) ?? str(j.TranscriptionJobName);
  if (name) out.jobName = name;
  const status = str(j.TranscriptionJobStatus);
  if (status) out.status = status;
  const language = str(j.LanguageCode);
  if (language) out.languageCode = language;
  const specialty = str(j.Specialty);
  if (specialty) out.specialty = specialty;
  const type = str(j.Type);
  if (type === 'DICTATION' || type === 'CONVERSATION') out.type = type;
  const media = isObject(j.Media)
    ? (str(j.Media.MediaFileUri) ?? str(j.Media.RedactedMediaFileUri))
    : undefined;
  if (media) out.mediaUri = media;
  const transcript = isObject(j.Transcript) ? str(j.Transcript.TranscriptFileUri) : undefined;
  if (transcript) out.transcriptUri = transcript;
  const created = instant(j.CreationTime);
  if (created) out.createdAt = created;
  const started = instant(j.StartTime);
  if (started) out.startedAt = started;
  const completed = instant(j.CompletionTime);
  if (completed) out.completedAt = completed;
  const settings = jobSettings(j.Settings, str(j.ContentIdentificationType));
  if (settings) out.settings = settings;
  return out;
}

function jobSettings(value: unknown, contentIdentificationType: string | undefined): JobSettings | undefined {
  const s = isObject(value) ? value : {};
  const out: Mutable<JobSettings> = {};
  if (typeof s.ShowSpeakerLabels === 'boolean') out.showSpeakerLabels = s.ShowSpeakerLabels;
  if (typeof s.MaxSpeakerLabels === 'number') out.maxSpeakerLabels = s.MaxSpeakerLabels;
  if (typeof s.ChannelIdentification === 'boolean') out.channelIdentification = s.ChannelIdentification;
  if (typeof s.ShowAlternatives === 'boolean') out.showAlternatives = s.ShowAlternatives;
  if (typeof s.MaxAlternatives === 'number') out.maxAlternatives = s.MaxAlternatives;
  const vocabulary = str(s.VocabularyName);
  if (vocabulary) out.vocabularyName = vocabulary;
  if (contentIdentificationType) out.contentIdentificationType = contentIdentificationType;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** ISO 8601 from a Date, an ISO string, or epoch seconds (the wire form of JSON 1.1 timestamps). */
function instant(value: unknown): string | undefined {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value * 1000);
  else if (typeof value === 'string' && value) date = new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> & { [k: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Job tags that name FHIR references, so each job's note is filed for the right patient and encounter. */
export const FHIR_TAGS = {
  subject: 'scribekit:subject',
  encounter: 'scribekit:encounter',
  author: 'scribekit:author',
} as const;

/** `{ subject, encounter, author }` from the job's `scribekit:*` tags (only those present). */
export function fhirReferencesFromTags(job: unknown): {
  subject?: string;
  encounter?: string;
  author?: string;
} {
  const tags = isObject(job) && Array.isArray(job.Tags) ? (job.Tags as unknown[]) : [];
  const out: { subject?: string; encounter?: string; author?: string } = {};
  for (const tag of tags) {
    if (!isObject(tag)) continue;
    const key = str(tag.Key);
    const value = str(tag.Value);
    if (!key || !value) continue;
    for (const [field, name] of Object.entries(FHIR_TAGS) as [keyof typeof FHIR_TAGS, string][]) {
      if (key === name) out[field] = value;
    }
  }
  return out;
}
