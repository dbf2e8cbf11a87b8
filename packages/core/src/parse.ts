// The one entry point: bytes/text/JSON of any supported kind → canonical Transcript, or a typed refusal.
import { detectKind, type InputKind } from './detect.js';
import { JobStatusError, UnsupportedFormatError } from './errors.js';
import { type TranscriptInput, toJsonValue } from './json.js';
import type { Transcript, TranscriptMetadata } from './model.js';
import { parseTranscribeBatch } from './parse-batch.js';

export interface ParseOptions {
  /** File name or URI of the input, used in error messages. */
  readonly file?: string | undefined;
  /** Job description fields (from GetMedicalTranscriptionJob) merged into the metadata. */
  readonly job?: Partial<TranscriptMetadata> | undefined;
  /** A HealthScribe `summary.json` to load with a HealthScribe transcript. */
  readonly summary?: TranscriptInput | undefined;
}

/** Parses any supported transcript input. Throws TranscriptError subclasses only. */
export function parseTranscript(input: TranscriptInput, options: ParseOptions = {}): Transcript {
  const json = toJsonValue(input, options.file);
  const kind = detectKind(json);
  switch (kind) {
    case 'transcribe-batch':
      return parseTranscribeBatch(json, options);
    default:
      return refuse(kind, json, options.file);
  }
}

/** Throws the helpful refusal for inputs that are not transcripts scribekit reads. */
export function refuse(kind: InputKind, json: unknown, file: string | undefined): never {
  switch (kind) {
    case 'job-description':
      return refuseJobDescription(json as Record<string, Record<string, unknown>>, file);
    case 'job-list':
      throw new UnsupportedFormatError(
        kind,
        'This is a list of transcription jobs, not a transcript — use `scribekit fetch <job-name>` or `scribekit fetch --all`',
        { file },
      );
    case 'call-analytics':
      throw new UnsupportedFormatError(
        kind,
        'This is Amazon Transcribe Call Analytics output, which scribekit does not convert; it reads Transcribe Medical and Transcribe batch transcripts, streaming results and HealthScribe output',
        { file },
      );
    case 'healthscribe-summary':
      throw new UnsupportedFormatError(
        kind,
        'This is a HealthScribe summary (clinical documentation) without its transcript — pass the transcript.json and give this file as its summary (`--summary`)',
        { file },
      );
    case 'healthscribe-transcript':
    case 'medical-streaming':
      throw new UnsupportedFormatError(
        kind,
        `${kind === 'medical-streaming' ? 'Streaming result events' : 'HealthScribe transcripts'} are not supported yet`,
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
  const job = json.MedicalTranscriptionJob ?? json.TranscriptionJob ?? json.MedicalScribeJob ?? {};
  const status =
    typeof job.TranscriptionJobStatus === 'string'
      ? job.TranscriptionJobStatus
      : typeof job.MedicalScribeJobStatus === 'string'
        ? job.MedicalScribeJobStatus
        : null;
  if (status === 'FAILED') {
    const reason = typeof job.FailureReason === 'string' ? `: ${job.FailureReason}` : '';
    throw new JobStatusError(status, `This job description says the job FAILED${reason}`, { file });
  }
  if (status === 'QUEUED' || status === 'IN_PROGRESS') {
    throw new JobStatusError(
      status,
      `This job is ${status}, not finished — use \`scribekit fetch <job-name> --wait\``,
      { file },
    );
  }
  throw new UnsupportedFormatError(
    'job-description',
    'This is a job description, not a transcript — use `scribekit fetch <job-name>` to download its transcript',
    { file },
  );
}
