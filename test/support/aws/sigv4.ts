// SigV4 verification for the local AWS stand-ins: each request's signature is recomputed from the
// canonical request and the test secret, as AWS does, so a client that signs wrongly is refused.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Recomputes the request's SigV4 signature; returns why it is wrong, or null when it is right. */
export function verifySigV4(
  req: IncomingMessage,
  body: Buffer,
  secrets: Readonly<Record<string, string>>,
): string | null {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
  if (!m) return 'Missing or malformed SigV4 Authorization header';
  const [, keyId, date, region, service, signedHeaders, signature] = m as unknown as string[];
  const secret = secrets[keyId!];
  if (secret === undefined)
    return `The security token included in the request is invalid (unknown key ${keyId})`;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const [path, query = ''] = (req.url ?? '/').split('?');
  const canonicalQuery = query.split('&').filter(Boolean).sort().join('&');
  const headerNames = signedHeaders!.split(';');
  const canonicalHeaders = headerNames
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const canonicalRequest = [
    req.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return expected === signature
    ? null
    : 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
}
