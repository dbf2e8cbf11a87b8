// AWS Lambda handler: S3 ObjectCreated on the Transcribe output prefix → convert the transcript to the
// configured formats and write them next to it (or to SCRIBEKIT_OUTPUT_BUCKET/PREFIX). Idempotent: outputs
// carry the source ETag in their metadata, and a redelivered event whose outputs match is skipped.
// Medical jobs emit no EventBridge state events, so the S3 event is the trigger.
import {
  detectKind,
  type InputKind,
  isTranscriptError,
  parseTranscript,
  type Transcript,
  toJsonValue,
} from '@scribekit/core';
import { formats as allFormats, type ExportOptions, type Format, getExporter } from '@scribekit/exporters';
import type { S3Api, TranscribeApi } from './aws/clients.js';
import { createS3Api, createTranscribeApi } from './aws/clients.js';
import { fhirReferencesFromTags, jobMetadata } from './aws/job-metadata.js';
import { type RenderedOutput, renderOutputs, resolveFormats } from './convert/render.js';

/** The parts of an S3 event notification the handler reads. */
export interface S3EventRecord {
  readonly eventSource?: string;
  readonly eventName?: string;
  readonly awsRegion?: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    /** `key` is URL-encoded as in S3 events (spaces as `+`). */
    readonly object: { readonly key: string; readonly eTag?: string; readonly size?: number };
  };
}

export interface S3Event {
  readonly Records?: readonly S3EventRecord[];
}

/** An S3 "Object Created" event delivered by EventBridge (buckets with EventBridge notifications on). */
export interface EventBridgeS3Event {
  readonly source: 'aws.s3';
  readonly 'detail-type': string;
  readonly region?: string;
  readonly detail: {
    readonly bucket: { readonly name: string };
    /** Not URL-encoded, unlike S3 notifications. */
    readonly object: { readonly key: string; readonly etag?: string; readonly size?: number };
  };
}

/** S3 notification records, or the one record an EventBridge S3 event stands for. */
export function recordsOf(event: S3Event | EventBridgeS3Event): readonly S3EventRecord[] {
  if ('detail' in event && event.source === 'aws.s3') {
    const { bucket, object } = event.detail;
    return [
      {
        eventSource: 'aws:s3',
        eventName:
          event['detail-type'] === 'Object Created' ? 'ObjectCreated:EventBridge' : event['detail-type'],
        ...(event.region ? { awsRegion: event.region } : {}),
        s3: {
          bucket: { name: bucket.name },
          object: {
            key: encodeEventKey(object.key),
            ...(object.etag ? { eTag: object.etag } : {}),
            ...(object.size !== undefined ? { size: object.size } : {}),
          },
        },
      },
    ];
  }
  return (event as S3Event).Records ?? [];
}

/** The inverse of decodeEventKey, so both event kinds go through one path. */
function encodeEventKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

export interface LambdaConfig {
  readonly formats: readonly Format[];
  /** Bucket for the outputs (default: the transcript's bucket). */
  readonly outputBucket?: string | undefined;
  /** Key prefix for the outputs (default: the transcript's own folder). */
  readonly outputPrefix?: string | undefined;
  /** SSE-KMS key for the outputs. */
  readonly kmsKeyId?: string | undefined;
  /** Read the job description (GetMedicalTranscriptionJob) for specialty, type, times and FHIR tags. */
  readonly jobMetadata: boolean;
  readonly exportOptions: ExportOptions;
}

export type RecordOutcome =
  | { readonly key: string; readonly outcome: 'written'; readonly outputs: readonly string[] }
  | { readonly key: string; readonly outcome: 'unchanged'; readonly outputs: readonly string[] }
  | { readonly key: string; readonly outcome: 'skipped' | 'failed'; readonly reason: string };

export interface LambdaResult {
  readonly results: readonly RecordOutcome[];
}

export interface LambdaDeps {
  readonly config?: LambdaConfig;
  readonly s3?: S3Api;
  readonly transcribe?: TranscribeApi;
  /** Structured log lines (one JSON object each); default console.log, the Lambda log. */
  readonly log?: (entry: Record<string, unknown>) => void;
}

const TRANSCRIPT_KINDS: ReadonlySet<InputKind> = new Set([
  'transcribe-batch',
  'medical-streaming',
  'healthscribe-transcript',
  'healthscribe-summary',
]);

/** The `jobName` a Transcribe batch transcript names itself with. */
function jobNameOf(json: unknown): string | undefined {
  const name = (json as { jobName?: unknown } | null)?.jobName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Metadata keys scribekit writes on each output. */
export const OUTPUT_METADATA = {
  source: 'scribekit-source',
  sourceEtag: 'scribekit-source-etag',
} as const;

/** Reads the configuration from the function's environment variables. */
export function configFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): LambdaConfig {
  // Unknown names throw UnknownFormatError naming the valid formats; `all` is every format.
  const formats = resolveFormats(env.SCRIBEKIT_FORMATS || 'fhir-json,docx');
  let exportOptions: ExportOptions = { ids: 'deterministic' };
  if (env.SCRIBEKIT_EXPORT_OPTIONS) {
    exportOptions = { ...exportOptions, ...(JSON.parse(env.SCRIBEKIT_EXPORT_OPTIONS) as ExportOptions) };
  }
  return {
    formats,
    outputBucket: env.SCRIBEKIT_OUTPUT_BUCKET || undefined,
    outputPrefix: env.SCRIBEKIT_OUTPUT_PREFIX || undefined,
    kmsKeyId: env.SCRIBEKIT_KMS_KEY_ID || undefined,
    jobMetadata: /^(?:1|true|yes)$/i.test(env.SCRIBEKIT_JOB_METADATA ?? ''),
    exportOptions,
  };
}

/** The handler for `@scribekit/cli/lambda` (configured from the environment on first use). */
export const handler = createHandler();

/** Builds a handler; clients and config are created on the first event and reused by warm invocations. */
export function createHandler(
  deps: LambdaDeps = {},
): (event: S3Event | EventBridgeS3Event) => Promise<LambdaResult> {
  let ready: Promise<Required<Omit<LambdaDeps, 'transcribe'>> & { transcribe?: TranscribeApi }> | undefined;
  const setup = async () => {
    const config = deps.config ?? configFromEnv();
    const log = deps.log ?? ((entry: Record<string, unknown>) => console.log(JSON.stringify(entry)));
    const s3 = deps.s3 ?? (await createS3Api());
    const transcribe = deps.transcribe ?? (config.jobMetadata ? await createTranscribeApi() : undefined);
    return { config, log, s3, ...(transcribe ? { transcribe } : {}) };
  };
  return async (event) => {
    ready ??= setup();
    const ctx = await ready;
    const results: RecordOutcome[] = [];
    for (const record of recordsOf(event)) {
      const result = await handleRecord(record, ctx);
      ctx.log({ level: result.outcome === 'failed' ? 'error' : 'info', ...result });
      results.push(result);
    }
    return { results };
  };
}

/** Object keys that are never transcripts: Transcribe's write check, and scribekit's own outputs. */
export function ignoredKey(bucket: string, key: string, config: LambdaConfig): string | null {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (name === '' || name.endsWith('/')) return 'a folder marker';
  if (name.startsWith('.write_access_check_file')) return 'Transcribe’s write-access check file';
  if (!name.endsWith('.json')) return 'not a .json object';
  const outputExtensions = allFormats
    .map((f) => `.${getExporter(f).extension}`)
    .filter((e) => e.endsWith('.json'));
  if (outputExtensions.some((e) => name.endsWith(e))) return 'a scribekit output';
  const sameBucket = !config.outputBucket || config.outputBucket === bucket;
  if (config.outputPrefix && sameBucket && key.startsWith(config.outputPrefix))
    return 'under the output prefix';
  return null;
}

interface Ctx {
  readonly config: LambdaConfig;
  readonly s3: S3Api;
  readonly transcribe?: TranscribeApi;
  readonly log: (entry: Record<string, unknown>) => void;
}

async function handleRecord(record: S3EventRecord, ctx: Ctx): Promise<RecordOutcome> {
  const { config, s3 } = ctx;
  const bucket = record.s3.bucket.name;
  const key = decodeEventKey(record.s3.object.key);
  if (record.eventName && !record.eventName.startsWith('ObjectCreated')) {
    return { key, outcome: 'skipped', reason: `event ${record.eventName}` };
  }
  const ignored = ignoredKey(bucket, key, config);
  if (ignored) return { key, outcome: 'skipped', reason: ignored };

  const base = key.slice(key.lastIndexOf('/') + 1).replace(/\.json$/, '');
  const folder = key.slice(0, key.lastIndexOf('/') + 1);
  const outBucket = config.outputBucket ?? bucket;
  const outPrefix = config.outputPrefix ?? folder;
  const targets = config.formats.map((format) => ({
    format,
    key: `${outPrefix}${base}.${getExporter(format).extension}`,
  }));
  const region = record.awsRegion;

  // Redelivery (S3 delivers at least once): outputs already written from this very object → nothing to do.
  const eventEtag = unquote(record.s3.object.eTag);
  if (eventEtag && (await allCurrent(s3, outBucket, targets, eventEtag, region))) {
    return { key, outcome: 'unchanged', outputs: targets.map((t) => t.key) };
  }

  // Errors reading S3 are thrown: Lambda retries the event, then sends it to the on-failure destination.
  const object = await s3.getObject({ bucket, key, region });
  if (object.metadata[OUTPUT_METADATA.source])
    return { key, outcome: 'skipped', reason: 'a scribekit output' };
  const etag = unquote(object.etag) ?? eventEtag ?? '';
  if (!eventEtag && etag && (await allCurrent(s3, outBucket, targets, etag, region))) {
    return { key, outcome: 'unchanged', outputs: targets.map((t) => t.key) };
  }

  let t: Transcript;
  let options = config.exportOptions;
  const file = `s3://${bucket}/${key}`;
  try {
    // One JSON parse; what is not a transcript (a job description, other JSON) is skipped before any
    // Transcribe call. Not ours to convert, and retrying won't help.
    const json = toJsonValue(object.body, file);
    const kind = detectKind(json);
    if (!TRANSCRIPT_KINDS.has(kind)) return { key, outcome: 'skipped', reason: `not a transcript (${kind})` };
    let job: unknown;
    if (ctx.transcribe) {
      const jobName = jobNameOf(json) ?? base;
      job = await ctx.transcribe.getMedicalTranscriptionJob(jobName).catch((error: unknown) => {
        // Converting without the job's metadata beats not converting; say why (no transcript content).
        ctx.log({ level: 'warn', key, message: `job metadata unavailable: ${(error as Error).message}` });
        return undefined;
      });
      if (job) options = { ...options, ...fhirReferencesFromTags(job) };
    }
    t = parseTranscript(json, { file, job: job ? jobMetadata(job) : undefined });
  } catch (error) {
    if (isTranscriptError(error) && error.code !== 'E_FETCH') {
      return { key, outcome: 'skipped', reason: `${error.name}: ${error.code}` };
    }
    throw error;
  }

  // Render everything first: an output that cannot be made (e.g. FHIR without a subject) is permanent —
  // reported, not retried, and nothing is half-written.
  let rendered: RenderedOutput[];
  try {
    rendered = await renderOutputs(
      t,
      targets.map((target) => target.format),
      options,
    );
  } catch (error) {
    if (isTranscriptError(error)) return { key, outcome: 'failed', reason: error.message };
    throw error;
  }
  const written: string[] = [];
  for (const [i, output] of rendered.entries()) {
    const outputKey = targets[i]!.key;
    await s3.putObject({ bucket: outBucket, key: outputKey, region }, output.data, {
      contentType: output.mediaType,
      metadata: { [OUTPUT_METADATA.source]: file, [OUTPUT_METADATA.sourceEtag]: etag },
      kmsKeyId: config.kmsKeyId,
    });
    written.push(outputKey);
  }
  return { key, outcome: 'written', outputs: written };
}

async function allCurrent(
  s3: S3Api,
  bucket: string,
  targets: readonly { key: string }[],
  etag: string,
  region: string | undefined,
): Promise<boolean> {
  for (const target of targets) {
    const head = await s3.headObject({ bucket, key: target.key, region });
    if (!head || head.metadata[OUTPUT_METADATA.sourceEtag] !== etag) return false;
  }
  return true;
}

/** S3 event keys are URL-encoded with `+` for spaces. */
export function decodeEventKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

function unquote(etag: string | undefined): string | undefined {
  return etag ? etag.replace(/^"|"$/g, '') : undefined;
}
