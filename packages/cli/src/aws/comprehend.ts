// Amazon Comprehend Medical DetectPHI through the AWS SDK v3 client, imported lazily like the other clients
// and configured the same way (--profile/--region/--endpoint-url, AWS_* environment, retries by the SDK:
// TooManyRequestsException/ThrottlingException and 5xx are retried with backoff up to maxAttempts).
//
// The text sent is patient data, and AWS validation messages can echo request values, so service error
// messages are never passed on: errors name the exception, the HTTP status, the request id and the fix.
import type { ComprehendMedicalClient, Entity } from '@aws-sdk/client-comprehendmedical';
import { FetchError } from '@scribekit/core';
import { sdkErrorInfo, toFetchError } from './aws-errors.js';
import { type AwsConfig, common } from './clients.js';

/** DetectPHI's answer for one text. */
export interface DetectPhiOutput {
  /** Entities as the service gave them: `BeginOffset`/`EndOffset` count Unicode code points. */
  readonly entities: readonly Entity[];
  readonly modelVersion: string | undefined;
  /** Set when the service says the entity list was truncated (DetectPHI has no way to ask for more). */
  readonly paginationToken: string | undefined;
}

/** The Comprehend Medical calls scribekit makes (errors are FetchErrors). */
export interface ComprehendMedicalApi {
  detectPhi(text: string, options?: { signal?: AbortSignal | undefined }): Promise<DetectPhiOutput>;
}

export type { Entity as ComprehendEntity };

/** A Comprehend Medical client (the SDK module is imported on first use). */
export async function createComprehendMedicalApi(config: AwsConfig = {}): Promise<ComprehendMedicalApi> {
  const sdk = await import('@aws-sdk/client-comprehendmedical');
  const client: ComprehendMedicalClient = new sdk.ComprehendMedicalClient(common(config));
  return comprehendMedicalApi(client, sdk);
}

/** Wraps an existing ComprehendMedicalClient (tests with aws-sdk-client-mock, or a caller's own client). */
export function comprehendMedicalApi(
  client: ComprehendMedicalClient,
  sdk: Pick<typeof import('@aws-sdk/client-comprehendmedical'), 'DetectPHICommand'>,
): ComprehendMedicalApi {
  return {
    async detectPhi(text, options = {}) {
      try {
        const out = await client.send(
          new sdk.DetectPHICommand({ Text: text }),
          options.signal ? { abortSignal: options.signal } : {},
        );
        return {
          entities: out.Entities ?? [],
          modelVersion: out.ModelVersion,
          paginationToken: out.PaginationToken,
        };
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        throw detectPhiError(error, text);
      }
    },
  };
}

/** An SDK service error without the service's message (which may quote the text sent). */
class AwsServiceError extends Error {
  override name: string;
  readonly $fault: string | undefined;
  readonly $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };

  constructor(error: unknown) {
    const e = error as {
      name?: string;
      $fault?: string;
      $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
    };
    const meta = e.$metadata ?? {};
    const name = e.name ?? 'Error';
    super(
      `${name} (HTTP ${meta.httpStatusCode ?? '?'}${meta.requestId ? `, request id ${meta.requestId}` : ''}; the service's message is not shown: it may quote the text sent)`,
    );
    this.name = name;
    this.$fault = e.$fault;
    this.$metadata = { ...meta };
  }
}

/** DetectPHI failures → FetchError naming the exception and what to do, never quoting the service. */
export function detectPhiError(error: unknown, text: string): FetchError {
  if (error instanceof FetchError) return error;
  const { name, status } = sdkErrorInfo(error);
  const raw = error as { $metadata?: { attempts?: number }; message?: unknown };
  const fromService = status !== undefined;
  const cause = fromService ? new AwsServiceError(error) : error;
  const options = { cause };
  const attempts = raw.$metadata?.attempts;
  const tries = attempts ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
  switch (name) {
    case 'TextSizeLimitExceededException':
      return new FetchError(
        `DetectPHI refused a text of ${utf8Length(text)} UTF-8 bytes as too large (TextSizeLimitExceededException); each text must be fewer than 20,000 bytes`,
        options,
      );
    case 'InvalidEncodingException':
      return new FetchError('DetectPHI could not read the text as UTF-8 (InvalidEncodingException)', options);
    case 'TooManyRequestsException':
    case 'ThrottlingException':
      return new FetchError(
        `Amazon Comprehend Medical kept throttling DetectPHI (${name})${tries}; try again later, raise AWS_MAX_ATTEMPTS, or ask for a higher DetectPHI quota in Service Quotas`,
        options,
      );
    case 'ServiceUnavailableException':
    case 'InternalServerException':
      return new FetchError(
        `Amazon Comprehend Medical failed DetectPHI (${name}, HTTP ${status ?? '?'})${tries}; try again later`,
        options,
      );
    case 'InvalidRequestException':
    case 'ValidationException':
      return new FetchError(`DetectPHI rejected the request (${name}, HTTP ${status ?? '?'})`, options);
  }
  const message = typeof raw.message === 'string' ? raw.message : '';
  const host = /comprehendmedical(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com/.exec(message);
  if (!fromService && host && /ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) {
    return new FetchError(
      `Amazon Comprehend Medical has no endpoint reachable in region \`${host[1]}\` (it is offered in a few regions only): pass a --region where it is available`,
      options,
    );
  }
  if (fromService && status >= 500) {
    return new FetchError(
      `Amazon Comprehend Medical failed DetectPHI (${name}, HTTP ${status})${tries}; try again later`,
      options,
    );
  }
  return toFetchError(cause, 'DetectPHI', 'Amazon Comprehend Medical');
}

/** UTF-8 length of a JavaScript string (lone surrogates count as U+FFFD: 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
