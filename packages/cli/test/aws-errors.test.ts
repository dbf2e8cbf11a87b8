import { FetchError } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { isJobNotFound, toFetchError } from '../src/aws/aws-errors.js';

const sdkError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });

describe('toFetchError', () => {
  it('names the permission for AccessDenied', () => {
    expect(
      toFetchError(
        sdkError('AccessDeniedException', 'User is not authorized', 400),
        'GetMedicalTranscriptionJob',
        'job-1',
      ).message,
    ).toMatchInlineSnapshot(
      `"Access denied for GetMedicalTranscriptionJob on job-1: the caller needs transcribe:GetMedicalTranscriptionJob"`,
    );
    expect(
      toFetchError(sdkError('AccessDenied', 'Access Denied', 403), 'GetObject', 's3://b/k.json').message,
    ).toMatchInlineSnapshot(
      `"Access denied for GetObject on s3://b/k.json: the caller needs s3:GetObject on s3://b/k.json (and kms:Decrypt on the key if the output is SSE-KMS encrypted; without s3:ListBucket a missing object is also reported as AccessDenied)"`,
    );
    expect(
      toFetchError(sdkError('AccessDeniedException', 'x'), 'ListMedicalTranscriptionJobs', 'this account')
        .message,
    ).toContain('transcribe:ListMedicalTranscriptionJobs');
  });

  it('explains missing credentials and region', () => {
    expect(
      toFetchError(
        sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
        'GetObject',
        's3://b/k',
      ).message,
    ).toMatch(/^No AWS credentials found/);
    expect(toFetchError(new Error('Region is missing'), 'GetMedicalTranscriptionJob', 'j').message).toMatch(
      /--region/,
    );
  });

  it('treats NotFoundException and BadRequestException "couldn\'t be found" alike', () => {
    const notFound = sdkError('NotFoundException', 'nope', 400);
    const badRequest = sdkError(
      'BadRequestException',
      "The requested job couldn't be found. Check the job name.",
      400,
    );
    expect(isJobNotFound(notFound)).toBe(true);
    expect(isJobNotFound(badRequest)).toBe(true);
    expect(isJobNotFound(sdkError('BadRequestException', 'Invalid parameter'))).toBe(false);
    const a = toFetchError(notFound, 'GetMedicalTranscriptionJob', 'job-x');
    const b = toFetchError(badRequest, 'GetMedicalTranscriptionJob', 'job-x');
    expect(a.message).toBe(b.message);
    expect(a.message).toMatch(/^No medical transcription job named `job-x`/);
    expect(a).toBeInstanceOf(FetchError);
    expect(a.cause).toBe(notFound);
  });

  it('keeps throttling and other failures recognisable', () => {
    expect(
      toFetchError(
        sdkError('LimitExceededException', 'slow down'),
        'ListMedicalTranscriptionJobs',
        'this account',
      ).message,
    ).toMatch(/throttling/);
    expect(toFetchError(sdkError('NoSuchKey', 'gone', 404), 'GetObject', 's3://b/k').message).toBe(
      'No such object: s3://b/k',
    );
    expect(
      toFetchError(sdkError('InternalFailureException', 'boom\nmore', 500), 'GetMedicalTranscriptionJob', 'j')
        .message,
    ).toBe('GetMedicalTranscriptionJob on j failed: InternalFailureException (HTTP 500): boom');
  });
});
