// The one entry point: bytes/text/JSON of any supported kind → canonical Transcript, or a typed refusal.
import { messageValue } from './clean-text.js';
import { detectKind, type InputKind } from './detect.js';
import { JobStatusError, OptionsError, UnsupportedFormatError } from './errors.js';
import { type TranscriptInput, toJsonValue } from './json.js';
import type { Transcript, TranscriptMetadata } from './model.js';
import { parseTranscribeBatch } from './parse-batch.js';
import { parseHealthScribeSummary, parseHealthScribeTranscript } from './parse-healthscribe.js';
import { parseStreamingEvents } from './parse-streaming.js';

export interface ParseOptions {
  /** File name or URI of the input, used in error messages. */
  readonly file?: string | undefined;
  /** Job description fields (from GetMedicalTranscriptionJob) merged into the metadata. */
  readonly job?: Partial<TranscriptMetadata> | undefined;
  /** A HealthScribe `summary.json` to load with a HealthScribe transcript. */
  readonly summary?: TranscriptInput | undefined;
  /** File name or URI of the summary, used in error messages. */
  readonly summaryFile?: string | undefined;
}

/** Parses any supported transcript input. Throws TranscriptError subclasses only. */
export function parseTranscript(input: TranscriptInput, options: ParseOptions = {}): Transcript {
  const json = toJsonValue(input, options.file);
  const kind = detectKind(json);
  if (options.summary !== undefined && kind !== 'healthscribe-transcript') {
    throw new OptionsError('A summary can only be loaded with a HealthScribe transcript', {
      file: options.file,
    });
  }
  switch (kind) {
    case 'transcribe-batch':
      return parseTranscribeBatch(json, options);
    case 'medical-streaming':
      return parseStreamingEvents(json, options);
    case 'healthscribe-transcript':
      return parseHealthScribeTranscript(json, { ...options, summary: summaryJson(options) });
    case 'healthscribe-summary':
      return parseHealthScribeSummary(json, options);
    default:
      return refuse(kind, json, options.file);
  }
}

/** The summary option as JSON, checked to be a HealthScribe summary (undefined when not given). */
function summaryJson(options: ParseOptions): unknown {
  if (options.summary === undefined) return undefined;
  const json = toJsonValue(options.summary, options.summaryFile);
  const kind = detectKind(json);
  if (kind !== 'healthscribe-summary') {
    throw new UnsupportedFormatError(
      kind,
      'The summary is not a HealthScribe summary.json (expected `ClinicalDocumentation`)',
      { file: options.summaryFile },
    );
  }
  return json;
}

/** Throws the helpful refusal for inputs that are not transcripts scribekit reads. */
export function refuse(kind: InputKind, json: unknown, file: string | undefined): never {
  switch (kind) {
    case 'job-description':
      return refuseJobDescription(json as Record<string, Record<string, unknown>>, file);
    case 'job-list':
      throw new UnsupportedFormatError(kind, 'This is a list of transcription jobs, not a transcript', {
        file,
      });
    case 'call-analytics':
      throw new UnsupportedFormatError(
        kind,
        'This is Amazon Transcribe Call Analytics output, which scribekit does not convert; it reads Transcribe Medical and Transcribe batch transcripts, streaming results and HealthScribe output',
        { file },
      );
    default:
      throw new UnsupportedFormatError(
        'unknown',
        'Not a Transcribe transcript: expected an object with `results.items` (batch), `Conversation` (HealthScribe) or an array of streaming result events',
        { file },
      );
  }
}

function refuseJobDescription(
  json: Record<string, Record<string, unknown>>,
  file: string | undefined,
): never {
  const job =
    json.MedicalTranscriptionJob ??
    json.TranscriptionJob ??
    json.MedicalScribeJob ??
    (json as unknown as Record<string, unknown>);
  const status =
    typeof job.TranscriptionJobStatus === 'string'
      ? job.TranscriptionJobStatus
      : typeof job.MedicalScribeJobStatus === 'string'
        ? job.MedicalScribeJobStatus
        : null;
  if (status === 'FAILED') {
    const reason = typeof job.FailureReason === 'string' ? `: ${messageValue(job.FailureReason)}` : '';
    throw new JobStatusError(status, `This job description says the job FAILED${reason}`, { file });
  }
  if (status === 'QUEUED' || status === 'IN_PROGRESS') {
    throw new JobStatusError(status, `This job is ${status}, not finished`, { file });
  }
  throw new UnsupportedFormatError('job-description', 'This is a job description, not a transcript', {
    file,
  });
}
