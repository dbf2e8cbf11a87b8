// The same export options give the same outputs through `convert`, `fetch` and the Lambda, and one precedence
// holds in all three (issue 13): flags (the Lambda's SCRIBEKIT_EXPORT_OPTIONS) over the config file over a
// job's `scribekit:*` tags. Real SDK clients against the local S3 and the fake Transcribe endpoint.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv, createHandler, type S3Event } from '@scribekit/cli/lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Api, createTranscribeApi } from '../packages/cli/src/aws/clients.js';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import { type LocalS3, startLocalS3, testCredentials } from './support/aws/local-s3.js';
import { cli, tempDir } from './support/cli.js';

const JOB = 'options-precedence';
const transcript = readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url))
  .toString('utf8')
  .replace(/"jobName":\s*"[^"]*"/, `"jobName": "${JOB}"`);
const TAGS = { 'scribekit:subject': 'Patient/from-tag', 'scribekit:encounter': 'Encounter/from-tag' };
/** The shared options, as flags and as data. */
const FLAGS = [
  '--max-lines',
  '1',
  '--max-line-chars',
  '30',
  '--ids',
  'deterministic',
  '--date',
  '2024-05-01T14:35:00Z',
];
const DATA = { maxLines: 1, maxLineChars: 30, ids: 'deterministic', date: '2024-05-01T14:35:00Z' };

let transcribe: FakeTranscribe;
let s3: LocalS3;
let saved = '';
const savedEnv: Record<string, string | undefined> = {};

const subjectOf = (fhir: string) =>
  (JSON.parse(fhir) as { subject?: { reference?: string } }).subject?.reference;
const encounterOf = (fhir: string) =>
  (JSON.parse(fhir) as { context?: { encounter?: { reference?: string }[] } }).context?.encounter?.[0]
    ?.reference;

beforeAll(async () => {
  [transcribe, s3] = await Promise.all([startFakeTranscribe(), startLocalS3()]);
  const env = {
    AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ENDPOINT_URL_TRANSCRIBE: transcribe.url,
    AWS_ENDPOINT_URL_S3: s3.url,
  };
  for (const [k, v] of Object.entries(env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  s3.createBucket('bucket');
  await s3.put('bucket', `medical/${JOB}.json`, Buffer.from(transcript));
  transcribe.setJob(JOB, {
    steps: ['COMPLETED'],
    transcriptUri: `https://s3.us-east-1.amazonaws.com/bucket/medical/${JOB}.json`,
    tags: TAGS,
  });
  // The raw transcript and its job description, as `convert` reads them.
  saved = tempDir('scribekit-prec-raw-');
  const r = await cli(['fetch', JOB, '-o', saved, '-q']);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await Promise.all([transcribe?.close(), s3?.stop()]);
});

/** A working directory, with a config file when `config` is given. */
function workDir(config?: Record<string, unknown>): string {
  const dir = tempDir('scribekit-prec-');
  if (config) writeFileSync(join(dir, 'scribekit.config.json'), JSON.stringify(config));
  return dir;
}

async function viaConvert(extra: string[], config?: Record<string, unknown>) {
  const cwd = workDir(config);
  const r = await cli(
    ['convert', join(saved, `${JOB}.json`), '--to', 'srt,fhir-json', '-o', 'out', ...FLAGS, ...extra],
    {
      cwd,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  return read(join(cwd, 'out'));
}

async function viaFetch(extra: string[], config?: Record<string, unknown>) {
  const cwd = workDir(config);
  const r = await cli(['fetch', JOB, '--to', 'srt,fhir-json', '-o', 'out', '-q', ...FLAGS, ...extra], {
    cwd,
  });
  expect(r.code, r.stderr).toBe(0);
  return read(join(cwd, 'out'));
}

async function viaLambda(options: Record<string, unknown>) {
  const api = await createS3Api({ region: 'us-east-1', endpointUrl: s3.url });
  const prefix = `run-${Math.random().toString(36).slice(2)}/`;
  const handler = createHandler({
    config: {
      ...configFromEnv({
        SCRIBEKIT_FORMATS: 'srt,fhir-json',
        SCRIBEKIT_EXPORT_OPTIONS: JSON.stringify(options),
        SCRIBEKIT_OUTPUT_PREFIX: prefix,
        SCRIBEKIT_JOB_METADATA: 'true',
      }),
    },
    s3: api,
    transcribe: await createTranscribeApi({
      region: 'us-east-1',
      endpointUrl: transcribe.url,
      maxAttempts: 1,
    }),
    log: () => undefined,
  });
  const etag = (await api.headObject({ bucket: 'bucket', key: `medical/${JOB}.json` }))!.etag!;
  const event = {
    Records: [
      {
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        s3: {
          bucket: { name: 'bucket' },
          object: { key: `medical/${JOB}.json`, eTag: etag.replace(/"/g, '') },
        },
      },
    ],
  } as unknown as S3Event;
  const result = await handler(event);
  expect(result.results[0]).toMatchObject({ outcome: 'written' });
  const get = async (ext: string) =>
    Buffer.from(
      (await api.getObject({ bucket: 'bucket', key: `${prefix}medical/${JOB}.${ext}` })).body,
    ).toString('utf8');
  return { srt: await get('srt'), fhir: await get('fhir.json') };
}

function read(dir: string) {
  return {
    srt: readFileSync(join(dir, `${JOB}.srt`), 'utf8'),
    fhir: readFileSync(join(dir, `${JOB}.fhir.json`), 'utf8'),
  };
}

describe('export options through convert, fetch and the Lambda', () => {
  it('the same options give the same outputs; the job tags give what nobody else does', async () => {
    const convert = await viaConvert([]);
    const fetch = await viaFetch([]);
    const lambda = await viaLambda(DATA);
    // One cue line at most 30 characters: the options reached the captions.
    for (const cue of convert.srt.trim().split('\n\n')) {
      const text = cue.split('\n').slice(2);
      expect(text.length).toBe(1);
      expect(text[0]!.length).toBeLessThanOrEqual(30);
    }
    expect(fetch.srt).toBe(convert.srt);
    expect(lambda.srt).toBe(convert.srt);
    for (const out of [convert, fetch, lambda]) {
      expect(subjectOf(out.fhir)).toBe('Patient/from-tag');
      expect(encounterOf(out.fhir)).toBe('Encounter/from-tag');
    }
    // Deterministic ids and the same date: the FHIR resources are the same too.
    expect(fetch.fhir).toBe(convert.fhir);
  });

  it('flags (the Lambda environment) win over the config file, which wins over the job tags', async () => {
    const config = { subject: 'Patient/from-config' };
    for (const via of [viaConvert, viaFetch]) {
      const withConfig = await via([], config);
      expect(subjectOf(withConfig.fhir), via.name).toBe('Patient/from-config');
      expect(encounterOf(withConfig.fhir), via.name).toBe('Encounter/from-tag');
      const withFlag = await via(['--subject', 'Patient/from-flag'], config);
      expect(subjectOf(withFlag.fhir), via.name).toBe('Patient/from-flag');
    }
    const lambda = await viaLambda({ ...DATA, subject: 'Patient/from-env' });
    expect(subjectOf(lambda.fhir)).toBe('Patient/from-env');
    expect(encounterOf(lambda.fhir)).toBe('Encounter/from-tag');
  });

  it('a flag wins over the config file for caption options as well', async () => {
    const fromConfig = await viaConvert([], { maxLines: 2 });
    // FLAGS holds --max-lines 1: the flag wins.
    for (const cue of fromConfig.srt.trim().split('\n\n')) expect(cue.split('\n').length).toBe(3);
  });
});
