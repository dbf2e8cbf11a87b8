// AWS Lambda handler: S3 ObjectCreated on the Transcribe output prefix → convert the transcript to the
// configured formats and write them beside it (or under SCRIBEKIT_OUTPUT_BUCKET/PREFIX, keeping the source's
// path). Idempotent: outputs carry the source ETag in their metadata, and a redelivered event whose outputs
// match is skipped. Medical jobs emit no EventBridge state events, so the S3 event is the trigger.
import {
  detectKind,
  type InputKind,
  isTranscriptError,
  OptionsError,
  parseJobDescription,
  parseTranscript,
  type Transcript,
  toJsonValue,
} from '@scribekit/core';
import {
  checkExportOptions,
  type ExportOptions,
  type Format,
  type RenderedOutput,
  render,
  resolveFormats,
} from '@scribekit/exporters/render';
import type { S3Api, TranscribeApi } from '../aws/clients.js';
import type { ComprehendMedicalApi } from '../aws/comprehend.js';
import {
  layerOptions,
  optionNamer,
  type SourcedOptions,
  withJobReferences,
} from '../pipeline/export-options.js';
import {
  decodeEventKey,
  type EventBridgeS3Event,
  type RecordOutcome,
  recordsOf,
  type S3Event,
  type S3EventRecord,
} from './events.js';
import { healthScribePair, ignoredKey, normalizePrefix, outputKey } from './keys.js';

export type { EventBridgeS3Event, RecordOutcome, S3Event, S3EventRecord } from './events.js';
export { decodeEventKey } from './events.js';
export { ignoredKey, normalizePrefix, outputKey } from './keys.js';

export interface LambdaConfig {
  readonly formats: readonly Format[];
  /** Bucket for the outputs (default: the transcript's bucket). */
  readonly outputBucket?: string | undefined;
  /** Key prefix for the outputs, normalised (`a/b/`); the source key's path is kept beneath it. */
  readonly outputPrefix?: string | undefined;
  /** SSE-KMS key for the outputs. */
  readonly kmsKeyId?: string | undefined;
  /** Read the job description (GetMedicalTranscriptionJob) for specialty, type, times and FHIR tags. */
  readonly jobMetadata: boolean;
  /** Find PHI with Amazon Comprehend Medical DetectPHI when the transcript has none. */
  readonly detectPhi?: { readonly minScore: number } | undefined;
  /** Export options from SCRIBEKIT_EXPORT_OPTIONS (over the job's tags). */
  readonly exportOptions: ExportOptions;
}

export interface LambdaResult {
  readonly results: readonly RecordOutcome[];
}

export interface LambdaDeps {
  readonly config?: LambdaConfig;
  readonly s3?: S3Api;
  readonly transcribe?: TranscribeApi;
  readonly comprehend?: ComprehendMedicalApi;
  /** Structured log lines (one JSON object each); default console.log, the Lambda log. */
  readonly log?: (entry: Record<string, unknown>) => void;
  /**
   * `throw` (default): after every record is handled, permanent failures are thrown as one
   * `PermanentFailuresError`, so Lambda's retries skip the records already written (their outputs are current)
   * and the event reaches the on-failure destination. `return`: they are only returned and logged.
   */
  readonly permanentFailures?: 'throw' | 'return';
}

/**
 * Records that cannot be converted however often they are retried (not a transcript scribekit can read, an
 * export that cannot be made, a malformed event). Thrown at the end of an invocation so the failure queue
 * receives the event; `results` holds every record's outcome. The message names keys and codes only.
 */
export class PermanentFailuresError extends Error {
  override name = 'PermanentFailuresError';
  readonly code = 'E_PERMANENT';
  readonly results: readonly RecordOutcome[];
  constructor(results: readonly RecordOutcome[]) {
    const failed = results.filter((r) => r.outcome === 'failed');
    super(
      `${failed.length} of ${results.length} record${results.length === 1 ? '' : 's'} failed permanently: ${failed
        .map((r) => `${r.key} (${r.outcome === 'failed' ? r.code : ''})`)
        .join(', ')}`,
    );
    this.results = results;
  }
}

const TRANSCRIPT_KINDS: ReadonlySet<InputKind> = new Set([
  'transcribe-batch',
  'medical-streaming',
  'healthscribe-transcript',
]);

/** Metadata keys scribekit writes on each output. */
export const OUTPUT_METADATA = {
  source: 'scribekit-source',
  sourceEtag: 'scribekit-source-etag',
} as const;

const ENV_OPTIONS = 'SCRIBEKIT_EXPORT_OPTIONS';
const envNamer = optionNamer({ sources: new Proxy({}, { get: () => 'env' }) });

/**
 * Reads the configuration from the function's environment. Bad values throw a typed error naming the
 * variable (and the option inside SCRIBEKIT_EXPORT_OPTIONS), on the first event, before any object is read.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): LambdaConfig {
  // Unknown names throw UnknownFormatError naming the valid formats; `all` is every format.
  const formats = resolveFormats(env.SCRIBEKIT_FORMATS || 'fhir-json,docx');
  let given: unknown = {};
  if (env.SCRIBEKIT_EXPORT_OPTIONS) {
    try {
      given = JSON.parse(env.SCRIBEKIT_EXPORT_OPTIONS);
    } catch {
      throw new OptionsError(`${ENV_OPTIONS} is not valid JSON (expected an object of export options)`, {
        option: ENV_OPTIONS,
      });
    }
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      throw new OptionsError(`${ENV_OPTIONS} must be a JSON object of export options`, {
        option: ENV_OPTIONS,
      });
  }
  const exportOptions = { ids: 'deterministic', ...(given as object) } as ExportOptions;
  try {
    // References a job's tags may still give are checked per record.
    checkExportOptions(formats, exportOptions, { later: ['subject', 'encounter', 'author'] });
  } catch (error) {
    if (error instanceof OptionsError)
      throw new OptionsError(error.messageWith(envNamer), { option: error.option, cause: error });
    throw error;
  }
  let detectPhi: LambdaConfig['detectPhi'];
  if (env.SCRIBEKIT_DETECT_PHI) {
    if (env.SCRIBEKIT_DETECT_PHI !== 'comprehend')
      throw new OptionsError('SCRIBEKIT_DETECT_PHI must be `comprehend` (or unset)', {
        option: 'SCRIBEKIT_DETECT_PHI',
      });
    const raw = env.SCRIBEKIT_PHI_MIN_SCORE;
    const minScore = raw === undefined || raw === '' ? 0.3 : Number(raw);
    if (!(minScore >= 0 && minScore <= 1))
      throw new OptionsError('SCRIBEKIT_PHI_MIN_SCORE must be a number from 0 to 1', {
        option: 'SCRIBEKIT_PHI_MIN_SCORE',
      });
    detectPhi = { minScore };
  }
  return {
    formats,
    outputBucket: env.SCRIBEKIT_OUTPUT_BUCKET || undefined,
    outputPrefix: normalizePrefix(env.SCRIBEKIT_OUTPUT_PREFIX || undefined),
    kmsKeyId: env.SCRIBEKIT_KMS_KEY_ID || undefined,
    jobMetadata: /^(?:1|true|yes)$/i.test(env.SCRIBEKIT_JOB_METADATA ?? ''),
    detectPhi,
    exportOptions,
  };
}

/** The handler for `@scribekit/cli/lambda` (configured from the environment on first use). */
export const handler = createHandler();

interface Ctx {
  readonly config: LambdaConfig;
  readonly s3: S3Api;
  readonly transcribe?: TranscribeApi | undefined;
  readonly comprehend?: ComprehendMedicalApi | undefined;
  readonly log: (entry: Record<string, unknown>) => void;
}

/**
 * Builds a handler; clients and config are made on the first event and reused by warm invocations. Transient
 * errors (S3, Transcribe, Comprehend) are thrown so Lambda retries the event; permanent ones (a transcript
 * that cannot be converted, a malformed event) are returned and logged as `failed`.
 */
export function createHandler(
  deps: LambdaDeps = {},
): (event: S3Event | EventBridgeS3Event | unknown) => Promise<LambdaResult> {
  let ready: Promise<Ctx> | undefined;
  const setup = async (): Promise<Ctx> => {
    const config = deps.config ?? configFromEnv();
    const log = deps.log ?? ((entry: Record<string, unknown>) => console.log(JSON.stringify(entry)));
    const clients = await import('../aws/clients.js');
    const s3 = deps.s3 ?? (await clients.createS3Api());
    const transcribe =
      deps.transcribe ?? (config.jobMetadata ? await clients.createTranscribeApi() : undefined);
    const comprehend =
      deps.comprehend ??
      (config.detectPhi
        ? await (await import('../aws/comprehend.js')).createComprehendMedicalApi()
        : undefined);
    return { config, log, s3, transcribe, comprehend };
  };
  return async (event) => {
    ready ??= setup().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    const ctx = await ready;
    const { records, malformed } = recordsOf(event);
    const results: RecordOutcome[] = [...malformed];
    for (const m of malformed) ctx.log({ level: 'error', ...m });
    for (const record of records) {
      const result = await handleRecord(record, ctx);
      ctx.log({ level: result.outcome === 'failed' ? 'error' : 'info', ...result });
      results.push(result);
    }
    if ((deps.permanentFailures ?? 'throw') === 'throw' && results.some((r) => r.outcome === 'failed'))
      throw new PermanentFailuresError(results);
    return { results };
  };
}

interface Source {
  readonly key: string;
  readonly file: string;
  readonly body: Uint8Array | string;
  readonly etag: string;
}

async function handleRecord(record: S3EventRecord, ctx: Ctx): Promise<RecordOutcome> {
  const { config, s3 } = ctx;
  const bucket = record.s3.bucket.name;
  const eventKey = decodeEventKey(record.s3.object.key);
  if (record.eventName && !record.eventName.startsWith('ObjectCreated'))
    return { key: eventKey, outcome: 'skipped', reason: `event ${record.eventName}` };
  const ignored = ignoredKey(bucket, eventKey, config);
  if (ignored) return { key: eventKey, outcome: 'skipped', reason: ignored };
  const region = record.awsRegion;

  // A HealthScribe job's two files convert together, named for the transcript; `summary.json` alone is
  // never converted (its arrival re-converts the pair when the transcript is already there).
  const pair = healthScribePair(eventKey);
  const key = pair?.transcript ?? eventKey;
  if (pair && eventKey === pair.summary && !(await s3.headObject({ bucket, key: pair.transcript, region })))
    return {
      key: eventKey,
      outcome: 'skipped',
      reason: 'a HealthScribe summary without its transcript.json (converted when that arrives)',
    };

  const outBucket = config.outputBucket ?? bucket;
  const targets = config.formats.map((format) => ({
    format,
    key: outputKey(key, format, config.outputPrefix),
  }));
  const done = (): RecordOutcome => ({ key, outcome: 'unchanged', outputs: targets.map((t) => t.key) });

  // Redelivery (S3 delivers at least once): outputs already written from this very object → nothing to do.
  const eventEtag = unquote(record.s3.object.eTag);
  if (!pair && eventEtag && (await allCurrent(s3, outBucket, targets, eventEtag, region))) return done();

  // Errors reading S3 are thrown: Lambda retries the event, then sends it to the on-failure destination.
  const object = await s3.getObject({ bucket, key, region });
  if (object.metadata[OUTPUT_METADATA.source])
    return { key, outcome: 'skipped', reason: 'a scribekit output' };
  const source: Source = {
    key,
    file: `s3://${bucket}/${key}`,
    body: object.body,
    etag: unquote(object.etag) ?? eventEtag ?? '',
  };
  let summary: Source | undefined;
  if (pair && (await s3.headObject({ bucket, key: pair.summary, region }))) {
    const got = await s3.getObject({ bucket, key: pair.summary, region });
    summary = {
      key: pair.summary,
      file: `s3://${bucket}/${pair.summary}`,
      body: got.body,
      etag: unquote(got.etag) ?? '',
    };
  }
  // The pair's outputs depend on both files.
  const etag = summary ? `${source.etag}+${summary.etag}` : source.etag;
  if ((pair || !eventEtag) && etag && (await allCurrent(s3, outBucket, targets, etag, region))) return done();

  let t: Transcript;
  let sourced: SourcedOptions = layerOptions({ options: {}, sources: {} }, config.exportOptions, 'env');
  try {
    // One JSON parse; what is not a transcript (a job description, other JSON) is skipped before any
    // Transcribe call. Not ours to convert, and retrying won't help.
    const json = toJsonValue(source.body, source.file);
    const kind = detectKind(json);
    if (!TRANSCRIPT_KINDS.has(kind)) return { key, outcome: 'skipped', reason: `not a transcript (${kind})` };
    let job: ReturnType<typeof parseJobDescription> | undefined;
    if (ctx.transcribe && kind === 'transcribe-batch') {
      const jobName = jobNameOf(json) ?? key.slice(key.lastIndexOf('/') + 1).replace(/\.json$/i, '');
      const description = await ctx.transcribe.getMedicalTranscriptionJob(jobName).catch((error: unknown) => {
        // Converting without the job's metadata beats not converting; say why (no transcript content).
        ctx.log({ level: 'warn', key, message: `job metadata unavailable: ${(error as Error).message}` });
        return undefined;
      });
      if (description) {
        job = parseJobDescription(description);
        sourced = withJobReferences(sourced, job.references);
      }
    }
    t = parseTranscript(json, {
      file: source.file,
      job: job?.metadata,
      ...(summary ? { summary: summary.body, summaryFile: summary.file } : {}),
    });
  } catch (error) {
    if (isTranscriptError(error) && error.code !== 'E_FETCH')
      return { key, outcome: 'failed', reason: `${error.name}: ${error.message}`, code: error.code };
    throw error;
  }

  if (config.detectPhi && ctx.comprehend && t.entities.length === 0 && !t.metadata.phiIdentified) {
    const { detectPhiWithComprehend } = await import('../aws/detect-phi.js');
    t = (await detectPhiWithComprehend(t, ctx.comprehend, { minScore: config.detectPhi.minScore }))
      .transcript;
  }

  // Render everything first: an output that cannot be made (e.g. FHIR without a subject) is permanent —
  // reported, not retried, and nothing is half-written.
  let rendered: RenderedOutput[];
  try {
    rendered = await render(t, config.formats, sourced.options);
  } catch (error) {
    if (error instanceof OptionsError) {
      const reason = error.messageWith(optionNamer(sourced));
      return { key, outcome: 'failed', reason, code: error.code };
    }
    if (isTranscriptError(error)) return { key, outcome: 'failed', reason: error.message, code: error.code };
    throw error;
  }
  const written: string[] = [];
  for (const [i, output] of rendered.entries()) {
    const outKey = targets[i]!.key;
    await s3.putObject({ bucket: outBucket, key: outKey, region }, output.data, {
      contentType: output.mediaType,
      metadata: { [OUTPUT_METADATA.source]: source.file, [OUTPUT_METADATA.sourceEtag]: etag },
      kmsKeyId: config.kmsKeyId,
    });
    written.push(outKey);
  }
  return { key, outcome: 'written', outputs: written };
}

/** The `jobName` a Transcribe batch transcript names itself with. */
function jobNameOf(json: unknown): string | undefined {
  const name = (json as { jobName?: unknown } | null)?.jobName;
  return typeof name === 'string' && name !== '' ? name : undefined;
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

function unquote(etag: string | undefined): string | undefined {
  return etag ? etag.replace(/^"|"$/g, '') : undefined;
}
