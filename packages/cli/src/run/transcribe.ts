// `scribekit transcribe`: audio → (checked, hashed, uploaded) → StartMedicalTranscriptionJob (or the job an
// earlier run started) → wait → fetch and convert through fetch's own path → atomic writes, with a bounded
// number of jobs in flight and the same progress bar, summary and exit codes as convert and fetch.
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FetchError, FHIR_REFERENCE_TAGS } from '@scribekit/core';
import type { ExportOptions } from '@scribekit/exporters';
import { isJobNotFound } from '../aws/aws-errors.js';
import type { AwsConfig, S3Api, TranscribeApi } from '../aws/clients.js';
import { freshSuffix, jobDigest, jobNameFor, mediaKeyFor, nameStem, sha256File } from '../aws/job-name.js';
import {
  checkMediaFits,
  contentTypeOf,
  HEADER_BYTES,
  inspectMedia,
  type MediaFormat,
  mediaFormatOf,
} from '../aws/media-check.js';
import { type AwsFlags, awsConfigFrom } from '../aws/options.js';
import { formatLocation, isRemote, parseLocation } from '../aws/s3-uri.js';
import {
  createStartApi,
  type MedicalJobSettings,
  type StartApi,
  startJobInput,
  startMedicalJob,
} from '../aws/start-job.js';
import { formatDuration, JobFailedError } from '../aws/transcribe-jobs.js';
import { createMediaStore, type MediaStore, SHA256_METADATA } from '../aws/upload.js';
import { createProgress } from '../batch/progress.js';
import { type BatchResult, runBatch } from '../batch/run-batch.js';
import { formatSummary, summarize } from '../batch/summary.js';
import { InputError, UsageError } from '../errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { type CliIo, displayPath, resolveIo } from '../io.js';
import { safeBaseName, uniqueNames } from '../output/safe-name.js';
import { optionNamer } from '../pipeline/export-options.js';
import { formatError } from '../report.js';
import { requestOptions } from './convert.js';
import {
  type FetchOutputs,
  fetchClients,
  fetchJobOutputs,
  prepareFetchOutputs,
  waitReporter,
} from './fetch.js';

/** What `transcribe` was asked to do (the command line as plain data). */
export interface TranscribeRequest extends AwsFlags {
  /** Local audio files and `s3://` media. */
  readonly inputs: readonly string[];
  readonly mediaBucket?: string | undefined;
  readonly mediaPrefix?: string | undefined;
  readonly type?: MedicalJobSettings['type'] | undefined;
  readonly specialty?: MedicalJobSettings['specialty'] | undefined;
  readonly language?: MedicalJobSettings['language'] | undefined;
  readonly speakers?: number | undefined;
  readonly channels?: boolean | undefined;
  readonly alternatives?: number | undefined;
  readonly phi?: boolean | undefined;
  readonly vocabulary?: string | undefined;
  readonly outputBucket?: string | undefined;
  readonly outputKey?: string | undefined;
  readonly kmsKey?: string | undefined;
  /** `key=value` job tags (besides the scribekit:* ones made from --subject, --encounter, --author). */
  readonly tags?: readonly string[] | undefined;
  /** Wait, fetch and convert (default); false: start and print the job names. */
  readonly wait?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly pollInterval?: number | undefined;
  /** A fresh job name even when an earlier run's job exists (`--new`). */
  readonly fresh?: boolean | undefined;
  readonly maxJobs?: number | undefined;
  readonly to?: string | undefined;
  readonly output?: string | undefined;
  readonly force?: boolean | undefined;
  readonly config?: string | undefined;
  readonly json?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  readonly options?: ExportOptions | undefined;
  readonly verbose?: boolean | undefined;
}

/** Clients for in-process tests; by default they are made from the flags and the SDK chain. */
export interface TranscribeDeps {
  readonly transcribe?: TranscribeApi;
  readonly s3?: S3Api;
  readonly start?: StartApi;
  readonly media?: MediaStore;
}

/** Jobs in flight by default: well inside Transcribe's default concurrent-job quota. */
export const DEFAULT_MAX_JOBS = 20;

interface Transcribed {
  readonly job: string;
  readonly reused: boolean;
  readonly outputs: readonly string[];
}

/** The medium of one input: a local file (checked and hashed here) or an object already in S3. */
type Medium =
  | { readonly kind: 'local'; readonly path: string; readonly format: MediaFormat; readonly sha256: string }
  | { readonly kind: 's3'; readonly uri: string; readonly format: MediaFormat; readonly etag: string };

export async function runTranscribe(
  request: TranscribeRequest,
  ioIn: CliIo,
  deps: TranscribeDeps = {},
): Promise<number> {
  const io = resolveIo(ioIn);
  const started = Date.now();
  const verbose = request.verbose === true;
  const quiet = request.quiet === true;
  const wait = request.wait !== false;
  const inputs = request.inputs;
  checkRequest(request, wait);
  const settings: MedicalJobSettings = {
    type: request.type!,
    specialty: request.specialty ?? 'PRIMARYCARE',
    language: request.language ?? 'en-US',
    speakers: request.speakers,
    channels: request.channels,
    alternatives: request.alternatives,
    phi: request.phi,
    vocabulary: request.vocabulary,
  };
  // Formats, export options and -o are checked before any upload (as fetch checks them before any AWS call).
  const plan: FetchOutputs | null = wait ? await prepareFetchOutputs(request, io) : null;
  const sourced = plan?.sourced ?? (await requestOptions(request, io.cwd)).sourced;
  const namer = plan?.namer ?? optionNamer(sourced);
  const tags = jobTags(request.tags ?? [], sourced.options);

  const config: AwsConfig = awsConfigFrom(request, io.env);
  const clients = fetchClients(config, deps);
  let media: Promise<MediaStore> | undefined;
  const mediaStore = () => {
    media ??= deps.media ? Promise.resolve(deps.media) : createMediaStore(config);
    return media;
  };
  let starter: Promise<StartApi> | undefined;
  const startApi = () => {
    starter ??= deps.start ? Promise.resolve(deps.start) : createStartApi(config);
    return starter;
  };

  const show = (path: string) => displayPath(io.cwd, path);
  const shown = inputs.map((input) => (isRemote(input) ? input : show(resolve(io.cwd, input))));
  const bases = uniqueNames(inputs.map((input) => safeBaseName(nameStem(input))));
  const single = inputs.length === 1;
  const progress = createProgress({
    write: io.stderr,
    isTTY: io.isTTY && !quiet && !single,
    label: wait ? 'transcribing' : 'starting',
  });
  const fresh = request.fresh ? freshSuffix() : undefined;
  const jobNames: (string | undefined)[] = inputs.map(() => undefined);

  const tasks = inputs.map((input, i) => async (signal: AbortSignal): Promise<Transcribed> => {
    const file = shown[i]!;
    const medium = await resolveMedium(input, file, io.cwd, settings, mediaStore, signal);
    const identity = medium.kind === 'local' ? `sha256:${medium.sha256}` : `${medium.uri}#${medium.etag}`;
    const name = jobNameFor(input, jobDigest(identity, { ...settings, format: medium.format }), fresh);
    jobNames[i] = name;
    // An earlier run's job: reuse it without uploading again (--new gives a name no job has).
    let reused = !fresh && (await jobExists(await clients.transcribe(), name));
    let uploaded: string | undefined;
    if (!reused) {
      let mediaUri: string;
      if (medium.kind === 'local') {
        const key = mediaKeyFor(request.mediaPrefix ?? '', input, medium.sha256, medium.format);
        const object = { bucket: request.mediaBucket!, key };
        const store = await mediaStore();
        const head = await store.head(object);
        if (head?.metadata[SHA256_METADATA] !== medium.sha256) {
          await store.upload(
            {
              ...object,
              path: medium.path,
              sha256: medium.sha256,
              contentType: contentTypeOf(medium.format),
              kmsKeyId: request.kmsKey,
            },
            { signal },
          );
          uploaded = `s3://${object.bucket}/${key}`;
        }
        mediaUri = `s3://${object.bucket}/${key}`;
      } else mediaUri = medium.uri;
      const job = startJobInput(
        name,
        mediaUri,
        { ...settings, format: medium.format },
        { bucket: request.outputBucket!, key: request.outputKey, kmsKeyId: request.kmsKey, tags },
      );
      ({ reused } = await startMedicalJob(await startApi(), job, {
        intervalMs: request.pollInterval,
        signal,
      }));
    }
    if (!quiet) {
      const what = reused ? `reusing job ${name} (started by an earlier run)` : `started job ${name}`;
      progress.log(`${file}: ${what}${uploaded ? ` (uploaded to ${uploaded})` : ''}`);
    }
    if (!plan) return { job: name, reused, outputs: [] };
    const waiting = single && !quiet ? waitReporter(io, name, true) : null;
    try {
      const outputs = await fetchJobOutputs(
        plan,
        clients,
        name,
        bases[i]!,
        {
          wait: true,
          timeoutMs: request.timeout,
          intervalMs: request.pollInterval,
          signal,
          onPoll: (status, elapsed) => waiting?.poll(status, elapsed),
        },
        show,
        () => waiting?.done(),
      );
      return { job: name, reused, outputs };
    } catch (error) {
      if (reused && error instanceof JobFailedError) {
        throw new FetchError(`${error.message} (an earlier run's job: add --new to start a fresh one)`, {
          cause: error,
        });
      }
      throw error;
    } finally {
      waiting?.done();
    }
  });

  let results: BatchResult<Transcribed>[];
  try {
    results = await runBatch(tasks, {
      concurrency: Math.min(request.maxJobs ?? DEFAULT_MAX_JOBS, inputs.length),
      signal: io.signal,
      onProgress: (p) => progress.update(p),
      onResult: (r) => {
        if (r.status === 'failed') progress.log(formatError(r.error, { verbose, namer }));
      },
    });
  } finally {
    progress.finish();
  }

  const summary = summarize(
    results,
    (i) => shown[i]!,
    (v) => v.outputs,
    Date.now() - started,
    namer,
  );
  if (request.json) {
    const items = summary.items.map((item, i) => {
      const r = results[i]!;
      return { ...item, job: jobNames[i] ?? null, reused: r.status === 'ok' ? r.value.reused : false };
    });
    io.stdout(`${JSON.stringify({ ...summary, items }, null, 2)}\n`);
  } else {
    if (!wait) for (const r of results) if (r.status === 'ok') io.stdout(`${r.value.job}\n`);
    if (!quiet)
      io.stderr(wait ? formatSummary(summary, 'transcribed') : startSummary(results, summary.durationMs));
  }
  if (io.signal.aborted) return EXIT.interrupted;
  if (summary.failed === 0) return EXIT.ok;
  if (single) {
    const failed = results.find((r) => r.status === 'failed');
    return failed && failed.status === 'failed' ? exitCodeFor(failed.error) : EXIT.someFailed;
  }
  return EXIT.someFailed;
}

/** Mistakes on the command line, found before anything is read or sent. */
function checkRequest(request: TranscribeRequest, wait: boolean): void {
  const { inputs } = request;
  if (inputs.length === 0) throw new UsageError('Give one or more audio files or s3:// media URIs');
  if (!request.type) throw new UsageError('--type is required: dictation (one speaker) or conversation');
  if (!request.outputBucket) {
    throw new UsageError(
      '--output-bucket is required: Transcribe Medical writes the transcript to your bucket',
    );
  }
  if (!request.mediaBucket && inputs.some((input) => !isRemote(input))) {
    throw new UsageError('--media-bucket is required to upload local audio (or give s3:// media)');
  }
  if (request.speakers !== undefined && request.channels) {
    throw new UsageError(
      '--speakers and --channels cannot be combined (Transcribe Medical takes one or the other)',
    );
  }
  if (inputs.length > 1 && request.outputKey && /\.json$/i.test(request.outputKey)) {
    throw new UsageError(
      `--output-key ${request.outputKey} names one file, and ${inputs.length} jobs would overwrite it: give a folder such as transcripts/`,
    );
  }
  if (!wait && (request.to !== undefined || request.output !== undefined)) {
    throw new UsageError('--to and -o convert the finished transcript: leave out --no-wait');
  }
}

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** `key=value` tags plus scribekit:subject / :encounter / :author from the FHIR references given. */
export function jobTags(values: readonly string[], options: ExportOptions): Record<string, string> {
  const tags: Record<string, string> = {};
  const refs = options as { subject?: unknown; encounter?: unknown; author?: unknown };
  for (const [field, key] of Object.entries(FHIR_REFERENCE_TAGS)) {
    const value = refs[field as keyof typeof refs];
    if (typeof value === 'string' && value !== '') tags[key] = value;
  }
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--tag expects key=value, e.g. department=cardiology`);
    tags[value.slice(0, eq).trim()] = value.slice(eq + 1).trim();
  }
  for (const [key, value] of Object.entries(tags)) {
    if (key.length > 128 || value.length > 256 || !TAG_TEXT.test(key) || !TAG_TEXT.test(value)) {
      throw new UsageError(
        `Tag \`${key.slice(0, 128)}\` is not a valid job tag: keys up to 128 and values up to 256 characters of letters, digits, spaces and _ . : / = + - @`,
      );
    }
    if (/^aws:/i.test(key)) throw new UsageError(`Tag keys starting with aws: are reserved, got \`${key}\``);
  }
  if (Object.keys(tags).length > 50) throw new UsageError('A job takes at most 50 tags');
  return tags;
}

/** Checks and hashes a local file, or checks that an S3 object exists; errors name the input. */
async function resolveMedium(
  input: string,
  file: string,
  cwd: string,
  settings: MedicalJobSettings,
  mediaStore: () => Promise<MediaStore>,
  signal: AbortSignal,
): Promise<Medium> {
  if (isRemote(input)) {
    const location = parseLocation(input);
    if (location.kind !== 's3') throw new UsageError(`${file}: media must be a local file or an s3:// URI`);
    const format = mediaFormatOf(location.key, file);
    const uri = formatLocation(location);
    const head = await (await mediaStore()).head({ bucket: location.bucket, key: location.key });
    if (!head) {
      throw new FetchError(`No such media object, or no s3:GetObject on it: ${uri}`);
    }
    checkMediaFits({ format }, file, { size: head.size });
    return { kind: 's3', uri, format, etag: head.etag ?? '' };
  }
  const path = resolve(cwd, input);
  const format = mediaFormatOf(path, file);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError('Not a file', { file });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'No such file' : `Cannot read it: ${code ?? 'unknown error'}`, {
      cause: error,
      file,
    });
  }
  const head = await readHead(path, Math.min(size, HEADER_BYTES));
  const info = size === 0 ? { format } : inspectMedia(format, head, file);
  checkMediaFits(info, file, { size, channelIdentification: settings.channels });
  const sha256 = await sha256File(path, signal);
  return { kind: 'local', path, format, sha256 };
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when a job of this name exists already (any status). */
async function jobExists(api: TranscribeApi, name: string): Promise<boolean> {
  try {
    await api.getMedicalTranscriptionJob(name);
    return true;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (isJobNotFound(cause ?? error)) return false;
    throw error;
  }
}

/** `started 3 jobs (1 reused) in 0.4 s; 1 failed` */
function startSummary(results: readonly BatchResult<Transcribed>[], durationMs: number): string {
  const ok = results.filter((r) => r.status === 'ok');
  const reused = ok.filter((r) => r.status === 'ok' && r.value.reused).length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const cancelled = results.filter((r) => r.status === 'cancelled').length;
  const parts = [
    `started ${ok.length} of ${results.length} job${results.length === 1 ? '' : 's'}${reused ? ` (${reused} reused)` : ''} in ${formatDuration(durationMs)}`,
  ];
  if (failed) parts.push(`${failed} failed`);
  if (cancelled) parts.push(`${cancelled} not started (interrupted)`);
  return `${parts.join('; ')}\n`;
}
