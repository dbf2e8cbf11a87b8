// StartMedicalTranscriptionJob: the request made from the settings asked for (and nothing else), and the start
// itself — a name that already exists is the job of an earlier run (ConflictException → reuse), and the
// concurrent-job quota (LimitExceededException, after the SDK's own retries) is waited out a bounded number of times.

import type { StartMedicalTranscriptionJobCommandInput, TranscribeClient } from '@aws-sdk/client-transcribe';
import { FetchError } from '@scribekit/core';
import { sdkErrorInfo, toFetchError } from './aws-errors.js';
import { type AwsConfig, common } from './clients.js';
import type { MediaFormat } from './media-check.js';
import { sleep as abortableSleep } from './sleep.js';

/** The Specialty values StartMedicalTranscriptionJob takes (batch jobs: PRIMARYCARE only). */
export const SPECIALTIES = ['PRIMARYCARE'] as const;
/** The LanguageCode values it takes (en-US only). */
export const MEDICAL_LANGUAGES = ['en-US'] as const;
export const JOB_TYPES = ['DICTATION', 'CONVERSATION'] as const;
/** MaxSpeakerLabels and MaxAlternatives ranges. */
export const SPEAKER_RANGE = { min: 2, max: 30 } as const;
export const ALTERNATIVE_RANGE = { min: 2, max: 10 } as const;

/** What Transcribe should listen for: these settings change the transcript (and so the job's name). */
export interface MedicalJobSettings {
  readonly type: (typeof JOB_TYPES)[number];
  readonly specialty: (typeof SPECIALTIES)[number];
  readonly language: (typeof MEDICAL_LANGUAGES)[number];
  readonly format?: MediaFormat | undefined;
  /** Speaker partitioning with at most this many speakers. */
  readonly speakers?: number | undefined;
  /** Channel identification (two-channel audio). */
  readonly channels?: boolean | undefined;
  /** Alternative transcriptions, at most this many. */
  readonly alternatives?: number | undefined;
  /** ContentIdentificationType PHI. */
  readonly phi?: boolean | undefined;
  /** A custom medical vocabulary's name. */
  readonly vocabulary?: string | undefined;
}

/** Where the transcript goes and how the job is labelled: these do not change the transcript. */
export interface MedicalJobOutput {
  readonly bucket: string;
  readonly key?: string | undefined;
  readonly kmsKeyId?: string | undefined;
  readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** The request: exactly the settings given (no defaults spelled out, so the service's own apply). */
export function startJobInput(
  name: string,
  mediaUri: string,
  settings: MedicalJobSettings,
  output: MedicalJobOutput,
): StartMedicalTranscriptionJobCommandInput {
  const s: NonNullable<StartMedicalTranscriptionJobCommandInput['Settings']> = {};
  if (settings.speakers !== undefined) {
    s.ShowSpeakerLabels = true;
    s.MaxSpeakerLabels = settings.speakers;
  }
  if (settings.channels) s.ChannelIdentification = true;
  if (settings.alternatives !== undefined) {
    s.ShowAlternatives = true;
    s.MaxAlternatives = settings.alternatives;
  }
  if (settings.vocabulary) s.VocabularyName = settings.vocabulary;
  const tags = Object.entries(output.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return {
    MedicalTranscriptionJobName: name,
    LanguageCode: settings.language,
    ...(settings.format ? { MediaFormat: settings.format } : {}),
    Media: { MediaFileUri: mediaUri },
    OutputBucketName: output.bucket,
    ...(output.key ? { OutputKey: output.key } : {}),
    ...(output.kmsKeyId ? { OutputEncryptionKMSKeyId: output.kmsKeyId } : {}),
    ...(Object.keys(s).length > 0 ? { Settings: s } : {}),
    ...(settings.phi ? { ContentIdentificationType: 'PHI' as const } : {}),
    Specialty: settings.specialty,
    Type: settings.type,
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
}

/** The one call this module makes (errors are the SDK's, classified by `startMedicalJob`). */
export interface StartApi {
  start(input: StartMedicalTranscriptionJobCommandInput, options?: { signal?: AbortSignal }): Promise<void>;
}

/** A StartApi over a new Transcribe client (the SDK is imported on first use). */
export async function createStartApi(config: AwsConfig = {}): Promise<StartApi> {
  const sdk = await import('@aws-sdk/client-transcribe');
  return startApi(new sdk.TranscribeClient(common(config)), sdk);
}

export function startApi(
  client: TranscribeClient,
  sdk: Pick<typeof import('@aws-sdk/client-transcribe'), 'StartMedicalTranscriptionJobCommand'>,
): StartApi {
  return {
    async start(input, options = {}) {
      await client.send(
        new sdk.StartMedicalTranscriptionJobCommand(input),
        options.signal ? { abortSignal: options.signal } : {},
      );
    },
  };
}

export interface StartOptions {
  /** Starts tried while the concurrent-job quota is full (default 6). */
  readonly attempts?: number | undefined;
  /** First wait after a LimitExceededException (default 5 s), doubling up to 60 s. */
  readonly intervalMs?: number | undefined;
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Starts the job; `reused` when a job of that name exists already (an earlier run's). */
export async function startMedicalJob(
  api: StartApi,
  input: StartMedicalTranscriptionJobCommandInput,
  options: StartOptions = {},
): Promise<{ readonly reused: boolean }> {
  const name = input.MedicalTranscriptionJobName ?? '';
  const attempts = Math.max(1, options.attempts ?? 6);
  const sleep = options.sleep ?? abortableSleep;
  let interval = options.intervalMs ?? 5_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await api.start(input, options.signal ? { signal: options.signal } : {});
      return { reused: false };
    } catch (error) {
      const { name: kind } = sdkErrorInfo(error);
      if (kind === 'ConflictException') return { reused: true };
      if (kind === 'LimitExceededException' && !options.signal?.aborted) {
        if (attempt >= attempts) {
          throw new FetchError(
            `StartMedicalTranscriptionJob for \`${name}\` kept failing with LimitExceededException (the account's concurrent medical job quota is full, or the media is too long); lower --max-jobs, wait for running jobs, or ask AWS for a higher quota`,
            { cause: error },
          );
        }
        await sleep(interval, options.signal);
        interval = Math.min(60_000, interval * 2);
        continue;
      }
      throw toFetchError(error, 'StartMedicalTranscriptionJob', name);
    }
  }
}
