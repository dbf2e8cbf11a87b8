import { describe, expect, it } from 'vitest';
import { isRemote, parseLocation, s3Endpoint } from '../src/aws/s3-uri.js';

describe('parseLocation', () => {
  it.each([
    ['s3://bucket/medical/job-1.json', { kind: 's3', bucket: 'bucket', key: 'medical/job-1.json' }],
    ['s3://bucket/a b+c.json', { kind: 's3', bucket: 'bucket', key: 'a b+c.json' }],
    // path-style, every endpoint family
    [
      'https://s3.us-east-1.amazonaws.com/example-bucket/medical/job.json',
      { kind: 's3', bucket: 'example-bucket', key: 'medical/job.json', region: 'us-east-1' },
    ],
    ['https://s3.amazonaws.com/b/k.json', { kind: 's3', bucket: 'b', key: 'k.json', region: 'us-east-1' }],
    [
      'https://s3-external-1.amazonaws.com/b/k.json',
      { kind: 's3', bucket: 'b', key: 'k.json', region: 'us-east-1' },
    ],
    [
      'https://s3-us-west-2.amazonaws.com/b/k.json',
      { kind: 's3', bucket: 'b', key: 'k.json', region: 'us-west-2' },
    ],
    [
      'https://s3.dualstack.eu-west-1.amazonaws.com/b/k.json',
      { kind: 's3', bucket: 'b', key: 'k.json', region: 'eu-west-1' },
    ],
    [
      'https://s3-fips.us-gov-west-1.amazonaws.com/b/k.json',
      { kind: 's3', bucket: 'b', key: 'k.json', region: 'us-gov-west-1' },
    ],
    [
      'https://s3-fips.dualstack.us-east-2.amazonaws.com/b/k.json',
      { kind: 's3', bucket: 'b', key: 'k.json', region: 'us-east-2' },
    ],
    [
      'https://s3.cn-north-1.amazonaws.com.cn/b/k.json',
      { kind: 's3', bucket: 'b', key: 'k.json', region: 'cn-north-1' },
    ],
    // virtual-hosted, dotted bucket names
    [
      'https://my-bucket.s3.ap-southeast-2.amazonaws.com/out/job.json',
      { kind: 's3', bucket: 'my-bucket', key: 'out/job.json', region: 'ap-southeast-2' },
    ],
    [
      'https://my.dotted.bucket.s3.us-east-1.amazonaws.com/job.json',
      { kind: 's3', bucket: 'my.dotted.bucket', key: 'job.json', region: 'us-east-1' },
    ],
    ['https://b.s3.amazonaws.com/job.json', { kind: 's3', bucket: 'b', key: 'job.json' }],
    [
      'https://b.s3.dualstack.us-west-1.amazonaws.com/job.json',
      { kind: 's3', bucket: 'b', key: 'job.json', region: 'us-west-1' },
    ],
    [
      'https://b.s3-fips.us-gov-east-1.amazonaws.com/job.json',
      { kind: 's3', bucket: 'b', key: 'job.json', region: 'us-gov-east-1' },
    ],
    [
      'https://b.s3.cn-northwest-1.amazonaws.com.cn/job.json',
      { kind: 's3', bucket: 'b', key: 'job.json', region: 'cn-northwest-1' },
    ],
    [
      'https://s3.amazonaws.com/s3/s3.json',
      { kind: 's3', bucket: 's3', key: 's3.json', region: 'us-east-1' },
    ],
    // percent-encoded keys: decoded per segment, `+` stays a plus, an encoded slash stays in its segment
    [
      'https://s3.us-east-1.amazonaws.com/b/my%20folder/a%2Bb+c%C3%A9.json',
      { kind: 's3', bucket: 'b', key: 'my folder/a+b+cé.json', region: 'us-east-1' },
    ],
    [
      'https://s3.us-east-1.amazonaws.com/b/a%2Fb.json',
      { kind: 's3', bucket: 'b', key: 'a/b.json', region: 'us-east-1' },
    ],
    // presigned URLs are fetched as they are, S3 host or not
    [
      'https://b.s3.us-east-1.amazonaws.com/k.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x&X-Amz-Signature=abc',
      {
        kind: 'url',
        presigned: true,
        url: 'https://b.s3.us-east-1.amazonaws.com/k.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x&X-Amz-Signature=abc',
      },
    ],
    [
      'https://example.org/transcripts/job.json',
      { kind: 'url', presigned: false, url: 'https://example.org/transcripts/job.json' },
    ],
    [
      'http://127.0.0.1:9000/b/k.json',
      { kind: 'url', presigned: false, url: 'http://127.0.0.1:9000/b/k.json' },
    ],
    ['file:///tmp/job.json', { kind: 'file', path: '/tmp/job.json' }],
    ['out/job.json', { kind: 'file', path: 'out/job.json' }],
  ])('%s', (input, expected) => {
    expect(parseLocation(input)).toEqual(expected);
  });

  it('refuses S3 locations without a key', () => {
    expect(() => parseLocation('s3://bucket')).toThrowErrorMatchingInlineSnapshot(
      `[FetchError: Expected \`s3://BUCKET/KEY\`, got \`s3://bucket\`]`,
    );
    expect(() => parseLocation('https://s3.us-east-1.amazonaws.com/bucket')).toThrow(/bucket and a key/);
  });

  it('leaves non-S3 AWS hosts alone', () => {
    expect(s3Endpoint('transcribe.us-east-1.amazonaws.com')).toBeNull();
    expect(s3Endpoint('example.com')).toBeNull();
  });

  it('tells remote inputs from files', () => {
    expect(isRemote('s3://b/k')).toBe(true);
    expect(isRemote('HTTPS://x/y')).toBe(true);
    expect(isRemote('./s3:/x')).toBe(false);
  });
});
