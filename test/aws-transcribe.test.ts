// `scribekit transcribe` end to end: the built CLI as a subprocess, configured only through AWS_* variables,
// against fauxqs (S3) and the local Transcribe endpoint (SigV4 checked), which validates
// StartMedicalTranscriptionJob and writes each job's transcript to the output bucket when it completes.
// The start path is also driven in-process with the real SDK client (conflicts, refusals, the job quota).
// Run `tsc -b` first (the root `test` script does).

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartMedicalTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi, startJobInput, startMedicalJob } from '../packages/cli/src/aws/start-job.js';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import { awsTestEnv, type LocalS3, startLocalS3, testCredentials } from './support/aws/local-s3.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/scribekit.js', import.meta.url));
const transcript = readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url));

let transcribe: FakeTranscribe;
let s3: LocalS3;
let proxy: RecordingProxy;
let env: Record<string, string>;
let dir: string;

/** A synthetic PCM WAV: `seconds` of a 440 Hz tone (no speech, no PHI). */
function wav(options: { rate?: number; channels?: number; seconds?: number; bytes?: number } = {}): Buffer {
  const rate = options.rate ?? 16_000;
  const channels = options.channels ?? 1;
  const frames = options.bytes
    ? Math.floor(options.bytes / (2 * channels))
    : Math.round(rate * (options.seconds ?? 0.25));
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000);
    for (let c = 0; c < channels; c++) data.writeInt16LE(v, (i * channels + c) * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function cli(args: string[], cwd = dir, extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'node',
      [bin, ...args],
      { env: { ...env, ...extraEnv }, cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh working directory holding the given files. */
function workdir(name: string, files: Record<string, Buffer> = {}): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [file, body] of Object.entries(files)) writeFileSync(join(d, file), body);
  return d;
}

const startRequests = () =>
  transcribe.requests.filter((r) => r.target.endsWith('StartMedicalTranscriptionJob'));

beforeAll(async () => {
  s3 = await startLocalS3();
  transcribe = await startFakeTranscribe(
    {},
    { test: 'test' },
    {
      s3: { put: (b, k, body) => s3.put(b, k, body), exists: (b, k) => s3.exists(b, k) },
      transcript: () => transcript,
    },
  );
  proxy = await startRecordingProxy(s3.url);
  // The CLI's S3 requests go through a recording proxy (fauxqs ignores encryption headers; the proxy sees them).
  env = awsTestEnv({ transcribe: transcribe.url, s3: proxy.url });
  dir = mkdtempSync(join(tmpdir(), 'scribekit-transcribe-'));
  for (const bucket of ['audio-in', 'notes-out', 'media-store']) s3.createBucket(bucket);
});

afterAll(async () => {
  await Promise.all([transcribe?.close(), s3?.stop(), proxy?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.requests.length = 0;
  transcribe.resetRunning();
  transcribe.startErrors.length = 0;
  transcribe.startedSteps = ['COMPLETED'];
});

describe('scribekit transcribe (subprocess, env-only configuration)', () => {
  const audio = wav();
  const doneWhen = [
    'transcribe',
    'visit.wav',
    '--media-bucket',
    'audio-in',
    '--output-bucket',
    'notes-out',
    '--type',
    'dictation',
    '--specialty',
    'PRIMARYCARE',
    '--phi',
    '--to',
    'docx,fhir-json',
    '--subject',
    'Patient/123',
  ];

  it('runs the Done-when command: upload, start with exactly the settings given, wait, fetch, convert', async () => {
    const cwd = workdir('done-when', { 'visit.wav': audio });
    const before = transcribe.started.length;
    const r = await cli(doneWhen, cwd);
    expect(r.stderr).toMatch(/^transcribed 1 of 1 input into 2 files in [\d.]+ s$/m);
    expect(r.code).toBe(0);

    // One job, named from the file and a hash, asked for exactly these settings (nothing spelled out by default).
    expect(transcribe.started.length).toBe(before + 1);
    const request = transcribe.started.at(-1)!;
    const name = String(request.MedicalTranscriptionJobName);
    expect(name).toMatch(/^visit-[0-9a-f]{16}$/);
    const mediaKey = `visit-${sha256(audio).slice(0, 16)}.wav`;
    expect(request).toEqual({
      MedicalTranscriptionJobName: name,
      LanguageCode: 'en-US',
      MediaFormat: 'wav',
      Media: { MediaFileUri: `s3://audio-in/${mediaKey}` },
      OutputBucketName: 'notes-out',
      ContentIdentificationType: 'PHI',
      Specialty: 'PRIMARYCARE',
      Type: 'DICTATION',
      Tags: [{ Key: 'scribekit:subject', Value: 'Patient/123' }],
    });
    // Every Transcribe request was SigV4-signed with the environment's credentials (the fake checks).
    expect(transcribe.requests.every((q) => q.authorization.includes('Credential=test/'))).toBe(true);

    // The audio object holds the very bytes, checksummed, encrypted at rest, with its SHA-256 for re-runs.
    const object = await s3.get('audio-in', mediaKey);
    expect(object).not.toBeNull();
    expect(Buffer.from(object!.body)).toEqual(audio);
    expect(object!.head.Metadata?.['scribekit-sha256']).toBe(sha256(audio));
    expect(object!.head.ContentType).toBe('audio/wav');
    expect(object!.head.ChecksumSHA256).toBe(createHash('sha256').update(audio).digest('base64'));

    // The transcript Transcribe wrote was fetched and converted, with the subject and the job's settings.
    expect(await s3.exists('notes-out', `medical/${name}.json`)).toBe(true);
    const fhir = JSON.parse(readFileSync(join(cwd, 'visit.fhir.json'), 'utf8'));
    expect(fhir.subject.reference).toBe('Patient/123');
    // The job's description reached the note (type and specialty come from GetMedicalTranscriptionJob).
    expect(fhir.text.div).toContain('dictation, primarycare');
    // Uploaded privately: one PUT, SSE-S3, a SHA-256 checksum; no ACL that could make it public.
    const puts = writesTo('audio-in');
    expect(puts.map((p) => p.method)).toEqual(['PUT']);
    expect(puts[0]!.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(puts[0]!.headers['x-amz-acl']).toBeUndefined();
    expect(puts[0]!.headers['x-amz-checksum-sha256'] ?? puts[0]!.headers['x-amz-trailer']).toBeDefined();
    expect(readFileSync(join(cwd, 'visit.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reuses the job (and the upload) when run again on the same audio; --new starts a fresh one', async () => {
    const cwd = workdir('rerun', { 'visit.wav': audio });
    const first = await cli([...doneWhen, '-o', 'first'], cwd);
    expect(first.code).toBe(0);
    const started = transcribe.started.length;
    const again = await cli([...doneWhen, '-o', 'again'], cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/visit\.wav: reusing job visit-[0-9a-f]{16} \(started by an earlier run\)/);
    expect(again.stderr).not.toContain('uploaded to');
    expect(transcribe.started.length).toBe(started);
    expect(writesTo('audio-in')).toEqual([]);
    const note = (d: string) => {
      const { date: _date, ...rest } = JSON.parse(readFileSync(join(cwd, d, 'visit.fhir.json'), 'utf8'));
      return rest;
    };
    expect(note('again')).toEqual(note('first'));

    const fresh = await cli([...doneWhen, '-o', 'fresh', '--new'], cwd);
    expect(fresh.code).toBe(0);
    expect(transcribe.started.length).toBe(started + 1);
    const freshName = String(transcribe.started.at(-1)!.MedicalTranscriptionJobName);
    expect(freshName).toMatch(/^visit-[0-9a-f]{16}-[0-9a-z]+$/);
    expect(fresh.stderr).toContain(`started job ${freshName}`);
  });

  it('names a different job when the settings change', async () => {
    const cwd = workdir('settings', { 'visit.wav': audio });
    const base = [
      'transcribe',
      'visit.wav',
      '--media-bucket',
      'audio-in',
      '--output-bucket',
      'notes-out',
      '--no-wait',
    ];
    const a = await cli([...base, '--type', 'dictation'], cwd);
    const b = await cli([...base, '--type', 'conversation', '--speakers', '2'], cwd);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout.trim()).not.toBe(b.stdout.trim());
    expect(transcribe.started.at(-1)).toMatchObject({
      Type: 'CONVERSATION',
      Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2 },
    });
  });

  it('--no-wait prints the job names; a later fetch finds the job and reads its subject tag', async () => {
    const cwd = workdir('no-wait', { 'note.wav': wav({ seconds: 0.1 }) });
    transcribe.startedSteps = ['QUEUED', 'IN_PROGRESS', 'COMPLETED'];
    const r = await cli(
      [
        'transcribe',
        'note.wav',
        '--media-bucket',
        'audio-in',
        '--media-prefix',
        'audio/2026',
        '--output-bucket',
        'notes-out',
        '--output-key',
        'notes/',
        '--type',
        'dictation',
        '--subject',
        'Patient/77',
        '--encounter',
        'Encounter/5',
        '--tag',
        'clinic=north',
        '--vocabulary',
        'cardio-terms',
        '--alternatives',
        '3',
        '--kms-key',
        'arn:aws:kms:us-east-1:000000000000:key/test',
        '--no-wait',
      ],
      cwd,
    );
    expect(r.code).toBe(0);
    const name = r.stdout.trim();
    expect(name).toMatch(/^note-[0-9a-f]{16}$/);
    expect(r.stderr).toMatch(/^started 1 of 1 job in [\d.]+ s$/m);
    const request = transcribe.started.at(-1)!;
    expect(request).toEqual({
      MedicalTranscriptionJobName: name,
      LanguageCode: 'en-US',
      MediaFormat: 'wav',
      Media: {
        MediaFileUri: expect.stringMatching(/^s3:\/\/audio-in\/audio\/2026\/note-[0-9a-f]{16}\.wav$/),
      },
      OutputBucketName: 'notes-out',
      OutputKey: 'notes/',
      OutputEncryptionKMSKeyId: 'arn:aws:kms:us-east-1:000000000000:key/test',
      Settings: { ShowAlternatives: true, MaxAlternatives: 3, VocabularyName: 'cardio-terms' },
      Specialty: 'PRIMARYCARE',
      Type: 'DICTATION',
      Tags: [
        { Key: 'scribekit:subject', Value: 'Patient/77' },
        { Key: 'scribekit:encounter', Value: 'Encounter/5' },
        { Key: 'clinic', Value: 'north' },
      ],
    });
    const key = String((request.Media as { MediaFileUri: string }).MediaFileUri).slice(
      's3://audio-in/'.length,
    );
    const object = await s3.get('audio-in', key);
    expect(object).not.toBeNull();
    const put = writesTo('audio-in').find((r) => r.method === 'PUT');
    expect(put?.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(put?.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe(
      'arn:aws:kms:us-east-1:000000000000:key/test',
    );

    const fetched = await cli(['fetch', name, '--wait', '--poll-interval', '20ms', '--to', 'fhir-json'], cwd);
    expect(fetched.code).toBe(0);
    const fhir = JSON.parse(readFileSync(join(cwd, `${name}.fhir.json`), 'utf8'));
    expect(fhir.subject.reference).toBe('Patient/77');
    expect(fhir.context?.encounter?.[0]?.reference ?? JSON.stringify(fhir)).toContain('Encounter/5');
    expect(await s3.exists('notes-out', `notes/${name}.json`)).toBe(true);
  });

  it('starts jobs for s3:// media already in a bucket, without uploading', async () => {
    await s3.put('media-store', 'clinic/visit-7.wav', wav({ channels: 2 }));
    const cwd = workdir('remote');
    const r = await cli(
      [
        'transcribe',
        's3://media-store/clinic/visit-7.wav',
        '--output-bucket',
        'notes-out',
        '--type',
        'conversation',
      ],
      cwd,
      {},
    );
    expect(r.code).toBe(0);
    expect(transcribe.started.at(-1)).toMatchObject({
      Media: { MediaFileUri: 's3://media-store/clinic/visit-7.wav' },
      Type: 'CONVERSATION',
    });
    expect(transcribe.started.at(-1)).not.toHaveProperty('Settings');
    expect(existsSync(join(cwd, 'visit-7.json'))).toBe(true);
    expect(existsSync(join(cwd, 'visit-7.job.json'))).toBe(true);

    const missing = await cli(
      [
        'transcribe',
        's3://media-store/clinic/none.wav',
        '--output-bucket',
        'notes-out',
        '--type',
        'dictation',
      ],
      cwd,
    );
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('s3://media-store/clinic/none.wav');
  });

  it('checks the media before any upload: sample rate, header, extension, channels', async () => {
    const cwd = workdir('checks', {
      'low.wav': wav({ rate: 8000 }),
      'fake.wav': Buffer.from('not audio at all, just text'),
      'notes.txt': Buffer.from('text'),
      'mono.wav': wav({ channels: 1 }),
    });
    const base = ['--media-bucket', 'audio-in', '--output-bucket', 'notes-out', '--type', 'conversation'];
    const starts = startRequests().length;
    const low = await cli(['transcribe', 'low.wav', ...base], cwd);
    expect(low.code).toBe(3);
    expect(low.stderr).toContain(
      'low.wav: The audio has a sample rate of 8000 Hz; Transcribe Medical takes 16000–48000 Hz',
    );
    const fake = await cli(['transcribe', 'fake.wav', ...base], cwd);
    expect(fake.code).toBe(3);
    expect(fake.stderr).toContain('fake.wav: Not a WAV file');
    const txt = await cli(['transcribe', 'notes.txt', ...base], cwd);
    expect(txt.code).toBe(3);
    expect(txt.stderr).toContain('`.txt` is not a media format');
    const mono = await cli(['transcribe', 'mono.wav', ...base, '--channels'], cwd);
    expect(mono.code).toBe(3);
    expect(mono.stderr).toContain('--channels (channel identification) needs two-channel audio');
    expect(startRequests().length).toBe(starts);
    const keys = await listKeys('audio-in');
    expect(keys.some((k) => /^(low|fake|mono|notes)-/.test(k))).toBe(false);
  });

  it('refuses contradictory or missing settings as usage errors (exit 2)', async () => {
    const cwd = workdir('usage', { 'a.wav': audio });
    const noType = await cli(
      ['transcribe', 'a.wav', '--media-bucket', 'audio-in', '--output-bucket', 'notes-out'],
      cwd,
    );
    expect(noType.code).toBe(2);
    expect(noType.stderr).toContain('--type is required');
    const noOut = await cli(
      ['transcribe', 'a.wav', '--media-bucket', 'audio-in', '--type', 'dictation'],
      cwd,
    );
    expect(noOut.code).toBe(2);
    const both = await cli(
      [
        'transcribe',
        'a.wav',
        '--media-bucket',
        'audio-in',
        '--output-bucket',
        'notes-out',
        '--type',
        'conversation',
      ].concat(['--speakers', '2', '--channels']),
      cwd,
    );
    expect(both.code).toBe(2);
    const noMedia = await cli(
      ['transcribe', 'a.wav', '--output-bucket', 'notes-out', '--type', 'dictation'],
      cwd,
    );
    expect(noMedia.code).toBe(2);
    expect(noMedia.stderr).toContain('--media-bucket');
  });

  it('reports a FAILED job with its FailureReason (exit 4)', async () => {
    const cwd = workdir('failed', { 'broken.wav': wav({ seconds: 0.05 }) });
    transcribe.startedSteps = [
      { status: 'FAILED', reason: 'The media format provided does not match the detected media format' },
    ];
    const r = await cli(
      [
        'transcribe',
        'broken.wav',
        '--media-bucket',
        'audio-in',
        '--output-bucket',
        'notes-out',
        '--type',
        'dictation',
      ],
      cwd,
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/FAILED: The media format provided does not match the detected media format/);
  });

  it('waits out LimitExceededException and throttling; names the permission on AccessDenied', async () => {
    const cwd = workdir('quota', { 'q1.wav': wav({ seconds: 0.11 }), 'q2.wav': wav({ seconds: 0.12 }) });
    const base = [
      '--media-bucket',
      'audio-in',
      '--output-bucket',
      'notes-out',
      '--type',
      'dictation',
      '--no-wait',
    ];
    // Three LimitExceeded answers use up the SDK's three attempts; scribekit waits and starts again.
    transcribe.startErrors.push(
      { error: 'LimitExceededException' },
      { error: 'LimitExceededException' },
      { error: 'LimitExceededException' },
      { error: 'ThrottlingException' },
    );
    const before = startRequests().length;
    const r = await cli(['transcribe', 'q1.wav', ...base, '--poll-interval', '20ms'], cwd);
    expect(r.code).toBe(0);
    expect(startRequests().length - before).toBe(5);
    expect(r.stdout.trim()).toMatch(/^q1-[0-9a-f]{16}$/);

    transcribe.startErrors.push({ error: 'AccessDeniedException', message: 'not authorized' });
    const denied = await cli(['transcribe', 'q2.wav', ...base], cwd);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain('the caller needs transcribe:StartMedicalTranscriptionJob');
    expect(denied.stderr).toContain('transcribe:TagResource');
  });

  it('transcribes a batch with a bounded number of jobs in flight and the convert-style summary', async () => {
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 5; i++) files[`b${i}.wav`] = wav({ seconds: 0.05 + i / 100 });
    files['bad.wav'] = wav({ rate: 96_000 });
    const cwd = workdir('batch', files);
    transcribe.startedSteps = ['IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED'];
    const r = await cli(
      [
        'transcribe',
        ...Object.keys(files),
        '--media-bucket',
        'audio-in',
        '--output-bucket',
        'notes-out',
        '--type',
        'dictation',
      ].concat(['--max-jobs', '2', '--poll-interval', '20ms', '--to', 'txt', '-o', 'notes', '--json']),
      cwd,
    );
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ total: 6, ok: 5, failed: 1 });
    expect(summary.items.find((i: { input: string }) => i.input === 'bad.wav').error.code).toBe('E_INPUT');
    expect(summary.items[0].job).toMatch(/^b0-[0-9a-f]{16}$/);
    for (let i = 0; i < 5; i++) expect(existsSync(join(cwd, `notes/b${i}.txt`))).toBe(true);
    // Five jobs, each running for three polls: the bound is reached and never passed.
    expect(transcribe.maxRunning).toBe(2);
  });

  it('uploads large audio in parts (multipart), byte for byte', async () => {
    const big = wav({ bytes: 17 * 1024 * 1024 });
    const cwd = workdir('multipart', { 'long.wav': big });
    const r = await cli(
      [
        'transcribe',
        'long.wav',
        '--media-bucket',
        'audio-in',
        '--output-bucket',
        'notes-out',
        '--type',
        'dictation',
        '--no-wait',
      ],
      cwd,
    );
    expect(r.code).toBe(0);
    const key = `long-${sha256(big).slice(0, 16)}.wav`;
    const object = await s3.get('audio-in', key);
    expect(object!.body.byteLength).toBe(big.length);
    expect(sha256(object!.body)).toBe(sha256(big));
    expect(object!.head.Metadata?.['scribekit-sha256']).toBe(sha256(big));
    // A multipart upload: create, three SHA-256-checksummed parts, complete.
    const writes = writesTo('audio-in');
    expect(writes.filter((w) => w.url.includes('?uploads')).length).toBe(1);
    const parts = writes.filter((w) => w.method === 'PUT' && w.url.includes('partNumber='));
    expect(parts.length).toBe(3);
    for (const p of parts)
      expect(p.headers['x-amz-checksum-sha256'] ?? p.headers['x-amz-trailer']).toBeDefined();
    expect(writes[0]!.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(object!.head.ChecksumSHA256).toMatch(/-3$/);
  });
});

describe('the start call (real SDK client against the local endpoint)', () => {
  const client = () =>
    new TranscribeClient({
      endpoint: transcribe.url,
      region: 'us-east-1',
      credentials: testCredentials,
      maxAttempts: 1,
    });
  const settings = { type: 'DICTATION', specialty: 'PRIMARYCARE', language: 'en-US', format: 'wav' } as const;

  it('reuses a job on ConflictException', async () => {
    const api = startApi(client(), { StartMedicalTranscriptionJobCommand });
    const input = startJobInput('conflict-1', 's3://in/a.wav', settings, { bucket: 'out' });
    expect(await startMedicalJob(api, input)).toEqual({ reused: false });
    expect(await startMedicalJob(api, input)).toEqual({ reused: true });
  });

  it('turns the service validation errors into FetchErrors that quote the service', async () => {
    const api = startApi(client(), { StartMedicalTranscriptionJobCommand });
    const input = {
      ...startJobInput('bad-lang', 's3://in/a.wav', settings, { bucket: 'out' }),
      LanguageCode: 'en-GB' as 'en-US',
    };
    await expect(startMedicalJob(api, input)).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringContaining('BadRequestException (HTTP 400): The language code must be en-US'),
    });
    const both = startJobInput(
      'bad-settings',
      's3://in/a.wav',
      { ...settings, speakers: 2, channels: true },
      { bucket: 'out' },
    );
    await expect(startMedicalJob(api, both)).rejects.toMatchObject({
      message: expect.stringContaining("can't use ShowSpeakerLabels and ChannelIdentification"),
    });
  });

  it('gives up on a full quota after a bounded number of waits, naming --max-jobs', async () => {
    const api = startApi(client(), { StartMedicalTranscriptionJobCommand });
    for (let i = 0; i < 3; i++) transcribe.startErrors.push({ error: 'LimitExceededException' });
    const waits: number[] = [];
    const input = startJobInput('quota-1', 's3://in/a.wav', settings, { bucket: 'out' });
    await expect(
      startMedicalJob(api, input, { attempts: 3, intervalMs: 100, sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toMatchObject({ code: 'E_FETCH', message: expect.stringContaining('lower --max-jobs') });
    expect(waits).toEqual([100, 200]);
  });
});

async function listKeys(bucket: string): Promise<string[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const out = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (out.Contents ?? []).map((c) => c.Key ?? '');
}

interface RecordingProxy {
  readonly url: string;
  readonly requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** An HTTP proxy on 127.0.0.1 in front of the S3 stand-in that records each request's method, URL and headers. */
async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: RecordingProxy['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const up = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The proxy's PUT/POST requests to a bucket (uploads), as `METHOD path`. */
function writesTo(bucket: string) {
  return proxy.requests.filter(
    (r) => r.method !== 'GET' && r.method !== 'HEAD' && r.url.startsWith(`/${bucket}/`),
  );
}
