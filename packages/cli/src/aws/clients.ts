// The AWS SDK clients, imported lazily (so `scribekit --help` never loads the SDK), configured from
// --profile/--region/--endpoint-url on top of the SDK's own chain (env, ~/.aws/config, AWS_ENDPOINT_URL_*).

import type { S3Client } from '@aws-sdk/client-s3';
import type {
  ListMedicalTranscriptionJobsCommandInput,
  MedicalTranscriptionJob,
  MedicalTranscriptionJobSummary,
  TranscribeClient,
} from '@aws-sdk/client-transcribe';
import { toFetchError } from './aws-errors.js';

/** AWS settings from flags; anything unset falls back to the SDK's default chain. */
export interface AwsConfig {
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  /** One endpoint for both services (tests, VPC endpoints); AWS_ENDPOINT_URL_<SERVICE> work as well. */
  readonly endpointUrl?: string | undefined;
  /** Attempts per request including the first (SDK default 3, or AWS_MAX_ATTEMPTS). */
  readonly maxAttempts?: number | undefined;
  /** Milliseconds one HTTP request may take before it is abandoned (and retried). */
  readonly requestTimeoutMs?: number | undefined;
}

/** An S3 object address. */
export interface S3Address {
  readonly bucket: string;
  readonly key: string;
  readonly region?: string | undefined;
}

export interface S3Body {
  readonly body: Uint8Array;
  /** Content-Length the server announced. */
  readonly contentLength: number | undefined;
  readonly etag: string | undefined;
  /** `AES256`, `aws:kms`, `aws:kms:dsse`, or undefined. An SSE-KMS object's ETag is not its MD5. */
  readonly serverSideEncryption: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface JobPage {
  readonly summaries: readonly MedicalTranscriptionJobSummary[];
  readonly nextToken: string | undefined;
}

/** The Transcribe calls scribekit makes (errors are FetchErrors). */
export interface TranscribeApi {
  getMedicalTranscriptionJob(
    name: string,
    options?: { signal?: AbortSignal },
  ): Promise<MedicalTranscriptionJob>;
  listMedicalTranscriptionJobs(input: ListMedicalTranscriptionJobsCommandInput): Promise<JobPage>;
}

/** The S3 calls scribekit makes (errors are FetchErrors). */
export interface S3Api {
  getObject(address: S3Address): Promise<S3Body>;
  /** ETag and user metadata of an object, or null when it does not exist (or is not visible: 403). */
  headObject(
    address: S3Address,
  ): Promise<{ etag: string | undefined; metadata: Record<string, string> } | null>;
  putObject(
    address: S3Address,
    body: Uint8Array | string,
    options: { contentType: string; metadata?: Record<string, string>; kmsKeyId?: string | undefined },
  ): Promise<void>;
}

export type { MedicalTranscriptionJob, MedicalTranscriptionJobSummary };

/** Client settings shared by every AWS SDK client scribekit creates. */
export function common(config: AwsConfig): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (config.region) options.region = config.region;
  if (config.profile) options.profile = config.profile;
  if (config.endpointUrl) options.endpoint = config.endpointUrl;
  if (config.maxAttempts) options.maxAttempts = config.maxAttempts;
  if (config.requestTimeoutMs) {
    options.requestHandler = {
      requestTimeout: config.requestTimeoutMs,
      connectionTimeout: config.requestTimeoutMs,
      throwOnRequestTimeout: true,
    };
  }
  return options;
}

/** A Transcribe client (the SDK module is imported on first use). */
export async function createTranscribeApi(config: AwsConfig = {}): Promise<TranscribeApi> {
  const sdk = await import('@aws-sdk/client-transcribe');
  const client: TranscribeClient = new sdk.TranscribeClient(common(config));
  return transcribeApi(client, sdk);
}

/** Wraps an existing TranscribeClient (tests with aws-sdk-client-mock, or a caller's own client). */
export function transcribeApi(
  client: TranscribeClient,
  sdk: Pick<
    typeof import('@aws-sdk/client-transcribe'),
    'GetMedicalTranscriptionJobCommand' | 'ListMedicalTranscriptionJobsCommand'
  >,
): TranscribeApi {
  return {
    async getMedicalTranscriptionJob(name, options = {}) {
      try {
        const out = await client.send(
          new sdk.GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: name }),
          options.signal ? { abortSignal: options.signal } : {},
        );
        if (!out.MedicalTranscriptionJob) throw new Error('The response has no MedicalTranscriptionJob');
        return out.MedicalTranscriptionJob;
      } catch (error) {
        throw toFetchError(error, 'GetMedicalTranscriptionJob', name);
      }
    },
    async listMedicalTranscriptionJobs(input) {
      try {
        const out = await client.send(new sdk.ListMedicalTranscriptionJobsCommand(input));
        return { summaries: out.MedicalTranscriptionJobSummaries ?? [], nextToken: out.NextToken };
      } catch (error) {
        throw toFetchError(error, 'ListMedicalTranscriptionJobs', 'this account');
      }
    },
  };
}

/**
 * An S3 client per region (the SDK module is imported on first use). Region: the one the URI names, else
 * --region / the SDK chain, else us-east-1; `followRegionRedirects` corrects a wrong guess.
 */
export async function createS3Api(config: AwsConfig = {}): Promise<S3Api> {
  const sdk = await import('@aws-sdk/client-s3');
  const clients = new Map<string, S3Client>();
  const base = common(config);
  const fallback = await defaultRegion(base, sdk);
  const clientFor = (region: string | undefined): S3Client => {
    const r = region ?? (config.region || fallback);
    let client = clients.get(r);
    if (!client) {
      client = new sdk.S3Client({
        ...base,
        region: r,
        followRegionRedirects: true,
        ...(config.endpointUrl ? { forcePathStyle: true } : {}),
      });
      clients.set(r, client);
    }
    return client;
  };
  return s3Api(clientFor, sdk);
}

/** The region the SDK chain resolves (env, profile), or us-east-1 when there is none. */
async function defaultRegion(
  base: Record<string, unknown>,
  sdk: typeof import('@aws-sdk/client-s3'),
): Promise<string> {
  if (typeof base.region === 'string') return base.region;
  try {
    const probe = new sdk.S3Client(base);
    const region = await probe.config.region();
    probe.destroy();
    return region;
  } catch {
    return 'us-east-1';
  }
}

/** Wraps S3 clients (one per region) as an S3Api. */
export function s3Api(
  clientFor: (region: string | undefined) => S3Client,
  sdk: Pick<
    typeof import('@aws-sdk/client-s3'),
    'GetObjectCommand' | 'HeadObjectCommand' | 'PutObjectCommand'
  >,
): S3Api {
  const name = (a: S3Address) => `s3://${a.bucket}/${a.key}`;
  return {
    async getObject(address) {
      try {
        const out = await clientFor(address.region).send(
          new sdk.GetObjectCommand({ Bucket: address.bucket, Key: address.key }),
        );
        const body = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
        return {
          body,
          contentLength: out.ContentLength,
          etag: out.ETag,
          serverSideEncryption: out.SSECustomerAlgorithm ? 'SSE-C' : out.ServerSideEncryption,
          metadata: out.Metadata ?? {},
        };
      } catch (error) {
        throw toFetchError(error, 'GetObject', name(address));
      }
    },
    async headObject(address) {
      try {
        const out = await clientFor(address.region).send(
          new sdk.HeadObjectCommand({ Bucket: address.bucket, Key: address.key }),
        );
        return { etag: out.ETag, metadata: out.Metadata ?? {} };
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        // Without s3:ListBucket a missing object is a 403; either way there is nothing we may read.
        const status = e.$metadata?.httpStatusCode;
        if (e.name === 'NotFound' || e.name === 'NoSuchKey' || status === 404 || status === 403) return null;
        throw toFetchError(error, 'HeadObject', name(address));
      }
    },
    async putObject(address, body, options) {
      try {
        await clientFor(address.region).send(
          new sdk.PutObjectCommand({
            Bucket: address.bucket,
            Key: address.key,
            Body: body,
            ContentLength: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
            ContentType: options.contentType,
            ...(options.metadata ? { Metadata: options.metadata } : {}),
            ...(options.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: options.kmsKeyId } : {}),
          }),
        );
      } catch (error) {
        throw toFetchError(error, 'PutObject', name(address));
      }
    },
  };
}
