// Where a transcript lives: every form of TranscriptFileUri (and what users type) → S3 bucket/key, URL or file.
import { fileURLToPath } from 'node:url';
import { FetchError } from '@scribekit/core';

export type Location =
  /** An S3 object, to be read with GetObject (signed with the caller's credentials). */
  | { readonly kind: 's3'; readonly bucket: string; readonly key: string; readonly region?: string }
  /** A URL that carries its own authorisation (a presigned S3 URL) or any other http(s) URL: plain GET. */
  | { readonly kind: 'url'; readonly url: string; readonly presigned: boolean }
  /** A local file. */
  | { readonly kind: 'file'; readonly path: string };

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** True when the string names a remote location (`s3://`, `http(s)://`), not a local file. */
export function isRemote(input: string): boolean {
  return /^(?:s3|https?):\/\//i.test(input);
}

/**
 * Classifies an input: `s3://bucket/key`; path-style and virtual-hosted S3 https URLs (legacy `s3-REGION`,
 * `s3-external-1`, dualstack, FIPS, GovCloud, China); presigned URLs; other http(s) URLs; `file://` and paths.
 */
export function parseLocation(input: string): Location {
  if (/^s3:\/\//i.test(input)) {
    const rest = input.slice(5);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const key = slash < 0 ? '' : rest.slice(slash + 1);
    if (!bucket || !key) throw new FetchError(`Expected \`s3://BUCKET/KEY\`, got \`${input}\``);
    return { kind: 's3', bucket, key };
  }
  if (/^file:\/\//i.test(input)) return { kind: 'file', path: fileURLToPath(input) };
  if (!/^https?:\/\//i.test(input)) return { kind: 'file', path: input };

  const url = new URL(input);
  const presigned = [...url.searchParams.keys()].some((k) =>
    /^(?:x-amz-signature|x-amz-credential|signature|awsaccesskeyid)$/i.test(k),
  );
  const endpoint = presigned || url.protocol !== 'https:' ? null : s3Endpoint(url.hostname);
  if (!endpoint) return { kind: 'url', url: url.href, presigned };

  const segments = url.pathname.split('/').slice(1).map(decodeSegment);
  let bucket = endpoint.bucket;
  if (bucket === undefined) bucket = segments.shift();
  const key = segments.join('/');
  if (!bucket || !key)
    throw new FetchError(`Expected an S3 object URL with a bucket and a key, got \`${input}\``);
  return endpoint.region ? { kind: 's3', bucket, key, region: endpoint.region } : { kind: 's3', bucket, key };
}

/** Percent-decodes one path segment; `+` stays a literal plus (it is not a space in a path). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The bucket (virtual-hosted style) and region an S3 hostname names, or null for non-S3 hosts. */
export function s3Endpoint(hostname: string): { bucket?: string; region?: string } | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const suffix = host.endsWith('.amazonaws.com')
    ? '.amazonaws.com'
    : host.endsWith('.amazonaws.com.cn')
      ? '.amazonaws.com.cn'
      : null;
  if (!suffix) return null;
  const labels = host.slice(0, -suffix.length).split('.');
  // From the right: [dualstack] [REGION] labels, then the s3 label itself.
  let i = labels.length - 1;
  let region: string | undefined;
  if (i >= 0 && REGION.test(labels[i]!)) region = labels[i--];
  if (i >= 0 && labels[i] === 'dualstack') i--;
  if (i < 0) return null;
  const s3 = labels[i]!;
  if (s3 === 's3' || s3 === 's3-fips' || s3 === 's3-accelerate') {
    // nothing more in the label
  } else if (s3 === 's3-external-1') {
    region ??= 'us-east-1';
  } else if (s3.startsWith('s3-') && REGION.test(s3.slice(3))) {
    region ??= s3.slice(3);
  } else {
    return null;
  }
  // The legacy global endpoint s3.amazonaws.com is us-east-1 for path-style URLs.
  const bucket = i > 0 ? labels.slice(0, i).join('.') : undefined;
  if (!region && bucket === undefined && s3 === 's3') region = 'us-east-1';
  const result: { bucket?: string; region?: string } = {};
  if (bucket !== undefined) result.bucket = bucket;
  if (region !== undefined) result.region = region;
  return result;
}

/** `s3://bucket/key` for an S3 location (for messages and output names). */
export function formatLocation(location: Location): string {
  switch (location.kind) {
    case 's3':
      return `s3://${location.bucket}/${location.key}`;
    case 'url':
      return location.presigned ? location.url.split('?')[0]! : location.url;
    case 'file':
      return location.path;
  }
}
