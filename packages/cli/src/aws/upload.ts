// Media in S3: a HEAD (does the object exist, with which checksum), and the upload of a local file —
// streamed, one PUT for small files and a multipart upload for large ones (@aws-sdk/lib-storage), each
// part checksummed (SHA-256, checked by S3), encrypted at rest, never public. The SDK is imported on first use.
import { createReadStream } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { toFetchError } from './aws-errors.js';
import { type AwsConfig, common } from './clients.js';

/** User metadata key holding the whole file's SHA-256 (hex), so a re-run can skip the upload. */
export const SHA256_METADATA = 'scribekit-sha256';

/** Parts of 8 MiB (S3's minimum is 5 MiB); files up to one part go up in a single PUT. */
export const PART_BYTES = 8 * 1024 * 1024;

export interface MediaObject {
  readonly bucket: string;
  readonly key: string;
}

export interface MediaHead {
  readonly size: number | undefined;
  readonly etag: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface MediaUpload extends MediaObject {
  readonly path: string;
  readonly sha256: string;
  readonly contentType: string;
  /** SSE-KMS with this key; otherwise SSE-S3 (AES256). */
  readonly kmsKeyId?: string | undefined;
}

/** The S3 calls `transcribe` makes for media (errors are FetchErrors naming the permission). */
export interface MediaStore {
  /** The object's size, ETag and metadata, or null when it does not exist (or is not visible: 403). */
  head(object: MediaObject): Promise<MediaHead | null>;
  upload(upload: MediaUpload, options?: { signal?: AbortSignal | undefined }): Promise<void>;
}

const uri = (o: MediaObject) => `s3://${o.bucket}/${o.key}`;

/** A MediaStore over one S3 client in the SDK chain's region (Transcribe reads media in its own region). */
export async function createMediaStore(config: AwsConfig = {}, partBytes = PART_BYTES): Promise<MediaStore> {
  const sdk = await import('@aws-sdk/client-s3');
  const { Upload } = await import('@aws-sdk/lib-storage');
  const client: S3Client = new sdk.S3Client({
    ...common(config),
    followRegionRedirects: true,
    ...(config.endpointUrl ? { forcePathStyle: true } : {}),
  });
  return {
    async head(object) {
      try {
        const out = await client.send(new sdk.HeadObjectCommand({ Bucket: object.bucket, Key: object.key }));
        return { size: out.ContentLength, etag: out.ETag, metadata: out.Metadata ?? {} };
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode;
        if (e.name === 'NotFound' || e.name === 'NoSuchKey' || status === 404 || status === 403) return null;
        throw toFetchError(error, 'HeadObject', uri(object));
      }
    },
    async upload(upload, options = {}) {
      const abortController = new AbortController();
      const onAbort = () => abortController.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const task = new Upload({
          client,
          partSize: partBytes,
          queueSize: 4,
          // A failed multipart upload is aborted, so no orphaned parts are billed.
          leavePartsOnError: false,
          abortController,
          params: {
            Bucket: upload.bucket,
            Key: upload.key,
            Body: createReadStream(upload.path),
            ContentType: upload.contentType,
            ChecksumAlgorithm: 'SHA256',
            Metadata: { [SHA256_METADATA]: upload.sha256 },
            ...(upload.kmsKeyId
              ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: upload.kmsKeyId }
              : { ServerSideEncryption: 'AES256' }),
          },
        });
        await task.done();
      } catch (error) {
        if (options.signal?.aborted) throw new DOMException('The batch was interrupted', 'AbortError');
        throw toFetchError(error, 'PutObject', uri(upload));
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
