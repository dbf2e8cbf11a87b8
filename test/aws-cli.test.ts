// The CLI as a subprocess (node packages/cli/bin/scribekit.js), configured only through environment variables,
// against the fake Transcribe endpoint and fauxqs. Run `tsc -b` first (the root `test` script does).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import { awsTestEnv, type LocalS3, startLocalS3 } from './support/aws/local-s3.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/scribekit.js', import.meta.url));
const transcript = readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url));
const conversation = readFileSync(
  new URL('fixtures/transcribe/medical-conversation-phi.json', import.meta.url),
);

let transcribe: FakeTranscribe;
let s3: LocalS3;
let env: Record<string, string>;
let dir: string;

const uri = (key: string) => `https://s3.us-east-1.amazonaws.com/example-bucket/${key}`;

function cli(args: string[], extraEnv: Record<string, string | undefined> = {}) {
  const merged: Record<string, string> = { ...env };
  for (const [k, v] of Object.entries(extraEnv)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', [bin, ...args], { env: merged, cwd: dir, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  [transcribe, s3] = await Promise.all([startFakeTranscribe(), startLocalS3()]);
  env = awsTestEnv({ transcribe: transcribe.url, s3: s3.url });
  dir = mkdtempSync(join(tmpdir(), 'scribekit-aws-cli-'));
  s3.createBucket('example-bucket');
  await s3.put('example-bucket', 'medical/visit-1.json', transcript);
  await s3.put('example-bucket', 'medical/visit-2.json', conversation);
  await s3.put('example-bucket', 'medical/later.json', transcript);
  transcribe.setJob('visit-1', {
    steps: ['QUEUED', 'IN_PROGRESS', 'COMPLETED'],
    transcriptUri: uri('medical/visit-1.json'),
    creationTime: 1_772_463_845,
  });
  transcribe.setJob('visit-2', {
    steps: ['COMPLETED'],
    transcriptUri: `s3://example-bucket/medical/visit-2.json`,
    type: 'CONVERSATION',
    specialty: 'CARDIOLOGY',
    creationTime: 1_772_463_900,
  });
  transcribe.setJob('old-visit', {
    steps: ['COMPLETED'],
    transcriptUri: uri('medical/visit-1.json'),
    creationTime: 1_700_000_000,
  });
  transcribe.setJob('broken-audio', {
    steps: ['IN_PROGRESS', { status: 'FAILED', reason: 'Unsupported audio format' }],
    creationTime: 1_772_463_000,
  });
});

afterAll(async () => {
  await Promise.all([transcribe?.close(), s3?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('scribekit fetch (subprocess, env-only configuration)', () => {
  it('waits for a job and saves the raw transcript and the job description', async () => {
    const out = join(dir, 'raw');
    const r = await cli(['fetch', 'visit-1', '--wait', '--poll-interval', '20ms', '-o', out]);
    expect(r.stderr).toContain('visit-1: QUEUED, waiting…');
    expect(r.stderr).toMatch(/visit-1: IN_PROGRESS after [\d.]+ s, waiting…/);
    expect(r.stderr).toMatch(/^fetched 1 of 1 input into 2 files in [\d.]+ s$/m);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'visit-1.json'))).toEqual(transcript);
    expect(statSync(join(out, 'visit-1.json')).mode & 0o777).toBe(0o600);
    const job = JSON.parse(readFileSync(join(out, 'visit-1.job.json'), 'utf8'));
    expect(job).toMatchObject({
      MedicalTranscriptionJobName: 'visit-1',
      Specialty: 'PRIMARYCARE',
      Type: 'DICTATION',
    });
    // A later convert of the saved transcript reads the job description beside it.
    const model = await cli(['convert', join(out, 'visit-1.json'), '--to', 'json']);
    expect(model.code).toBe(0);
    expect(JSON.parse(model.stdout).metadata).toMatchObject({ specialty: 'PRIMARYCARE', type: 'DICTATION' });
  });

  it('reads export options from --config, flags still winning', async () => {
    const out = join(dir, 'configured');
    const config = join(dir, 'fetch-config.json');
    writeFileSync(
      config,
      JSON.stringify({ subject: 'Patient/from-config', speakerNames: { spk_0: 'Dr. Config' } }),
    );
    const r = await cli(['fetch', 'visit-2', '--to', 'fhir-json,vtt', '--config', config, '-o', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'visit-2.fhir.json'), 'utf8')).subject.reference).toBe(
      'Patient/from-config',
    );
    expect(readFileSync(join(out, 'visit-2.vtt'), 'utf8')).toContain('<v Dr. Config>');
    const flag = await cli([
      'fetch',
      'visit-2',
      '--to',
      'fhir-json',
      '--config',
      config,
      '--subject',
      'Patient/9',
      '-o',
      `${out}-flag`,
    ]);
    expect(flag.code).toBe(0);
    expect(JSON.parse(readFileSync(join(`${out}-flag`, 'visit-2.fhir.json'), 'utf8')).subject.reference).toBe(
      'Patient/9',
    );
  }, 30_000);

  it('converts with the job metadata (FHIR note, DOCX front matter)', async () => {
    const out = join(dir, 'converted');
    const r = await cli([
      'fetch',
      'visit-2',
      '--to',
      'fhir-json,docx,txt',
      '--subject',
      'Patient/123',
      '-o',
      out,
    ]);
    expect(r.stderr).toMatch(/^fetched 1 of 1 input into 3 files in [\d.]+ s\n$/);
    expect(r.code).toBe(0);
    const fhir = readFileSync(join(out, 'visit-2.fhir.json'), 'utf8');
    expect(fhir).toContain('Patient/123');
    expect(fhir).toMatch(/conversation, cardiology/);
    expect(existsSync(join(out, 'visit-2.docx'))).toBe(true);
    expect(existsSync(join(out, 'visit-2.txt'))).toBe(true);
  }, 30_000);

  it('reports a FAILED job with its reason and exit code 4', async () => {
    const r = await cli(['fetch', 'broken-audio', '--wait', '--poll-interval', '20ms', '-q']);
    expect(r.stderr).toBe('error: Job `broken-audio` FAILED: Unsupported audio format\n');
    expect(r.code).toBe(4);
  });

  it('fails fast on an unknown job, even with --wait', async () => {
    const r = await cli(['fetch', 'no-such-job', '--wait', '-q']);
    expect(r.stderr).toMatch(/^error: No medical transcription job named `no-such-job`/);
    expect(r.code).toBe(4);
  });

  it('an unfinished job without --wait says how to wait', async () => {
    transcribe.setJob('running', { steps: ['IN_PROGRESS'] });
    const r = await cli(['fetch', 'running', '-q']);
    expect(r.stderr).toBe(
      'error: Job `running` is IN_PROGRESS, not finished — add `--wait` to wait for it\n',
    );
    expect(r.code).toBe(4);
  });

  it('gives up at --timeout', async () => {
    transcribe.setJob('forever', { steps: ['IN_PROGRESS'] });
    const r = await cli([
      'fetch',
      'forever',
      '--wait',
      '--timeout',
      '300ms',
      '--poll-interval',
      '50ms',
      '-q',
    ]);
    expect(r.stderr).toMatch(/^error: Gave up waiting for job `forever` after 0.3 s/);
    expect(r.code).toBe(4);
  });

  it('fetches --all --since in a batch with a JSON summary', async () => {
    const out = join(dir, 'batch');
    const r = await cli(['fetch', '--all', '--since', '2026-03-01', '--to', 'srt', '-o', out, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ total: 2, ok: 2, failed: 0, files: 2 });
    expect(summary.items.map((i: { input: string }) => i.input).sort()).toEqual(['visit-1', 'visit-2']);
    expect(existsSync(join(out, 'visit-1.srt'))).toBe(true);
  });

  it('explains a missing region and missing credentials', async () => {
    const noRegion = await cli(['fetch', 'visit-1', '-q'], { AWS_REGION: undefined });
    expect(noRegion.stderr).toMatch(/^error: No AWS region: pass `--region`/);
    expect(noRegion.code).toBe(4);
    const noKeys = await cli(['jobs'], { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(noKeys.stderr).toMatch(/^error: No AWS credentials found/);
    expect(noKeys.code).toBe(4);
  });

  it('--profile uses that profile only (env keys are not used) and says so when it has no credentials', async () => {
    const r = await cli(['jobs', '--profile', 'no-such-profile']);
    // (The SDK itself warns first that both a profile and AWS_ACCESS_KEY_ID are set.)
    expect(r.stderr).toMatch(/^error: No AWS credentials found/m);
    expect(r.code).toBe(4);
  });

  it('AWS_DEFAULT_REGION is honoured as a fallback (the JS SDK ignores it)', async () => {
    const r = await cli(['jobs', '--name-contains', 'visit-2'], {
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('visit-2');
  });
});

describe('scribekit jobs (subprocess)', () => {
  it('lists jobs as a table and as JSON', async () => {
    const table = await cli(['jobs', '--status', 'COMPLETED']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+CREATED\s+SPECIALTY\s+TYPE$/);
    expect(table.stdout).toMatch(/visit-2\s+COMPLETED\s+2026-03-02 15:05:00Z\s+CARDIOLOGY\s+CONVERSATION/);
    const json = await cli(['jobs', '--json', '--name-contains', 'visit']);
    expect(JSON.parse(json.stdout).map((j: { name: string }) => j.name)).toEqual([
      'visit-2',
      'visit-1',
      'old-visit',
    ]);
  });
});

describe('scribekit convert with S3 and URL inputs (subprocess)', () => {
  it('reads s3://, S3 https (percent-encoded) and presigned URLs, naming outputs after the object', async () => {
    const { startFileServer } = await import('./support/aws/local-s3.js');
    const files = await startFileServer();
    try {
      await s3.put('example-bucket', 'in/visit 4.json', transcript);
      files.serve('/signed/visit-5.json', transcript, ['truncate']);
      const out = join(dir, 'remote-convert');
      const r = await cli([
        'convert',
        's3://example-bucket/medical/visit-2.json',
        'https://example-bucket.s3.us-east-1.amazonaws.com/in/visit%204.json',
        `${files.url}/signed/visit-5.json?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=deadbeef`,
        '--to',
        'srt',
        '-o',
        out,
        '--json',
        '--jobs',
        '2',
      ]);
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.items.map((i: { input: string; outputs: string[] }) => [i.input, i.outputs])).toEqual([
        ['s3://example-bucket/medical/visit-2.json', ['remote-convert/visit-2.srt']],
        [
          'https://example-bucket.s3.us-east-1.amazonaws.com/in/visit%204.json',
          ['remote-convert/visit_4.srt'],
        ],
        [`${files.url}/signed/visit-5.json`, ['remote-convert/visit-5.srt']],
      ]);
      expect(r.stdout).not.toContain('deadbeef');
      expect(files.hits('/signed/visit-5.json')).toBe(2); // the truncated download was retried
    } finally {
      await files.close();
    }
  });

  it('a missing S3 object is a fetch error (exit 4)', async () => {
    const r = await cli(['convert', 's3://example-bucket/medical/nope.json', '--to', 'srt', '-q']);
    expect(r.stderr).toBe('error: No such object: s3://example-bucket/medical/nope.json\n');
    expect(r.code).toBe(4);
  });
});
