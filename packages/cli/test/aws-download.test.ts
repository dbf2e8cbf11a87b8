// Download verification and retries with aws-sdk-client-mock (the branching: which ETags are MD5s, when a
// download is retried, what is never retried).
import { createHash } from 'node:crypto';
import * as sdk from '@aws-sdk/client-s3';
import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { s3Api } from '../src/aws/clients.js';
import { download, IncompleteDownloadError } from '../src/aws/download.js';

const mock = mockClient(S3Client);
const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const api = s3Api(() => client, sdk);
const deps = { s3: async () => api, retryDelayMs: 0 };
const location = { kind: 's3', bucket: 'b', key: 'medical/j.json', region: 'us-east-1' } as const;
const bytes = new TextEncoder().encode('{"jobName":"j","results":{"transcripts":[],"items":[]}}');
const md5 = `"${createHash('md5').update(bytes).digest('hex')}"`;
const body = (b: Uint8Array) =>
  ({ transformToByteArray: async () => b }) as unknown as NonNullable<sdk.GetObjectCommandOutput['Body']>;

afterEach(() => mock.reset());

describe('download from S3', () => {
  it('accepts a body whose MD5 matches its ETag', async () => {
    mock.on(GetObjectCommand).resolves({ Body: body(bytes), ContentLength: bytes.length, ETag: md5 });
    const got = await download(location, deps);
    expect(got).toMatchObject({ attempts: 1, etag: md5 });
    expect(mock.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'b',
      Key: 'medical/j.json',
    });
  });

  it('retries a short body and a corrupt one', async () => {
    const corrupt = Uint8Array.from(bytes, (b, i) => (i === 3 ? b ^ 1 : b));
    mock
      .on(GetObjectCommand)
      .resolvesOnce({ Body: body(bytes.subarray(0, 10)), ContentLength: bytes.length, ETag: md5 })
      .resolvesOnce({
        Body: body(corrupt),
        ContentLength: bytes.length,
        ETag: md5,
        ServerSideEncryption: 'AES256',
      })
      .resolves({ Body: body(bytes), ContentLength: bytes.length, ETag: md5 });
    expect((await download(location, deps)).attempts).toBe(3);
  });

  it('does not treat the ETag of SSE-KMS or multipart objects as an MD5', async () => {
    mock.on(GetObjectCommand).resolves({
      Body: body(bytes),
      ContentLength: bytes.length,
      ETag: '"9b2cf535f27731c974343645a3985328"',
      ServerSideEncryption: 'aws:kms',
    });
    expect((await download(location, deps)).attempts).toBe(1);
    mock.reset();
    mock.on(GetObjectCommand).resolves({ Body: body(bytes), ContentLength: bytes.length, ETag: '"abc-2"' });
    expect((await download(location, deps)).attempts).toBe(1);
  });

  it('gives up on a body that stays incomplete', async () => {
    mock.on(GetObjectCommand).resolves({ Body: body(bytes.subarray(1)), ContentLength: bytes.length });
    const error = await download(location, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteDownloadError);
    expect((error as Error).message).toBe(
      `The download of s3://b/medical/j.json is incomplete: ${bytes.length - 1} of ${bytes.length} bytes (after 3 attempts)`,
    );
  });

  it('does not retry AccessDenied, and names s3:GetObject and kms:Decrypt', async () => {
    mock.on(GetObjectCommand).rejects(
      new S3ServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'Access Denied',
      }),
    );
    await expect(download(location, deps)).rejects.toThrow(
      /^Access denied for GetObject on s3:\/\/b\/medical\/j\.json: the caller needs s3:GetObject .* kms:Decrypt/,
    );
    expect(mock.commandCalls(GetObjectCommand)).toHaveLength(1);
  });
});
