// Control flow of get/wait/list with aws-sdk-client-mock (no HTTP, no retries: the point is the branching).

import type { TranscriptionJobStatus } from '@aws-sdk/client-transcribe';
import * as sdk from '@aws-sdk/client-transcribe';
import {
  GetMedicalTranscriptionJobCommand,
  ListMedicalTranscriptionJobsCommand,
  NotFoundException,
  TranscribeClient,
} from '@aws-sdk/client-transcribe';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { transcribeApi } from '../src/aws/clients.js';
import {
  getCompletedJob,
  JobFailedError,
  JobNotFinishedError,
  listJobs,
} from '../src/aws/transcribe-jobs.js';

const mock = mockClient(TranscribeClient);
const api = () => transcribeApi(new TranscribeClient({ region: 'us-east-1' }), sdk);
const job = (status: TranscriptionJobStatus, extra: Record<string, unknown> = {}) => ({
  MedicalTranscriptionJob: { MedicalTranscriptionJobName: 'j', TranscriptionJobStatus: status, ...extra },
});

/** A fake clock: sleeping advances it. */
function clock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

afterEach(() => mock.reset());

describe('getCompletedJob', () => {
  it('polls QUEUED → IN_PROGRESS → COMPLETED with growing intervals and reports each status', async () => {
    mock
      .on(GetMedicalTranscriptionJobCommand)
      .resolvesOnce(job('QUEUED'))
      .resolvesOnce(job('IN_PROGRESS'))
      .resolves(job('COMPLETED', { Transcript: { TranscriptFileUri: 's3://b/j.json' } }));
    const c = clock();
    const seen: string[] = [];
    const result = await getCompletedJob(api(), 'j', {
      wait: true,
      intervalMs: 1000,
      now: c.now,
      sleep: c.sleep,
      onPoll: (status, elapsed) => seen.push(`${status}@${elapsed}`),
    });
    expect(result.Transcript?.TranscriptFileUri).toBe('s3://b/j.json');
    expect(seen).toEqual(['QUEUED@0', 'IN_PROGRESS@1000', 'COMPLETED@2500']);
    expect(c.sleeps).toEqual([1000, 1500]);
    expect(mock.commandCalls(GetMedicalTranscriptionJobCommand)[0]!.args[0].input).toEqual({
      MedicalTranscriptionJobName: 'j',
    });
  });

  it('fails fast on an unknown job, even with --wait (the SDK waiter would retry it)', async () => {
    mock
      .on(GetMedicalTranscriptionJobCommand)
      .rejects(new NotFoundException({ message: 'nope', $metadata: {} }));
    const c = clock();
    await expect(getCompletedJob(api(), 'j', { wait: true, now: c.now, sleep: c.sleep })).rejects.toThrow(
      /^No medical transcription job named `j`/,
    );
    expect(mock.calls()).toHaveLength(1);
  });

  it('surfaces FailureReason for a FAILED job', async () => {
    mock
      .on(GetMedicalTranscriptionJobCommand)
      .resolves(job('FAILED', { FailureReason: 'Unsupported audio format' }));
    const error = await getCompletedJob(api(), 'j').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).message).toBe('Job `j` FAILED: Unsupported audio format');
  });

  it('without --wait, an unfinished job is an error that says how to wait', async () => {
    mock.on(GetMedicalTranscriptionJobCommand).resolves(job('IN_PROGRESS'));
    await expect(getCompletedJob(api(), 'j')).rejects.toThrow(
      'Job `j` is IN_PROGRESS, not finished — add `--wait` to wait for it',
    );
  });

  it('gives up at the timeout', async () => {
    mock.on(GetMedicalTranscriptionJobCommand).resolves(job('IN_PROGRESS'));
    const c = clock();
    const error = await getCompletedJob(api(), 'j', {
      wait: true,
      timeoutMs: 10_000,
      intervalMs: 2000,
      now: c.now,
      sleep: c.sleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobNotFinishedError);
    expect((error as Error).message).toBe(
      'Gave up waiting for job `j` after 10 s (last status IN_PROGRESS); raise --timeout to wait longer',
    );
    expect(c.sleeps).toEqual([2000, 3000, 4500]);
  });
});

describe('listJobs', () => {
  it('asks for 100 a page, follows NextToken, and stops at the first job older than --since', async () => {
    mock
      .on(ListMedicalTranscriptionJobsCommand)
      .resolvesOnce({
        MedicalTranscriptionJobSummaries: [
          { MedicalTranscriptionJobName: 'a', CreationTime: new Date('2026-03-05T00:00:00Z') },
          { MedicalTranscriptionJobName: 'b', CreationTime: new Date('2026-03-04T00:00:00Z') },
        ],
        NextToken: 't1',
      })
      .resolvesOnce({
        MedicalTranscriptionJobSummaries: [
          { MedicalTranscriptionJobName: 'c', CreationTime: new Date('2026-03-01T00:00:00Z') },
          { MedicalTranscriptionJobName: 'd', CreationTime: new Date('2026-02-27T00:00:00Z') },
          { MedicalTranscriptionJobName: 'e', CreationTime: new Date('2026-02-01T00:00:00Z') },
        ],
        NextToken: 't2',
      })
      .resolves({ MedicalTranscriptionJobSummaries: [{ MedicalTranscriptionJobName: 'never' }] });
    const names: string[] = [];
    for await (const j of listJobs(api(), {
      status: 'COMPLETED',
      nameContains: 'x',
      since: new Date('2026-03-01T00:00:00Z'),
    })) {
      names.push(j.MedicalTranscriptionJobName!);
    }
    expect(names).toEqual(['a', 'b', 'c']);
    const inputs = mock.commandCalls(ListMedicalTranscriptionJobsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { MaxResults: 100, Status: 'COMPLETED', JobNameContains: 'x' },
      { MaxResults: 100, Status: 'COMPLETED', JobNameContains: 'x', NextToken: 't1' },
    ]);
  });

  it('stops at the limit', async () => {
    mock.on(ListMedicalTranscriptionJobsCommand).resolves({
      MedicalTranscriptionJobSummaries: [
        { MedicalTranscriptionJobName: 'a' },
        { MedicalTranscriptionJobName: 'b' },
      ],
      NextToken: 'more',
    });
    const names: string[] = [];
    for await (const j of listJobs(api(), { limit: 1 })) names.push(j.MedicalTranscriptionJobName!);
    expect(names).toEqual(['a']);
  });
});
