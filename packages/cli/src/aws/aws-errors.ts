// AWS SDK errors → FetchError with a message that says what to do (and which permission is missing).
import { FetchError } from '@scribekit/core';

/** The AWS call that failed, for the message and the permission it needs. */
export type AwsAction =
  | 'GetMedicalTranscriptionJob'
  | 'ListMedicalTranscriptionJobs'
  | 'GetObject'
  | 'HeadObject'
  | 'PutObject'
  | 'DetectPHI'
  | 'StartMedicalTranscriptionJob';

const PERMISSION: Record<AwsAction, string> = {
  GetMedicalTranscriptionJob: 'transcribe:GetMedicalTranscriptionJob',
  ListMedicalTranscriptionJobs: 'transcribe:ListMedicalTranscriptionJobs',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  DetectPHI: 'comprehendmedical:DetectPHI',
  StartMedicalTranscriptionJob: 'transcribe:StartMedicalTranscriptionJob',
};

/** What else a call needs besides its own action (the service acts with the caller's permissions). */
const ALSO_NEEDS: Partial<Record<AwsAction, string>> = {
  StartMedicalTranscriptionJob:
    'transcribe:TagResource when the job is tagged, s3:GetObject on the media, s3:PutObject on the output bucket, and kms:Encrypt / kms:GenerateDataKey on --kms-key',
};

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** The error's name/code and HTTP status, whatever shape the SDK gave it. */
export function sdkErrorInfo(error: unknown): { name: string; status: number | undefined; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorLike;
  return {
    name: e.name ?? e.code ?? 'Error',
    status: e.$metadata?.httpStatusCode,
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}

/** True for Transcribe's "no such job" (NotFoundException, or BadRequestException "…couldn't be found"). */
export function isJobNotFound(error: unknown): boolean {
  const { name, message } = sdkErrorInfo(error);
  if (name === 'NotFoundException') return true;
  return (
    name === 'BadRequestException' &&
    /(?:could ?n['’]?o?t|cannot|can not) be found|not found|does not exist/i.test(message)
  );
}

/** True when credentials could not be found by the default chain (or a profile). */
function isMissingCredentials(name: string, message: string): boolean {
  return (
    name === 'CredentialsProviderError' ||
    /could not load credentials|credential is missing|unable to (?:load|find) credentials|profile .* (?:could not be found|not found)/i.test(
      message,
    )
  );
}

/**
 * Wraps an SDK error as a FetchError whose message names the action, the resource and the fix.
 * `resource` is a job name or an `s3://` location (never transcript content); `kms` adds kms:Decrypt to
 * the AccessDenied hint for S3 reads.
 */
export function toFetchError(error: unknown, action: AwsAction, resource: string): FetchError {
  if (error instanceof FetchError) return error;
  const { name, status, message } = sdkErrorInfo(error);
  const options = { cause: error };
  if (/region is missing/i.test(message)) {
    return new FetchError(
      'No AWS region: pass `--region`, set AWS_REGION, or set `region` in your AWS profile',
      options,
    );
  }
  if (isMissingCredentials(name, message)) {
    return new FetchError(
      'No AWS credentials found: run `aws configure` or `aws sso login`, pass `--profile`, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
      options,
    );
  }
  if (
    name === 'UnrecognizedClientException' ||
    name === 'InvalidClientTokenId' ||
    name === 'InvalidAccessKeyId' ||
    name === 'InvalidSignatureException' ||
    name === 'SignatureDoesNotMatch' ||
    name === 'ExpiredToken' ||
    name === 'ExpiredTokenException'
  ) {
    return new FetchError(
      `AWS rejected the credentials (${name}) for ${action} on ${resource}: check the access key, secret and session token, or refresh an SSO session with \`aws sso login\``,
      options,
    );
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'Forbidden' || status === 403) {
    const needs =
      action === 'GetObject' || action === 'HeadObject'
        ? `${PERMISSION[action]} on ${resource} (and kms:Decrypt on the key if the output is SSE-KMS encrypted; without s3:ListBucket a missing object is also reported as AccessDenied)`
        : `${PERMISSION[action]}${action === 'PutObject' ? ` on ${resource} (and kms:GenerateDataKey if the bucket uses SSE-KMS)` : ''}${ALSO_NEEDS[action] ? ` (and ${ALSO_NEEDS[action]})` : ''}`;
    return new FetchError(`Access denied for ${action} on ${resource}: the caller needs ${needs}`, options);
  }
  if (action === 'GetMedicalTranscriptionJob' && isJobNotFound(error)) {
    return new FetchError(
      `No medical transcription job named \`${resource}\` in this account and region (check the name, --region and --profile)`,
      options,
    );
  }
  if (
    name === 'NoSuchKey' ||
    name === 'NotFound' ||
    (status === 404 && action !== 'ListMedicalTranscriptionJobs')
  ) {
    return new FetchError(`No such object: ${resource}`, options);
  }
  if (name === 'NoSuchBucket') return new FetchError(`No such bucket for ${resource}`, options);
  if (
    name === 'LimitExceededException' ||
    name === 'ThrottlingException' ||
    name === 'TooManyRequestsException' ||
    name === 'SlowDown'
  ) {
    return new FetchError(
      `AWS kept throttling ${action} on ${resource} (${name}) after retrying; try again later, lower --concurrency, or raise AWS_MAX_ATTEMPTS`,
      options,
    );
  }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchError(`${action} on ${resource} timed out`, options);
  }
  const where = status ? ` (HTTP ${status})` : '';
  return new FetchError(`${action} on ${resource} failed: ${name}${where}: ${oneLine(message)}`, options);
}

function oneLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
