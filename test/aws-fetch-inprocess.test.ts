// `scribekit fetch` / `jobs` in-process (through `run`): the terminal spinner, --endpoint-url, Ctrl-C.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import { type LocalS3, startLocalS3, testCredentials } from './support/aws/local-s3.js';
import { cli } from './support/cli.js';

const transcriptUri = 'https://s3.us-east-1.amazonaws.com/bucket/medical/spin.json';
let transcribe: FakeTranscribe;
let s3: LocalS3;
let dir: string;

beforeAll(async () => {
  [transcribe, s3] = await Promise.all([startFakeTranscribe(), startLocalS3()]);
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ENDPOINT_URL_TRANSCRIBE: transcribe.url,
    AWS_ENDPOINT_URL_S3: s3.url,
  });
  s3.createBucket('bucket');
  const { readFileSync } = await import('node:fs');
  await s3.put(
    'bucket',
    'medical/spin.json',
    readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url)),
  );
  dir = mkdtempSync(join(tmpdir(), 'scribekit-aws-inproc-'));
});

afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_TRANSCRIBE;
  delete process.env.AWS_ENDPOINT_URL_S3;
  await Promise.all([transcribe?.close(), s3?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fetch on a terminal', () => {
  it('draws a spinner with the status and elapsed time, and clears it', async () => {
    transcribe.setJob('spin', { steps: ['QUEUED', 'IN_PROGRESS', 'COMPLETED'], transcriptUri });
    const r = await cli(['fetch', 'spin', '--wait', '--poll-interval', '150ms', '-o', join(dir, 'spin')], {
      isTTY: true,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] spin: QUEUED \([\d.]+ s\)/);
    expect(r.stderr).toMatch(/\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] spin: IN_PROGRESS \([\d.]+ s\)/);
    expect(r.stderr).toMatch(/\r\u001b\[2Kfetched 1 of 1 input into 2 files in [\d.]+ s\n$/);
    expect(readdirSync(join(dir, 'spin')).sort()).toEqual(['spin.job.json', 'spin.json']);
  });

  it('stops waiting on Ctrl-C with exit code 130', async () => {
    transcribe.setJob('long', { steps: ['IN_PROGRESS'] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const r = await cli(['fetch', 'long', '--wait', '--poll-interval', '50ms', '-q'], {
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
  });
});

describe('--endpoint-url and usage errors', () => {
  it('--endpoint-url overrides the environment', async () => {
    const previous = process.env.AWS_ENDPOINT_URL_TRANSCRIBE;
    process.env.AWS_ENDPOINT_URL_TRANSCRIBE = 'http://127.0.0.1:9';
    try {
      transcribe.setJob('listed', { steps: ['COMPLETED'] });
      const r = await cli(['jobs', '--endpoint-url', transcribe.url, '--name-contains', 'listed', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).map((j: { name: string }) => j.name)).toEqual(['listed']);
    } finally {
      process.env.AWS_ENDPOINT_URL_TRANSCRIBE = previous;
    }
  });

  it('names or --all, and selection flags only with --all', async () => {
    expect(await cli(['fetch'])).toMatchObject({
      code: 2,
      stderr: 'error: Give one or more job names, or --all\n',
    });
    expect(await cli(['fetch', 'a', '--all'])).toMatchObject({
      code: 2,
      stderr: 'error: Give job names or --all, not both\n',
    });
    expect((await cli(['fetch', 'a', '--since', '7d'])).code).toBe(2);
    expect((await cli(['fetch', 'a', '--timeout', 'soon'])).stderr).toMatch(/expected a duration/);
    expect((await cli(['fetch', 'a', '--to', 'pdf'])).stderr).toMatch(/^error: Unknown format `pdf`/);
  });
});
