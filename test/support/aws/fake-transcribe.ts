// A local Amazon Transcribe endpoint speaking the JSON 1.1 protocol on 127.0.0.1, driven by scripts:
// each job has a list of steps (a status, a FAILED reason, an error, a delay), consumed one per
// GetMedicalTranscriptionJob call, the last one repeating. Enough for the real SDK client: signing
// (each request's SigV4 signature is recomputed and checked), retries, error parsing, pagination.
// StartMedicalTranscriptionJob validates the request as the service does (BadRequestException), refuses a
// name in use (ConflictException), answers scripted errors first (LimitExceededException, throttling), and
// runs the job: when it completes, its transcript is written to the output bucket in the local S3 stand-in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4 } from './sigv4.js';

export type JobStep =
  | 'QUEUED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | { readonly status: 'FAILED'; readonly reason: string }
  /** Answer with an AWS error: `__type` name, HTTP status (400 default; 500 for InternalFailureException). */
  | { readonly error: string; readonly message?: string; readonly httpStatus?: number }
  /** Wait before answering with the next step (a slow response). */
  | { readonly delayMs: number; readonly next: JobStep };

export interface FakeJob {
  readonly steps: readonly JobStep[];
  readonly transcriptUri?: string;
  readonly specialty?: string;
  readonly type?: 'DICTATION' | 'CONVERSATION';
  /** Epoch seconds. */
  readonly creationTime?: number;
  readonly tags?: Readonly<Record<string, string>>;
  /** The StartMedicalTranscriptionJob request of a started job (its settings are described back). */
  readonly request?: Readonly<Record<string, unknown>>;
  /** Bucket and key the transcript of a started job is written to when it completes. */
  readonly output?: { readonly bucket: string; readonly key: string };
}

/** Where started jobs read their media and write their transcripts: the local S3 stand-in. */
export interface FakeS3Access {
  put(bucket: string, key: string, body: string | Uint8Array): Promise<string>;
  exists(bucket: string, key: string): Promise<boolean>;
}

export interface FakeStartOptions {
  readonly s3?: FakeS3Access;
  /** The transcript a started job produces (given the request); default: a one-word synthetic transcript. */
  readonly transcript?: (request: Readonly<Record<string, unknown>>) => string | Uint8Array;
  /** Statuses a started job goes through (default IN_PROGRESS, then COMPLETED). */
  readonly steps?: readonly JobStep[];
}

export interface RecordedRequest {
  readonly target: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string;
  readonly attempt: string;
}

export interface FakeTranscribe {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sets (or replaces) a job's script. */
  setJob(name: string, job: FakeJob): void;
  /** Errors to answer ListMedicalTranscriptionJobs with, one per call, before listing normally. */
  listErrors: JobStep[];
  /** Errors to answer StartMedicalTranscriptionJob with, one per call, before starting normally. */
  startErrors: JobStep[];
  /** The StartMedicalTranscriptionJob requests that started a job (not those refused). */
  readonly started: Record<string, unknown>[];
  /** Statuses the next started jobs go through (default: the options' steps, or IN_PROGRESS then COMPLETED). */
  startedSteps: JobStep[];
  /** The most started jobs that were running (not yet answered COMPLETED or FAILED) at one time. */
  readonly maxRunning: number;
  /** Forgets the running jobs and maxRunning (jobs left running by earlier tests). */
  resetRunning(): void;
  close(): Promise<void>;
}

/**
 * Starts the fake. `secrets` maps access key ids to secret keys; requests signed with anything else are
 * refused with InvalidSignatureException, as AWS does (default: `test` → `test`).
 */
export async function startFakeTranscribe(
  jobs: Record<string, FakeJob> = {},
  secrets: Readonly<Record<string, string>> = { test: 'test' },
  startOptions: FakeStartOptions = {},
): Promise<FakeTranscribe> {
  const scripts = new Map<string, { job: FakeJob; next: number; written?: boolean }>();
  for (const [name, job] of Object.entries(jobs)) scripts.set(name, { job, next: 0 });
  const requests: RecordedRequest[] = [];
  const running = new Set<string>();
  const sockets = new Set<import('node:net').Socket>();

  const fake: FakeTranscribe = {
    url: '',
    requests,
    listErrors: [],
    startErrors: [],
    started: [],
    startedSteps: [...(startOptions.steps ?? ['IN_PROGRESS', 'COMPLETED'])],
    maxRunning: 0,
    resetRunning() {
      running.clear();
      (fake as { maxRunning: number }).maxRunning = 0;
    },
    setJob(name, job) {
      scripts.set(name, { job, next: 0 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, 500, { __type: 'InternalFailureException', Message: String(error) });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const authorization = String(req.headers.authorization ?? '');
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    requests.push({ target, body, authorization, attempt: String(req.headers['amz-sdk-request'] ?? '') });
    const signatureProblem = verifySigV4(req, Buffer.concat(chunks), secrets);
    if (signatureProblem) {
      return send(res, 403, { __type: 'InvalidSignatureException', Message: signatureProblem });
    }
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
      return send(res, 400, { __type: 'SerializationException', Message: 'Expected JSON 1.1' });
    }
    switch (target) {
      case 'Transcribe.GetMedicalTranscriptionJob':
        return getJob(String(body.MedicalTranscriptionJobName), res);
      case 'Transcribe.ListMedicalTranscriptionJobs':
        return listJobs(body, res);
      case 'Transcribe.StartMedicalTranscriptionJob':
        return startJob(body, res);
      default:
        return send(res, 400, { __type: 'UnknownOperationException', Message: target });
    }
  }

  async function answerStep(step: JobStep, res: ServerResponse, ok: (step: JobStep) => void): Promise<void> {
    if (typeof step === 'object' && 'delayMs' in step) {
      await new Promise((r) => setTimeout(r, step.delayMs));
      if (res.destroyed) return;
      return answerStep(step.next, res, ok);
    }
    if (typeof step === 'object' && 'error' in step) {
      const status = step.httpStatus ?? (step.error === 'InternalFailureException' ? 500 : 400);
      return send(res, status, { __type: step.error, Message: step.message ?? step.error });
    }
    ok(step);
  }

  async function getJob(name: string, res: ServerResponse): Promise<void> {
    const script = scripts.get(name);
    if (!script) {
      return send(res, 400, {
        __type: 'BadRequestException',
        Message: "The requested job couldn't be found. Check the job name and try your request again.",
      });
    }
    let step = script.job.steps[Math.min(script.next, script.job.steps.length - 1)]!;
    script.next++;
    if (step === 'COMPLETED' && script.job.output && !script.written) {
      step = await complete(script.job);
      if (step === 'COMPLETED') script.written = true;
      else script.job = { ...script.job, steps: [step] };
    }
    await answerStep(step, res, (answer) => {
      const status = typeof answer === 'string' ? answer : 'FAILED';
      if (status === 'COMPLETED' || status === 'FAILED') running.delete(name);
      send(res, 200, { MedicalTranscriptionJob: describe(name, script.job, status, answer) });
    });
  }

  function describe(name: string, job: FakeJob, status: string, step: JobStep): Record<string, unknown> {
    const created = job.creationTime ?? 1_772_463_845; // 2026-03-02T15:04:05Z
    return {
      MedicalTranscriptionJobName: name,
      TranscriptionJobStatus: status,
      LanguageCode: 'en-US',
      MediaSampleRateHertz: 16000,
      MediaFormat: 'wav',
      Media: { MediaFileUri: `s3://example-audio/${name}.wav` },
      CreationTime: created,
      ...(status !== 'QUEUED' ? { StartTime: created + 2 } : {}),
      ...(status === 'COMPLETED' || status === 'FAILED' ? { CompletionTime: created + 60 } : {}),
      ...(status === 'COMPLETED' && job.transcriptUri
        ? { Transcript: { TranscriptFileUri: job.transcriptUri } }
        : {}),
      ...(typeof step === 'object' && 'reason' in step ? { FailureReason: step.reason } : {}),
      Settings: { ShowSpeakerLabels: false, ChannelIdentification: false, ShowAlternatives: false },
      ...(job.request ? startedJobFields(job.request) : {}),
      Specialty: job.specialty ?? 'PRIMARYCARE',
      Type: job.type ?? 'DICTATION',
      ...(job.tags ? { Tags: Object.entries(job.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
    };
  }

  async function listJobs(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const error = fake.listErrors.shift();
    if (error) return answerStep(error, res, () => undefined);
    const pageSize = typeof body.MaxResults === 'number' ? body.MaxResults : 5;
    const all = [...scripts.entries()]
      .map(([name, s]) => {
        const step = s.job.steps[s.job.steps.length - 1]!;
        const status = typeof step === 'string' ? step : 'status' in step ? step.status : 'IN_PROGRESS';
        return { name, job: s.job, status };
      })
      .filter((j) => !body.Status || j.status === body.Status)
      .filter((j) => !body.JobNameContains || j.name.includes(String(body.JobNameContains)))
      .sort((a, b) => (b.job.creationTime ?? 0) - (a.job.creationTime ?? 0) || a.name.localeCompare(b.name));
    const start = typeof body.NextToken === 'string' ? Number(body.NextToken) : 0;
    const page = all.slice(start, start + pageSize);
    const next = start + pageSize < all.length ? String(start + pageSize) : undefined;
    send(res, 200, {
      ...(body.Status ? { Status: body.Status } : {}),
      MedicalTranscriptionJobSummaries: page.map(({ name, job, status }) => ({
        MedicalTranscriptionJobName: name,
        CreationTime: job.creationTime ?? 1_772_463_845,
        TranscriptionJobStatus: status,
        LanguageCode: 'en-US',
        OutputLocationType: 'CUSTOMER_BUCKET',
        Specialty: job.specialty ?? 'PRIMARYCARE',
        Type: job.type ?? 'DICTATION',
      })),
      ...(next ? { NextToken: next } : {}),
    });
  }

  async function startJob(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const error = fake.startErrors.shift();
    if (error) return answerStep(error, res, () => undefined);
    const problem = startProblem(body);
    if (problem) return send(res, 400, { __type: 'BadRequestException', Message: problem });
    const name = String(body.MedicalTranscriptionJobName);
    if (scripts.has(name)) {
      return send(res, 400, {
        __type: 'ConflictException',
        Message: 'The requested job name already exists. Use a different job name.',
      });
    }
    const bucket = String(body.OutputBucketName);
    const key = outputKeyFor(name, typeof body.OutputKey === 'string' ? body.OutputKey : undefined);
    const tags = Array.isArray(body.Tags)
      ? Object.fromEntries((body.Tags as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]))
      : undefined;
    const job: FakeJob = {
      steps: [...fake.startedSteps],
      transcriptUri: `https://s3.us-east-1.amazonaws.com/${bucket}/${key}`,
      specialty: String(body.Specialty),
      type: body.Type as 'DICTATION' | 'CONVERSATION',
      creationTime: Math.floor(Date.now() / 1000),
      ...(tags ? { tags } : {}),
      request: body,
      output: { bucket, key },
    };
    scripts.set(name, { job, next: 0 });
    fake.started.push(body);
    running.add(name);
    (fake as { maxRunning: number }).maxRunning = Math.max(fake.maxRunning, running.size);
    send(res, 200, { MedicalTranscriptionJob: describe(name, job, 'IN_PROGRESS', 'IN_PROGRESS') });
  }

  /** A started job's completion: the media must be in S3; the transcript is written to the output bucket. */
  async function complete(job: FakeJob): Promise<JobStep> {
    const s3 = startOptions.s3;
    if (!s3 || !job.output || !job.request) return 'COMPLETED';
    const media = String((job.request.Media as { MediaFileUri?: string } | undefined)?.MediaFileUri ?? '');
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(media);
    if (!m || !(await s3.exists(m[1]!, m[2]!))) {
      return {
        status: 'FAILED',
        reason:
          "The URI that you provided doesn't point to an S3 object. Make sure that the object exists and try your request again.",
      };
    }
    const transcript = startOptions.transcript?.(job.request) ?? defaultTranscript(job.request);
    await s3.put(job.output.bucket, job.output.key, transcript);
    return 'COMPLETED';
  }

  function send(res: ServerResponse, status: number, json: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(json);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': `req-${requests.length}`,
    });
    res.end(text);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (fake as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** What Transcribe reports back about a started job: its media, settings and identification. */
function startedJobFields(request: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const settings = (request.Settings ?? {}) as Record<string, unknown>;
  return {
    Media: request.Media,
    ...(request.MediaFormat ? { MediaFormat: request.MediaFormat } : {}),
    LanguageCode: request.LanguageCode,
    Settings: {
      ShowSpeakerLabels: false,
      ChannelIdentification: false,
      ShowAlternatives: false,
      ...settings,
    },
    ...(request.ContentIdentificationType
      ? { ContentIdentificationType: request.ContentIdentificationType }
      : {}),
  };
}

/**
 * Where the fake writes a job's transcript: OutputKey as the API reference describes it (a `.json` key is the
 * file, anything else a folder), and without one `medical/<job>.json`, as the fixtures and the IAM policy assume.
 */
export function outputKeyFor(name: string, outputKey: string | undefined): string {
  if (!outputKey) return `medical/${name}.json`;
  if (/\.json$/i.test(outputKey)) return outputKey;
  return `${outputKey.replace(/\/?$/, '/')}${name}.json`;
}

const MEDIA_FORMATS = ['amr', 'flac', 'm4a', 'mp3', 'mp4', 'ogg', 'wav', 'webm'];

/** The service's validation of StartMedicalTranscriptionJob, as BadRequestException messages. */
function startProblem(body: Record<string, unknown>): string | null {
  const name = body.MedicalTranscriptionJobName;
  if (
    typeof name !== 'string' ||
    !/^[0-9a-zA-Z._-]+$/.test(name) ||
    name.length > 200 ||
    name === '.' ||
    name === '..'
  )
    return 'MedicalTranscriptionJobName must match [0-9a-zA-Z._-]+ and be at most 200 characters';
  if (body.LanguageCode !== 'en-US') return 'The language code must be en-US for medical transcription jobs.';
  if (body.Specialty !== 'PRIMARYCARE')
    return 'The specialty must be PRIMARYCARE for batch medical transcription jobs.';
  if (body.Type !== 'DICTATION' && body.Type !== 'CONVERSATION')
    return 'Type must be DICTATION or CONVERSATION.';
  const media = (body.Media ?? {}) as { MediaFileUri?: unknown };
  if (typeof media.MediaFileUri !== 'string' || !/^(s3:\/\/|https?:\/\/).+/.test(media.MediaFileUri))
    return 'Media.MediaFileUri must be an S3 URI.';
  if (typeof body.OutputBucketName !== 'string' || !/^[a-z0-9][.a-z0-9-]+$/.test(body.OutputBucketName))
    return 'OutputBucketName must be a bucket name.';
  if (body.MediaFormat !== undefined && !MEDIA_FORMATS.includes(String(body.MediaFormat)))
    return `MediaFormat must be one of ${MEDIA_FORMATS.join(', ')}.`;
  const rate = body.MediaSampleRateHertz;
  if (rate !== undefined && (typeof rate !== 'number' || rate < 16000 || rate > 48000))
    return 'MediaSampleRateHertz must be from 16000 to 48000 for medical transcription jobs.';
  if (body.ContentIdentificationType !== undefined && body.ContentIdentificationType !== 'PHI')
    return 'ContentIdentificationType must be PHI.';
  const s = (body.Settings ?? {}) as Record<string, unknown>;
  if (s.ShowSpeakerLabels === true && s.ChannelIdentification === true)
    return "You can't use ShowSpeakerLabels and ChannelIdentification in the same request.";
  if ((s.ShowSpeakerLabels === true) !== (s.MaxSpeakerLabels !== undefined))
    return 'ShowSpeakerLabels and MaxSpeakerLabels must be given together.';
  if (
    s.MaxSpeakerLabels !== undefined &&
    !(Number(s.MaxSpeakerLabels) >= 2 && Number(s.MaxSpeakerLabels) <= 30)
  )
    return 'MaxSpeakerLabels must be from 2 to 30.';
  if ((s.ShowAlternatives === true) !== (s.MaxAlternatives !== undefined))
    return 'ShowAlternatives and MaxAlternatives must be given together.';
  if (s.MaxAlternatives !== undefined && !(Number(s.MaxAlternatives) >= 2 && Number(s.MaxAlternatives) <= 10))
    return 'MaxAlternatives must be from 2 to 10.';
  const tags = body.Tags;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length === 0 || tags.length > 50) return 'Tags must hold 1 to 50 tags.';
    for (const t of tags as { Key?: unknown; Value?: unknown }[]) {
      if (
        typeof t.Key !== 'string' ||
        t.Key.length < 1 ||
        t.Key.length > 128 ||
        typeof t.Value !== 'string' ||
        t.Value.length > 256
      )
        return 'Each tag needs a Key of 1 to 128 characters and a Value of at most 256.';
    }
  }
  return null;
}

/** A one-word synthetic transcript (PHI-free) for a started job. */
function defaultTranscript(request: Readonly<Record<string, unknown>>): string {
  return JSON.stringify({
    jobName: request.MedicalTranscriptionJobName,
    accountId: '000000000000',
    results: {
      transcripts: [{ transcript: 'Hello.' }],
      items: [
        {
          start_time: '0.0',
          end_time: '0.5',
          alternatives: [{ confidence: '0.99', content: 'Hello' }],
          type: 'pronunciation',
        },
        { alternatives: [{ confidence: '0.0', content: '.' }], type: 'punctuation' },
      ],
    },
    status: 'COMPLETED',
  });
}
