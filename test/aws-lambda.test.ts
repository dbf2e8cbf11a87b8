// The Lambda handler with real-shaped S3 ObjectCreated events, the real S3 client against fauxqs, and the
// fake Transcribe endpoint for job metadata: conversion, redelivery, non-transcript objects, failures.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import {
  configFromEnv,
  createHandler,
  type LambdaConfig,
  normalizePrefix,
  outputKey,
  PermanentFailuresError,
  type S3Event,
} from '@scribekit/cli/lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Api, createTranscribeApi, type S3Api } from '../packages/cli/src/aws/clients.js';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import { awsTestEnv, type LocalS3, startLocalS3, testCredentials } from './support/aws/local-s3.js';

const transcript = readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url));
/** The fixture transcript, naming itself as job `name` (as Transcribe writes it). */
const transcriptOfJob = (name: string) =>
  Buffer.from(transcript.toString('utf8').replace(/"jobName":\s*"[^"]*"/, `"jobName": "${name}"`));
const jobDescription = readFileSync(
  new URL('fixtures/transcribe/job-description-completed.json', import.meta.url),
);

let s3: LocalS3;
let transcribe: FakeTranscribe;
let api: S3Api;
const logs: Record<string, unknown>[] = [];

/** An S3 event notification as S3 sends it (key URL-encoded, spaces as `+`). */
function s3Event(bucket: string, key: string, eTag: string, eventName = 'ObjectCreated:Put'): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2026-03-02T15:05:06.123Z',
        eventName,
        userIdentity: { principalId: 'AWS:AROAEXAMPLE:transcribe' },
        requestParameters: { sourceIPAddress: '10.0.0.1' },
        responseElements: { 'x-amz-request-id': 'EXAMPLE', 'x-amz-id-2': 'EXAMPLE' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'scribekit-transcripts',
          bucket: { name: bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
          object: {
            key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
            size: 1234,
            eTag: eTag.replace(/"/g, ''),
            sequencer: '0065F1A2B3C4D5E6F7',
          },
        },
      } as S3Event['Records'] extends readonly (infer R)[] | undefined ? R : never,
    ],
  };
}

const config = (over: Partial<LambdaConfig> = {}): LambdaConfig => ({
  ...configFromEnv({
    SCRIBEKIT_FORMATS: 'fhir-json,docx',
    SCRIBEKIT_EXPORT_OPTIONS: '{"subject":"Patient/42"}',
  }),
  ...over,
});

async function metadataOf(bucket: string, key: string) {
  const out = await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  return { metadata: out.Metadata ?? {}, lastModified: out.LastModified, contentType: out.ContentType };
}

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = testCredentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = testCredentials.secretAccessKey;
  [s3, transcribe] = await Promise.all([startLocalS3(), startFakeTranscribe()]);
  s3.createBucket('transcripts');
  s3.createBucket('notes');
  api = await createS3Api({ region: 'us-east-1', endpointUrl: s3.url });
});

afterAll(async () => {
  await Promise.all([s3?.stop(), transcribe?.close()]);
});

describe('Lambda handler (S3 ObjectCreated → outputs)', () => {
  it('converts a transcript next to it, and skips the redelivered event', async () => {
    const etag = await s3.put('transcripts', 'medical/visit 1.json', transcript);
    const handler = createHandler({ config: config(), s3: api, log: (e) => logs.push(e) });
    const first = await handler(s3Event('transcripts', 'medical/visit 1.json', etag));
    expect(first.results).toEqual([
      {
        key: 'medical/visit 1.json',
        outcome: 'written',
        outputs: ['medical/visit 1.fhir.json', 'medical/visit 1.docx'],
      },
    ]);
    const fhir = await metadataOf('transcripts', 'medical/visit 1.fhir.json');
    expect(fhir.metadata).toEqual({
      'scribekit-source': 's3://transcripts/medical/visit 1.json',
      'scribekit-source-etag': etag.replace(/"/g, ''),
    });
    expect(fhir.contentType).toBe('application/fhir+json');

    // S3 delivers at least once: the same event again changes nothing.
    const again = await handler(s3Event('transcripts', 'medical/visit 1.json', etag));
    expect(again.results[0]).toMatchObject({ outcome: 'unchanged' });
    expect((await metadataOf('transcripts', 'medical/visit 1.fhir.json')).lastModified).toEqual(
      fhir.lastModified,
    );
    // The log is one JSON object per record, with keys and outcomes only.
    expect(logs.at(-1)).toEqual({
      level: 'info',
      key: 'medical/visit 1.json',
      outcome: 'unchanged',
      outputs: ['medical/visit 1.fhir.json', 'medical/visit 1.docx'],
    });
  });

  it('converts again when the transcript is replaced (new ETag)', async () => {
    await s3.put('transcripts', 'medical/visit-2.json', transcript);
    const handler = createHandler({ config: config({ formats: ['srt'] }), s3: api, log: () => undefined });
    const etag1 = await s3.put('transcripts', 'medical/visit-2.json', transcript);
    expect((await handler(s3Event('transcripts', 'medical/visit-2.json', etag1))).results[0]!.outcome).toBe(
      'written',
    );
    const changed = Buffer.from(
      transcript.toString('utf8').replace('"jobName"', '"accountId":"1","jobName"'),
    );
    const etag2 = await s3.put('transcripts', 'medical/visit-2.json', changed);
    expect(etag2).not.toBe(etag1);
    expect((await handler(s3Event('transcripts', 'medical/visit-2.json', etag2))).results[0]!.outcome).toBe(
      'written',
    );
    expect((await metadataOf('transcripts', 'medical/visit-2.srt')).metadata['scribekit-source-etag']).toBe(
      etag2.replace(/"/g, ''),
    );
  });

  it('ignores objects that are not transcripts, without failing', async () => {
    const handler = createHandler({ config: config(), s3: api, log: () => undefined });
    await s3.put('transcripts', 'medical/.write_access_check_file.temp', '');
    const jd = await s3.put('transcripts', 'medical/job-description.json', jobDescription);
    const own = await s3.put('transcripts', 'medical/other.fhir.json', '{}');
    const results = [
      ...(
        await handler(
          s3Event(
            'transcripts',
            'medical/.write_access_check_file.temp',
            '"d41d8cd98f00b204e9800998ecf8427e"',
          ),
        )
      ).results,
      ...(await handler(s3Event('transcripts', 'medical/job-description.json', jd))).results,
      ...(await handler(s3Event('transcripts', 'medical/other.fhir.json', own))).results,
      ...(await handler(s3Event('transcripts', 'medical/visit-2.json', 'x', 'ObjectRemoved:Delete'))).results,
    ];
    expect(results).toEqual([
      {
        key: 'medical/.write_access_check_file.temp',
        outcome: 'skipped',
        reason: 'Transcribe’s write-access check file',
      },
      {
        key: 'medical/job-description.json',
        outcome: 'skipped',
        reason: 'not a transcript (job-description)',
      },
      { key: 'medical/other.fhir.json', outcome: 'skipped', reason: 'a scribekit output' },
      { key: 'medical/visit-2.json', outcome: 'skipped', reason: 'event ObjectRemoved:Delete' },
    ]);
  });

  it('writes to a configured bucket and prefix, with job metadata and FHIR references from job tags', async () => {
    transcribe.setJob('visit-3-job', {
      steps: ['COMPLETED'],
      specialty: 'CARDIOLOGY',
      type: 'CONVERSATION',
      tags: { 'scribekit:subject': 'Patient/777', 'scribekit:encounter': 'Encounter/9' },
    });
    // A custom OutputKey file name: the job is found by the name inside the transcript, not the key.
    const etag = await s3.put('transcripts', 'medical/visit-3.json', transcriptOfJob('visit-3-job'));
    const handler = createHandler({
      config: config({
        formats: ['fhir-json'],
        outputBucket: 'notes',
        outputPrefix: 'fhir/',
        jobMetadata: true,
        exportOptions: { ids: 'deterministic' },
      }),
      s3: api,
      transcribe: await createTranscribeApi({
        region: 'us-east-1',
        endpointUrl: transcribe.url,
        maxAttempts: 1,
      }),
      log: () => undefined,
    });
    const result = await handler(s3Event('transcripts', 'medical/visit-3.json', etag));
    expect(result.results).toEqual([
      { key: 'medical/visit-3.json', outcome: 'written', outputs: ['fhir/medical/visit-3.fhir.json'] },
    ]);
    const out = await api.getObject({ bucket: 'notes', key: 'fhir/medical/visit-3.fhir.json' });
    const text = Buffer.from(out.body).toString('utf8');
    expect(text).toContain('Patient/777');
    expect(text).toContain('Encounter/9');
    expect(text).toMatch(/conversation, cardiology/);
  });

  it('converts without job metadata when the job cannot be read, and logs why', async () => {
    const etag = await s3.put('transcripts', 'medical/unknown-job.json', transcriptOfJob('unknown-job'));
    const entries: Record<string, unknown>[] = [];
    const handler = createHandler({
      config: config({ formats: ['txt'], jobMetadata: true }),
      s3: api,
      transcribe: await createTranscribeApi({
        region: 'us-east-1',
        endpointUrl: transcribe.url,
        maxAttempts: 1,
      }),
      log: (e) => entries.push(e),
    });
    const result = await handler(s3Event('transcripts', 'medical/unknown-job.json', etag));
    expect(result.results[0]).toMatchObject({ outcome: 'written' });
    expect(entries[0]).toEqual({
      level: 'warn',
      key: 'medical/unknown-job.json',
      message: expect.stringMatching(
        /^job metadata unavailable: No medical transcription job named `unknown-job`/,
      ),
    });
  });

  it('reports an export that cannot be made (FHIR without a subject) and does not retry it', async () => {
    const etag = await s3.put('transcripts', 'medical/visit-4.json', transcript);
    const handler = createHandler({
      config: config({ exportOptions: {} }),
      s3: api,
      log: (e) => logs.push(e),
    });
    // Permanent: thrown once every record is handled, so the event reaches the failure queue.
    const error = await handler(s3Event('transcripts', 'medical/visit-4.json', etag)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PermanentFailuresError);
    expect((error as Error).message).toBe(
      '1 of 1 record failed permanently: medical/visit-4.json (E_OPTIONS)',
    );
    const result = error as PermanentFailuresError;
    expect(result.results[0]).toMatchObject({
      outcome: 'failed',
      reason: expect.stringMatching(/needs the patient/),
    });
    expect(logs.at(-1)).toMatchObject({ level: 'error', outcome: 'failed' });
    // With `permanentFailures: 'return'` they are only returned.
    const quiet = createHandler({
      config: config({ exportOptions: {} }),
      s3: api,
      log: () => undefined,
      permanentFailures: 'return',
    });
    expect((await quiet(s3Event('transcripts', 'medical/visit-4.json', etag))).results[0]).toMatchObject({
      outcome: 'failed',
    });
  });

  it('accepts the EventBridge form of the event (existing buckets with EventBridge notifications)', async () => {
    const etag = await s3.put('transcripts', 'eb/visit 6.json', transcript);
    const handler = createHandler({ config: config({ formats: ['vtt'] }), s3: api, log: () => undefined });
    const result = await handler({
      version: '0',
      id: '17793124-05d4-b198-2fde-7ededc63b103',
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '111122223333',
      time: '2026-03-02T15:05:06Z',
      region: 'us-east-1',
      resources: ['arn:aws:s3:::transcripts'],
      detail: {
        version: '0',
        bucket: { name: 'transcripts' },
        object: {
          key: 'eb/visit 6.json',
          size: transcript.length,
          etag: etag.replace(/"/g, ''),
          sequencer: '00617F',
        },
        'request-id': 'N4N7GDK58NMKJ12R',
        requester: '123456789012',
        reason: 'PutObject',
      },
    } as Parameters<typeof handler>[0]);
    expect(result.results).toEqual([
      { key: 'eb/visit 6.json', outcome: 'written', outputs: ['eb/visit 6.vtt'] },
    ]);
  });

  it('reports JSON that does not parse as failed (logged, not retried), without its content', async () => {
    const handler = createHandler({ config: config(), s3: api, log: () => undefined });
    const etag = await s3.put(
      'transcripts',
      'medical/broken.json',
      '{"jobName": "secret-words", "results": ',
    );
    const [result] = (
      (await handler(s3Event('transcripts', 'medical/broken.json', etag)).catch(
        (e: unknown) => e,
      )) as PermanentFailuresError
    ).results;
    expect(result).toMatchObject({ key: 'medical/broken.json', outcome: 'failed', code: 'E_JSON' });
    expect(JSON.stringify(result)).not.toContain('secret-words');
  });

  it('throws on S3 errors so that Lambda retries the event', async () => {
    const handler = createHandler({ config: config(), s3: api, log: () => undefined });
    await expect(handler(s3Event('transcripts', 'medical/deleted-meanwhile.json', 'abc'))).rejects.toThrow(
      'No such object: s3://transcripts/medical/deleted-meanwhile.json',
    );
  });

  it('runs from the built package with configuration from the environment only', async () => {
    const etag = await s3.put('transcripts', 'env/visit-5.json', transcript);
    const lambda = fileURLToPath(new URL('../packages/cli/dist/lambda/handler.js', import.meta.url));
    const script = `const { handler } = await import(${JSON.stringify(lambda)});
const r = await handler(JSON.parse(process.env.EVENT));
process.stderr.write(JSON.stringify(r));`;
    const env = {
      ...awsTestEnv({ s3: s3.url }),
      SCRIBEKIT_FORMATS: 'vtt,txt',
      SCRIBEKIT_OUTPUT_PREFIX: 'converted/',
      EVENT: JSON.stringify(s3Event('transcripts', 'env/visit-5.json', etag)),
    };
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(
        'node',
        ['--input-type=module', '-e', script],
        { env, timeout: 30_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(stderr || String(error))) : resolve({ stdout, stderr }),
      ),
    );
    expect(JSON.parse(stderr)).toEqual({
      results: [
        {
          key: 'env/visit-5.json',
          outcome: 'written',
          outputs: ['converted/env/visit-5.vtt', 'converted/env/visit-5.txt'],
        },
      ],
    });
    expect(JSON.parse(stdout.trim())).toMatchObject({ level: 'info', outcome: 'written' });
    // The output prefix is ignored by the handler when events come from it.
    expect(configFromEnv({ SCRIBEKIT_OUTPUT_PREFIX: 'converted/' }).outputPrefix).toBe('converted/');
  });

  it('reads SCRIBEKIT_FORMATS like --to: a list, `all`, the default when unset, unknown names refused', () => {
    expect(configFromEnv({}).formats).toEqual(['fhir-json', 'docx']);
    expect(configFromEnv({ SCRIBEKIT_FORMATS: ' vtt, SRT ,vtt' }).formats).toEqual(['vtt', 'srt']);
    expect(configFromEnv({ SCRIBEKIT_FORMATS: 'all' }).formats.length).toBeGreaterThanOrEqual(8);
    expect(() => configFromEnv({ SCRIBEKIT_FORMATS: 'srt,pdf' })).toThrow(/Unknown format `pdf`/);
  });
});

describe('Lambda trust: one output key per source, paired HealthScribe files, bad events and settings', () => {
  const hsTranscript = readFileSync(
    new URL('fixtures/healthscribe/visit-streaming-transcript.json', import.meta.url),
  );
  const hsSummary = readFileSync(new URL('fixtures/healthscribe/visit-summary.json', import.meta.url));

  it('two patients’ `visit.json` in two folders get two sets of outputs under the prefix (no overwrite)', async () => {
    const handler = createHandler({
      config: config({ formats: ['txt'], outputPrefix: normalizePrefix('scribekit') }),
      s3: api,
      log: () => undefined,
    });
    const a = await s3.put('transcripts', 'medical/clinic1/visit.json', transcriptOfJob('clinic1-visit'));
    const b = await s3.put('transcripts', 'medical/clinic2/visit.json', transcriptOfJob('clinic2-visit'));
    const ra = await handler(s3Event('transcripts', 'medical/clinic1/visit.json', a));
    const rb = await handler(s3Event('transcripts', 'medical/clinic2/visit.json', b));
    expect(ra.results[0]).toMatchObject({ outputs: ['scribekit/medical/clinic1/visit.txt'] });
    expect(rb.results[0]).toMatchObject({ outputs: ['scribekit/medical/clinic2/visit.txt'] });
    const meta1 = await metadataOf('transcripts', 'scribekit/medical/clinic1/visit.txt');
    const meta2 = await metadataOf('transcripts', 'scribekit/medical/clinic2/visit.txt');
    expect(meta1.metadata['scribekit-source']).toBe('s3://transcripts/medical/clinic1/visit.json');
    expect(meta2.metadata['scribekit-source']).toBe('s3://transcripts/medical/clinic2/visit.json');
  });

  it('normalises the output prefix (a missing `/` never writes outside its folder) and refuses `..`', () => {
    expect(configFromEnv({ SCRIBEKIT_OUTPUT_PREFIX: 'scribekit' }).outputPrefix).toBe('scribekit/');
    expect(configFromEnv({ SCRIBEKIT_OUTPUT_PREFIX: '/a//b/' }).outputPrefix).toBe('a/b/');
    expect(outputKey('medical/c1/visit.json', 'fhir-json', 'scribekit/')).toBe(
      'scribekit/medical/c1/visit.fhir.json',
    );
    expect(() => configFromEnv({ SCRIBEKIT_OUTPUT_PREFIX: 'a/../b' })).toThrow(/SCRIBEKIT_OUTPUT_PREFIX/);
  });

  it('pairs a HealthScribe transcript.json with its summary.json; summary.json alone is never converted', async () => {
    const handler = createHandler({ config: config({ formats: ['md'] }), s3: api, log: () => undefined });
    // The summary arrives first: nothing to convert yet.
    const se = await s3.put('transcripts', 'hs/job-1/summary.json', hsSummary);
    const early = await handler(s3Event('transcripts', 'hs/job-1/summary.json', se));
    expect(early.results[0]).toMatchObject({ outcome: 'skipped' });
    expect(await api.headObject({ bucket: 'transcripts', key: 'hs/job-1/summary.md' })).toBeNull();
    // The transcript: converted with the summary beside it, named for the transcript.
    const te = await s3.put('transcripts', 'hs/job-1/transcript.json', hsTranscript);
    const done = await handler(s3Event('transcripts', 'hs/job-1/transcript.json', te));
    expect(done.results[0]).toMatchObject({ outcome: 'written', outputs: ['hs/job-1/transcript.md'] });
    const md = Buffer.from(
      (await api.getObject({ bucket: 'transcripts', key: 'hs/job-1/transcript.md' })).body,
    ).toString('utf8');
    expect(md).toMatch(/summary/i);
    // A second HealthScribe job's transcript.json in its own folder gets its own outputs.
    const te2 = await s3.put('transcripts', 'hs/job-2/transcript.json', hsTranscript);
    const other = await handler(s3Event('transcripts', 'hs/job-2/transcript.json', te2));
    expect(other.results[0]).toMatchObject({ outputs: ['hs/job-2/transcript.md'] });
    // The summary's own event (redelivered, or arriving last) finds the pair's outputs current.
    const late = await handler(s3Event('transcripts', 'hs/job-1/summary.json', se));
    expect(late.results[0]).toMatchObject({ outcome: 'unchanged', outputs: ['hs/job-1/transcript.md'] });
  });

  it('malformed events become failed outcomes, never exceptions, and good records still convert', async () => {
    const handler = createHandler({ config: config({ formats: ['txt'] }), s3: api, log: () => undefined });
    for (const event of [null, 42, 'x', [], {}, { Records: 'no' }, { source: 'aws.s3', detail: {} }]) {
      const { results } = (await handler(event).catch((e: unknown) => e)) as PermanentFailuresError;
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ outcome: 'failed', code: 'E_EVENT' });
    }
    const etag = await s3.put('transcripts', 'medical/mixed.json', transcript);
    const good = s3Event('transcripts', 'medical/mixed.json', etag).Records![0]!;
    const { results } = (await handler({ Records: [{ s3: { bucket: {} } }, good, null] }).catch(
      (e: unknown) => e,
    )) as PermanentFailuresError;
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'failed', 'written']);
  });

  it('bad SCRIBEKIT_EXPORT_OPTIONS is a typed error naming the variable and the option, not the value', () => {
    const bad = (json: string) => {
      try {
        configFromEnv({ SCRIBEKIT_FORMATS: 'srt', SCRIBEKIT_EXPORT_OPTIONS: json });
      } catch (error) {
        return error as Error & { code?: string };
      }
      throw new Error('accepted');
    };
    expect(bad('{nope').message).toMatch(/^SCRIBEKIT_EXPORT_OPTIONS is not valid JSON/);
    expect(bad('[1]').message).toMatch(/must be a JSON object/);
    const range = bad('{"maxLines": 9}');
    expect(range.code).toBe('E_OPTIONS');
    expect(range.message).toBe('`maxLines` in SCRIBEKIT_EXPORT_OPTIONS must be an integer from 1 to 3');
    expect(bad('{"maxLine": "Jane Doe"}').message).not.toContain('Jane Doe');
    expect(() => configFromEnv({ SCRIBEKIT_DETECT_PHI: 'yes' })).toThrow(/SCRIBEKIT_DETECT_PHI/);
    expect(() => configFromEnv({ SCRIBEKIT_DETECT_PHI: 'comprehend', SCRIBEKIT_PHI_MIN_SCORE: '2' })).toThrow(
      /SCRIBEKIT_PHI_MIN_SCORE/,
    );
  });
});

describe('examples/lambda/template.yaml', () => {
  const template = readFileSync(new URL('../examples/lambda/template.yaml', import.meta.url), 'utf8');
  const source = readFileSync(new URL('../packages/cli/src/lambda/handler.ts', import.meta.url), 'utf8');

  it('sets only variables the handler reads, and points at the built handler', () => {
    const vars = [...template.matchAll(/^\s+(SCRIBEKIT_[A-Z_]+):/gm)].map((m) => m[1]!);
    expect(vars.length).toBeGreaterThan(3);
    for (const v of vars) expect(source, v).toContain(`env.${v}`);
    expect(template).toMatch(/Handler: dist\/lambda\/handler\.handler/);
    expect(
      readFileSync(new URL('../packages/cli/dist/lambda/handler.js', import.meta.url), 'utf8'),
    ).toContain('export const handler');
  });

  it('grants what the handler does', () => {
    for (const action of [
      's3:GetObject',
      's3:PutObject',
      's3:ListBucket',
      'transcribe:GetMedicalTranscriptionJob',
      'comprehendmedical:DetectPHI',
      'kms:Decrypt',
    ]) {
      expect(template).toContain(`'${action}'`);
    }
  });
});

describe('@scribekit/cli/lambda', () => {
  it('exports the handler and its helpers', async () => {
    expect(Object.keys(await import('@scribekit/cli/lambda')).sort()).toEqual([
      'OUTPUT_METADATA',
      'PermanentFailuresError',
      'configFromEnv',
      'createHandler',
      'decodeEventKey',
      'handler',
      'ignoredKey',
      'normalizePrefix',
      'outputKey',
    ]);
  });
});

describe('docs/iam/cli-policy.json', () => {
  it('is valid JSON granting what the CLI calls', () => {
    const policy = JSON.parse(readFileSync(new URL('../docs/iam/cli-policy.json', import.meta.url), 'utf8'));
    const actions = policy.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat());
    expect(actions.sort()).toEqual([
      'comprehendmedical:DetectPHI',
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      's3:PutObject',
      'transcribe:GetMedicalTranscriptionJob',
      'transcribe:ListMedicalTranscriptionJobs',
      'transcribe:StartMedicalTranscriptionJob',
      'transcribe:TagResource',
    ]);
  });
});
