// Downloads a transcript from S3 (GetObject) or a URL (plain GET), checks that it arrived whole
// (Content-Length, and the MD5 ETag of single-part uploads) and retries a broken download.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { FetchError } from '@scribekit/core';
import type { S3Api } from './clients.js';
import { formatLocation, type Location } from './s3-uri.js';
import { sleep } from './sleep.js';

export interface DownloadDeps {
  /** Needed for S3 locations only (created lazily by the caller). */
  readonly s3?: (() => Promise<S3Api>) | undefined;
  readonly fetch?: typeof fetch | undefined;
  /** Downloads tried before giving up on an incomplete one (default 3). */
  readonly attempts?: number | undefined;
  /** Milliseconds to wait before each retry (default 200 × attempt). */
  readonly retryDelayMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface Downloaded {
  readonly data: Uint8Array;
  /** The object's ETag (quoted, as S3 sends it), when known. */
  readonly etag: string | undefined;
  /** How many downloads it took. */
  readonly attempts: number;
}

/** Thrown for a download that arrived incomplete or corrupt; retried by `download`. */
export class IncompleteDownloadError extends FetchError {
  override name = 'IncompleteDownloadError';
}

/** Reads a location; S3 and URL downloads are verified and retried. */
export async function download(location: Location, deps: DownloadDeps = {}): Promise<Downloaded> {
  if (location.kind === 'file') {
    try {
      return { data: await readFile(location.path), etag: undefined, attempts: 1 };
    } catch (error) {
      throw new FetchError(
        `Cannot read ${location.path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        {
          cause: error,
        },
      );
    }
  }
  const attempts = Math.max(1, deps.attempts ?? 3);
  const where = formatLocation(location);
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const got =
        location.kind === 's3' ? await fromS3(location, deps) : await fromUrl(location.url, where, deps);
      verify(got, where);
      return { data: got.body, etag: got.etag, attempts: attempt };
    } catch (error) {
      last = error;
      if (!isRetryable(error) || attempt === attempts) break;
      await sleep((deps.retryDelayMs ?? 200) * attempt, deps.signal);
    }
  }
  if (last instanceof IncompleteDownloadError) {
    throw new IncompleteDownloadError(`${last.message} (after ${attempts} attempts)`, {
      cause: last.cause ?? last,
    });
  }
  throw last instanceof FetchError ? last : new FetchError(`Download of ${where} failed`, { cause: last });
}

interface Got {
  body: Uint8Array;
  contentLength: number | undefined;
  etag: string | undefined;
  /** False when the ETag is known not to be the MD5 of the bytes (SSE-KMS, SSE-C, content-encoding). */
  etagIsMd5: boolean;
}

async function fromS3(location: Location & { kind: 's3' }, deps: DownloadDeps): Promise<Got> {
  if (!deps.s3) throw new FetchError(`No S3 client to read ${formatLocation(location)}`);
  const s3 = await deps.s3();
  try {
    const got = await s3.getObject(location);
    const sse = got.serverSideEncryption;
    return { ...got, etagIsMd5: !sse || sse === 'AES256' };
  } catch (error) {
    // A connection cut mid-body surfaces as a plain error from the stream, not an SDK error.
    if (error instanceof FetchError && isBrokenStream(error.cause)) {
      throw new IncompleteDownloadError(`The download of ${formatLocation(location)} broke off`, {
        cause: error,
      });
    }
    throw error;
  }
}

async function fromUrl(url: string, where: string, deps: DownloadDeps): Promise<Got> {
  const doFetch = deps.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { redirect: 'follow', ...(deps.signal ? { signal: deps.signal } : {}) });
  } catch (error) {
    throw new IncompleteDownloadError(`Cannot reach ${where}: ${errorText(error)}`, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const hint =
      response.status === 403
        ? ' (a presigned URL may have expired — Transcribe service-bucket URLs last 15 minutes; fetch the job again — and a private S3 object needs `s3://` or its https URL without a signature, read with your credentials)'
        : '';
    const error = new FetchError(`GET ${where} returned HTTP ${response.status}${hint}`);
    if (response.status >= 500 || response.status === 429) throw new IncompleteDownloadError(error.message);
    throw error;
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new IncompleteDownloadError(`The download of ${where} broke off`, { cause: error });
  }
  const length = response.headers.get('content-length');
  // fetch decodes gzip/br; Content-Length then counts the encoded bytes.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  // An SSE-KMS (or SSE-C) object's ETag is not the MD5 of its bytes.
  const sse = response.headers.get('x-amz-server-side-encryption');
  const opaqueEtag =
    encoded ||
    (sse !== null && sse !== 'AES256') ||
    response.headers.has('x-amz-server-side-encryption-customer-algorithm');
  return {
    body,
    contentLength: length !== null && !encoded ? Number(length) : undefined,
    etag: response.headers.get('etag') ?? undefined,
    etagIsMd5: !opaqueEtag,
  };
}

function verify(got: Got, where: string): void {
  if (got.contentLength !== undefined && got.body.byteLength !== got.contentLength) {
    throw new IncompleteDownloadError(
      `The download of ${where} is incomplete: ${got.body.byteLength} of ${got.contentLength} bytes`,
    );
  }
  const md5 = got.etagIsMd5 ? simpleEtag(got.etag) : null;
  if (md5) {
    const actual = createHash('md5').update(got.body).digest('hex');
    if (actual !== md5) {
      throw new IncompleteDownloadError(
        `The download of ${where} does not match its ETag (corrupt download)`,
      );
    }
  }
}

/** The MD5 hex an ETag stands for, when it is one (not multipart `…-N`, not weak, not SSE-KMS-looking). */
export function simpleEtag(etag: string | undefined): string | null {
  if (!etag) return null;
  const m = /^"?([0-9a-f]{32})"?$/i.exec(etag.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function isRetryable(error: unknown): boolean {
  return error instanceof IncompleteDownloadError;
}

function isBrokenStream(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string } | undefined;
  return (
    !!e &&
    (e.code === 'ECONNRESET' ||
      e.code === 'UND_ERR_SOCKET' ||
      e.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
      /aborted|premature|terminated|socket hang up/i.test(e.message ?? ''))
  );
}

function errorText(error: unknown): string {
  const e = error as { cause?: { code?: string }; message?: string };
  return e.cause?.code ?? e.message ?? String(error);
}
