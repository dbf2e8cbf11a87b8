// A local Amazon Transcribe endpoint speaking the JSON 1.1 protocol on 127.0.0.1, driven by scripts:
// each job has a list of steps (a status, a FAILED reason, an error, a delay), consumed one per
// GetMedicalTranscriptionJob call, the last one repeating. Enough for the real SDK client: signing
// (each request's SigV4 signature is recomputed and checked), retries, error parsing, pagination.
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
  close(): Promise<void>;
}

/**
 * Starts the fake. `secrets` maps access key ids to secret keys; requests signed with anything else are
 * refused with InvalidSignatureException, as AWS does (default: `test` → `test`).
 */
export async function startFakeTranscribe(
  jobs: Record<string, FakeJob> = {},
  secrets: Readonly<Record<string, string>> = { test: 'test' },
): Promise<FakeTranscribe> {
  const scripts = new Map<string, { job: FakeJob; next: number }>();
  for (const [name, job] of Object.entries(jobs)) scripts.set(name, { job, next: 0 });
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const fake: FakeTranscribe = {
    url: '',
    requests,
    listErrors: [],
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
    const step = script.job.steps[Math.min(script.next, script.job.steps.length - 1)]!;
    script.next++;
    await answerStep(step, res, (answer) => {
      const status = typeof answer === 'string' ? answer : 'FAILED';
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
