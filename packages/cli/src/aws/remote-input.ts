// `convert` inputs that are S3 objects or URLs (`s3://…`, S3 https URLs, presigned URLs). They travel through
// convert's input list (and into worker threads) as a path `remote:<base64url(URI)>/<object name>`, so
// outputs are named after the object and never after a query string (a presigned URL's signature).
import { FetchError } from '@scribekit/core';
import type { S3Api } from './clients.js';
import { isRemote, parseLocation } from './s3-uri.js';

const PREFIX = 'remote:';

export { isRemote };

/** The input-list path for a remote input. */
export function remoteInputPath(uri: string): string {
  return `${PREFIX}${Buffer.from(uri, 'utf8').toString('base64url')}/${objectName(uri)}`;
}

/** True for paths made by remoteInputPath. */
export function isRemoteInputPath(path: string): boolean {
  return path.startsWith(PREFIX);
}

/** How a remote input is shown in messages: the URI without its query string (no signatures in logs). */
export function remoteInputDisplay(uri: string): string {
  const q = uri.indexOf('?');
  return q < 0 ? uri : uri.slice(0, q);
}

/** The object's file name (`visit 1.json`), decoded. */
function objectName(uri: string): string {
  try {
    const location = parseLocation(uri);
    const path =
      location.kind === 's3'
        ? location.key
        : location.kind === 'url'
          ? new URL(location.url).pathname
          : location.path;
    const name = decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1));
    return name === '' ? 'transcript.json' : name;
  } catch {
    return 'transcript.json';
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

let s3: Promise<S3Api> | undefined;

/**
 * Downloads a remote input (verified, retried). S3 is read with the SDK's default chain and AWS_* variables
 * (AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL_S3); the SDK is loaded on first use.
 */
export async function readRemoteInput(path: string): Promise<Uint8Array> {
  if (!isRemoteInputPath(path)) throw new FetchError(`Not a remote input: ${path}`);
  const encoded = path.slice(PREFIX.length, path.indexOf('/', PREFIX.length));
  const uri = Buffer.from(encoded, 'base64url').toString('utf8');
  const [{ download }, { createS3Api }, { awsConfigFrom }] = await Promise.all([
    import('./download.js'),
    import('./clients.js'),
    import('./options.js'),
  ]);
  const got = await download(parseLocation(uri), {
    s3: () => {
      s3 ??= createS3Api(awsConfigFrom({}, process.env));
      return s3;
    },
  });
  return got.data;
}
