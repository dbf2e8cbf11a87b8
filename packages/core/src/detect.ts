// Recognises what a JSON value is, from its shape alone (never from its words).

export type InputKind =
  | 'transcribe-batch'
  | 'medical-streaming'
  | 'healthscribe-transcript'
  | 'healthscribe-summary'
  | 'call-analytics'
  | 'job-description'
  | 'job-list'
  | 'unknown';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Recognises a streaming result (raw `Results` entry, a `{t, data}` recording, or a transcript event). */
function isStreamingEvent(v: unknown): boolean {
  if (!isObject(v)) return false;
  if ('data' in v && isObject(v.data)) return isStreamingEvent(v.data);
  if (isObject(v.TranscriptResultStream)) return isStreamingEvent(v.TranscriptResultStream);
  if (isObject(v.TranscriptEvent) || isObject(v.Transcript) || isObject(v.transcript)) {
    const t =
      (v.TranscriptEvent as Record<string, unknown> | undefined)?.Transcript ?? v.Transcript ?? v.transcript;
    return isObject(t) && (Array.isArray(t.Results) || Array.isArray(t.results));
  }
  return (
    ('ResultId' in v || 'resultId' in v) &&
    ('Alternatives' in v || 'alternatives' in v || 'IsPartial' in v || 'isPartial' in v)
  );
}

/** Detects the kind of a parsed JSON value. */
export function detectKind(value: unknown): InputKind {
  if (Array.isArray(value)) {
    // Judged by the first event, so a later malformed one gets a schema error with its path.
    return value.length > 0 && isStreamingEvent(value[0]) ? 'medical-streaming' : 'unknown';
  }
  if (!isObject(value)) return 'unknown';
  if (isObject(value.results) && 'items' in value.results) return 'transcribe-batch';
  if (isObject(value.Conversation)) return 'healthscribe-transcript';
  if (isObject(value.ClinicalDocumentation)) return 'healthscribe-summary';
  if (
    isObject(value.MedicalTranscriptionJob) ||
    isObject(value.TranscriptionJob) ||
    isObject(value.MedicalScribeJob) ||
    // The job object alone, as `scribekit fetch` saves it (`<job>.job.json`).
    (typeof value.TranscriptionJobStatus === 'string' &&
      (typeof value.MedicalTranscriptionJobName === 'string' ||
        typeof value.TranscriptionJobName === 'string'))
  ) {
    return 'job-description';
  }
  if (
    Array.isArray(value.MedicalTranscriptionJobSummaries) ||
    Array.isArray(value.TranscriptionJobSummaries)
  ) {
    return 'job-list';
  }
  if (
    Array.isArray(value.Transcript) &&
    ('JobStatus' in value || 'ConversationCharacteristics' in value || 'Participants' in value)
  ) {
    return 'call-analytics';
  }
  if (isStreamingEvent(value)) return 'medical-streaming';
  if (Array.isArray(value.events) && value.events.length > 0 && isStreamingEvent(value.events[0]))
    return 'medical-streaming';
  if (isObject(value.results)) return 'transcribe-batch'; // a batch file missing `items`: let the schema say so
  return 'unknown';
}
