// The real AWS SDK v3 clients over real HTTP against local stand-ins: a fake Transcribe (JSON 1.1) and
// fauxqs for S3, plus a file server that breaks downloads on purpose. No AWS account needed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FetchError } from '@scribekit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Api, createTranscribeApi } from '../packages/cli/src/aws/clients.js';
import { download, IncompleteDownloadError } from '../packages/cli/src/aws/download.js';
import { parseLocation } from '../packages/cli/src/aws/s3-uri.js';
import {
  getCompletedJob,
  JobFailedError,
  JobNotFinishedError,
  listJobs,
} from '../packages/cli/src/aws/transcribe-jobs.js';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import {
  type FileServer,
  type LocalS3,
  startFileServer,
  startLocalS3,
  testCredentials,
} from './support/aws/local-s3.js';

const transcript = readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url));
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

let transcribe: FakeTranscribe;
let s3: LocalS3;
let files: FileServer;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = testCredentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = testCredentials.secretAccessKey;
  [transcribe, s3, files] = await Promise.all([startFakeTranscribe(), startLocalS3(), startFileServer()]);
  s3.createBucket('example-bucket');
  await s3.put('example-bucket', 'medical/job-1.json', transcript);
  await s3.put('example-bucket', 'medical/with space+plus é.json', transcript);
});

afterAll(async () => {
  await Promise.all([transcribe?.close(), s3?.stop(), files?.close()]);
});

const transcribeApi = (maxAttempts = 3, requestTimeoutMs?: number) =>
  createTranscribeApi({ region: 'us-east-1', endpointUrl: transcribe.url, maxAttempts, requestTimeoutMs });
const s3Api = () => createS3Api({ region: 'us-east-1', endpointUrl: s3.url });
const calls = (name: string) =>
  transcribe.requests.filter((r) => r.body.MedicalTranscriptionJobName === name).map((r) => r.attempt);

describe('Transcribe (real client, fake JSON 1.1 endpoint)', () => {
  it('waits QUEUED → IN_PROGRESS → COMPLETED, then downloads the transcript from S3', async () => {
    transcribe.setJob('job-1', {
      steps: ['QUEUED', 'IN_PROGRESS', 'COMPLETED'],
      transcriptUri: 'https://s3.us-east-1.amazonaws.com/example-bucket/medical/job-1.json',
    });
    const statuses: string[] = [];
    const job = await getCompletedJob(await transcribeApi(), 'job-1', {
      wait: true,
      intervalMs: 10,
      onPoll: (s) => statuses.push(s),
    });
    expect(statuses).toEqual(['QUEUED', 'IN_PROGRESS', 'COMPLETED']);
    // The real client deserialises epoch seconds into Dates.
    expect(job.CreationTime).toBeInstanceOf(Date);
    expect(job.Specialty).toBe('PRIMARYCARE');
    // Every request was SigV4-signed for the transcribe service.
    expect(transcribe.requests.at(-1)!.authorization).toMatch(/\/us-east-1\/transcribe\/aws4_request/);
    const location = parseLocation(job.Transcript!.TranscriptFileUri!);
    const got = await download(location, { s3: s3Api });
    expect(md5(got.data)).toBe(md5(transcript));
    expect(got.etag).toBe(`"${md5(transcript)}"`);
  });

  it('reports a FAILED job with its reason', async () => {
    transcribe.setJob('job-failed', {
      steps: ['IN_PROGRESS', { status: 'FAILED', reason: 'Unsupported audio format' }],
    });
    const error = await getCompletedJob(await transcribeApi(), 'job-failed', {
      wait: true,
      intervalMs: 10,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as Error).message).toBe('Job `job-failed` FAILED: Unsupported audio format');
  });

  it('fails fast on an unknown job (BadRequestException "couldn\'t be found"), one request, no retries', async () => {
    const before = transcribe.requests.length;
    await expect(getCompletedJob(await transcribeApi(), 'no-such-job', { wait: true })).rejects.toThrow(
      /^No medical transcription job named `no-such-job`/,
    );
    expect(transcribe.requests.length - before).toBe(1);
  });

  it('treats NotFoundException the same way', async () => {
    transcribe.setJob('gone', { steps: [{ error: 'NotFoundException', message: 'Job not found' }] });
    await expect(getCompletedJob(await transcribeApi(), 'gone')).rejects.toThrow(
      /^No medical transcription job named `gone`/,
    );
    expect(calls('gone')).toHaveLength(1);
  });

  it('retries throttling (ThrottlingException, LimitExceededException) and 500s, then succeeds', async () => {
    transcribe.setJob('busy', {
      steps: [{ error: 'ThrottlingException' }, { error: 'LimitExceededException' }, 'COMPLETED'],
    });
    const job = await getCompletedJob(await transcribeApi(3), 'busy');
    expect(job.TranscriptionJobStatus).toBe('COMPLETED');
    expect(calls('busy').map((a) => a.split(';')[0])).toEqual(['attempt=1', 'attempt=2', 'attempt=3']);

    transcribe.setJob('flaky', { steps: [{ error: 'InternalFailureException' }, 'COMPLETED'] });
    expect((await getCompletedJob(await transcribeApi(3), 'flaky')).TranscriptionJobStatus).toBe('COMPLETED');
    expect(calls('flaky')).toHaveLength(2);
  });

  it('gives up on persistent 500s after maxAttempts with a FetchError', async () => {
    transcribe.setJob('down', { steps: [{ error: 'InternalFailureException', message: 'internal' }] });
    const error = await getCompletedJob(await transcribeApi(2), 'down').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toBe(
      'GetMedicalTranscriptionJob on down failed: InternalFailureException (HTTP 500): internal',
    );
    expect(calls('down')).toHaveLength(2);
  });

  it('names the permission when access is denied', async () => {
    transcribe.setJob('secret', {
      steps: [{ error: 'AccessDeniedException', message: 'User: arn:aws:iam::1:user/u is not authorized' }],
    });
    await expect(getCompletedJob(await transcribeApi(), 'secret')).rejects.toThrow(
      'Access denied for GetMedicalTranscriptionJob on secret: the caller needs transcribe:GetMedicalTranscriptionJob',
    );
  });

  it('verifies signatures: a wrong secret key is refused (and not retried)', async () => {
    transcribe.setJob('signed', { steps: ['COMPLETED'] });
    const { TranscribeClient } = await import('@aws-sdk/client-transcribe');
    const sdk = await import('@aws-sdk/client-transcribe');
    const { transcribeApi: wrap } = await import('../packages/cli/src/aws/clients.js');
    const client = new TranscribeClient({
      region: 'us-east-1',
      endpoint: transcribe.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' },
    });
    const before = calls('signed').length;
    await expect(getCompletedJob(wrap(client, sdk), 'signed')).rejects.toThrow(
      /^AWS rejected the credentials \(InvalidSignatureException\) for GetMedicalTranscriptionJob on signed/,
    );
    expect(calls('signed').length - before).toBe(1);
    client.destroy();
  });

  it('stops waiting at the timeout even while a response hangs', async () => {
    transcribe.setJob('slow', { steps: ['IN_PROGRESS', { delayMs: 5000, next: 'COMPLETED' }] });
    const started = Date.now();
    const error = await getCompletedJob(await transcribeApi(1), 'slow', {
      wait: true,
      timeoutMs: 400,
      intervalMs: 50,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobNotFinishedError);
    expect((error as Error).message).toMatch(/^Gave up waiting for job `slow` after 0.4 s/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('abandons a hung request after the request timeout (and retries it)', async () => {
    transcribe.setJob('hung', { steps: [{ delayMs: 3000, next: 'COMPLETED' }, 'COMPLETED'] });
    const job = await getCompletedJob(await transcribeApi(2, 200), 'hung');
    expect(job.TranscriptionJobStatus).toBe('COMPLETED');
    expect(calls('hung')).toHaveLength(2);
  });

  it('lists jobs 100 a page across NextToken', async () => {
    for (let i = 0; i < 205; i++) {
      transcribe.setJob(`batch-${String(i).padStart(3, '0')}`, {
        steps: ['COMPLETED'],
        creationTime: 1_772_400_000 + i,
      });
    }
    const before = transcribe.requests.length;
    const names: string[] = [];
    for await (const j of listJobs(await transcribeApi(), { status: 'COMPLETED', nameContains: 'batch-' })) {
      names.push(j.MedicalTranscriptionJobName!);
    }
    expect(names).toHaveLength(205);
    expect(names[0]).toBe('batch-204');
    const pages = transcribe.requests.slice(before);
    expect(pages.map((r) => r.body.MaxResults)).toEqual([100, 100, 100]);
    expect(pages.map((r) => r.body.NextToken)).toEqual([undefined, '100', '200']);
  });
});

describe('downloads (real S3 client against fauxqs; a faulty HTTP server)', () => {
  it('reads s3:// and https URIs with percent-encoded keys', async () => {
    const api = s3Api;
    for (const uri of [
      's3://example-bucket/medical/with space+plus é.json',
      'https://example-bucket.s3.us-east-1.amazonaws.com/medical/with%20space%2Bplus%20%C3%A9.json',
      'https://s3.dualstack.us-east-1.amazonaws.com/example-bucket/medical/with%20space+plus%20%C3%A9.json',
    ]) {
      const got = await download(parseLocation(uri), { s3: api });
      expect(md5(got.data), uri).toBe(md5(transcript));
    }
  });

  it('reports a missing object', async () => {
    await expect(
      download(parseLocation('s3://example-bucket/medical/none.json'), { s3: s3Api }),
    ).rejects.toThrow('No such object: s3://example-bucket/medical/none.json');
  });

  it('retries a truncated download and a corrupt one (Content-Length, ETag)', async () => {
    files.serve('/t.json', transcript, ['truncate']);
    const got = await download(parseLocation(`${files.url}/t.json`), { retryDelayMs: 1 });
    expect(got.attempts).toBe(2);
    expect(md5(got.data)).toBe(md5(transcript));

    files.serve('/c.json', transcript, ['corrupt', '500']);
    const got2 = await download(parseLocation(`${files.url}/c.json?X-Amz-Signature=abc&X-Amz-Credential=x`), {
      retryDelayMs: 1,
    });
    expect(got2.attempts).toBe(3);
    expect(md5(got2.data)).toBe(md5(transcript));
  });

  it('gives up after the attempts with a clear error', async () => {
    files.serve('/bad.json', transcript, ['corrupt', 'corrupt', 'corrupt']);
    const error = await download(parseLocation(`${files.url}/bad.json`), { retryDelayMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IncompleteDownloadError);
    expect((error as Error).message).toBe(
      `The download of ${files.url}/bad.json does not match its ETag (corrupt download) (after 3 attempts)`,
    );
    expect(files.hits('/bad.json')).toBe(3);
  });

  it('does not retry a 403 and explains expired presigned URLs', async () => {
    await expect(download(parseLocation(`${files.url}/missing.json`), { retryDelayMs: 1 })).rejects.toThrow(
      /returned HTTP 404$/,
    );
  });
});

describe('S3 region redirects (real client, a minimal S3 endpoint that knows the bucket region)', () => {
  it('follows a 301 PermanentRedirect to the bucket region', async () => {
    const { createServer } = await import('node:http');
    const signedRegions: string[] = [];
    const server = createServer((req, res) => {
      const region =
        /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/s3\//.exec(String(req.headers.authorization))?.[1] ?? '';
      signedRegions.push(region);
      if (region !== 'eu-west-1') {
        const xml =
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Bucket>eu-bucket</Bucket></Error>';
        res.writeHead(301, { 'content-type': 'application/xml', 'x-amz-bucket-region': 'eu-west-1' });
        res.end(xml);
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': transcript.length,
        etag: `"${md5(transcript)}"`,
      });
      res.end(transcript);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as import('node:net').AddressInfo).port;
      const api = await createS3Api({ region: 'us-east-1', endpointUrl: `http://127.0.0.1:${port}` });
      // s3:// carries no region: the first request is signed for us-east-1, S3 answers with the real one.
      const got = await download(parseLocation('s3://eu-bucket/medical/job.json'), { s3: async () => api });
      expect(md5(got.data)).toBe(md5(transcript));
      expect(signedRegions).toEqual(['us-east-1', 'eu-west-1']);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
