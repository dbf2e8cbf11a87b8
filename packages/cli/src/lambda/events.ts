// S3 events as the handler sees them: S3 notifications (`Records`) and the EventBridge form, normalised to
// records; every other shape becomes a typed outcome, never an exception.

/** The parts of an S3 event notification record the handler reads. */
export interface S3EventRecord {
  readonly eventSource?: string;
  readonly eventName?: string;
  readonly awsRegion?: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    /** `key` is URL-encoded as in S3 events (spaces as `+`). */
    readonly object: { readonly key: string; readonly eTag?: string; readonly size?: number };
  };
}

export interface S3Event {
  readonly Records?: readonly S3EventRecord[];
}

/** An S3 "Object Created" event delivered by EventBridge (buckets with EventBridge notifications on). */
export interface EventBridgeS3Event {
  readonly source: 'aws.s3';
  readonly 'detail-type': string;
  readonly region?: string;
  readonly detail: {
    readonly bucket: { readonly name: string };
    /** Not URL-encoded, unlike S3 notifications. */
    readonly object: { readonly key: string; readonly etag?: string; readonly size?: number };
  };
}

/** What became of one record (or of an event the handler could not read). */
export type RecordOutcome =
  | { readonly key: string; readonly outcome: 'written'; readonly outputs: readonly string[] }
  | { readonly key: string; readonly outcome: 'unchanged'; readonly outputs: readonly string[] }
  | { readonly key: string; readonly outcome: 'skipped'; readonly reason: string }
  | { readonly key: string; readonly outcome: 'failed'; readonly reason: string; readonly code: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** A malformed event or record: a permanent failure (it goes to the failure queue, not round and round). */
function malformed(what: string): RecordOutcome {
  return { key: '(none)', outcome: 'failed', reason: `malformed event: ${what}`, code: 'E_EVENT' };
}

/** S3 notification records, or the one record an EventBridge S3 event stands for; bad shapes as outcomes. */
export function recordsOf(event: unknown): { records: S3EventRecord[]; malformed: RecordOutcome[] } {
  const records: S3EventRecord[] = [];
  const bad: RecordOutcome[] = [];
  if (!isObject(event))
    return {
      records,
      malformed: [malformed(`expected an object, got ${event === null ? 'null' : typeof event}`)],
    };
  if (event.source === 'aws.s3' && 'detail' in event) {
    const detail = isObject(event.detail) ? event.detail : {};
    const bucket = isObject(detail.bucket) ? str(detail.bucket.name) : undefined;
    const object = isObject(detail.object) ? detail.object : {};
    const key = str(object.key);
    if (!bucket || !key)
      return {
        records,
        malformed: [malformed('an EventBridge S3 event without detail.bucket.name and detail.object.key')],
      };
    const etag = str(object.etag);
    const region = str(event.region);
    const type = str(event['detail-type']);
    records.push({
      eventSource: 'aws:s3',
      eventName: type === 'Object Created' ? 'ObjectCreated:EventBridge' : (type ?? 'unknown'),
      ...(region ? { awsRegion: region } : {}),
      s3: {
        bucket: { name: bucket },
        object: {
          key: encodeEventKey(key),
          ...(etag ? { eTag: etag } : {}),
          ...(typeof object.size === 'number' ? { size: object.size } : {}),
        },
      },
    });
    return { records, malformed: bad };
  }
  if (!('Records' in event))
    return { records, malformed: [malformed('neither S3 `Records` nor an EventBridge S3 event')] };
  if (!Array.isArray(event.Records)) return { records, malformed: [malformed('`Records` is not a list')] };
  event.Records.forEach((r: unknown, i: number) => {
    const s3 = isObject(r) && isObject(r.s3) ? r.s3 : undefined;
    const bucket = s3 && isObject(s3.bucket) ? str(s3.bucket.name) : undefined;
    const object = s3 && isObject(s3.object) ? s3.object : undefined;
    const key = object ? str(object.key) : undefined;
    if (!bucket || !object || !key) {
      bad.push(malformed(`Records[${i}] has no s3.bucket.name and s3.object.key (strings)`));
      return;
    }
    const record = r as Record<string, unknown>;
    const eTag = str(object.eTag);
    records.push({
      ...(str(record.eventSource) ? { eventSource: str(record.eventSource)! } : {}),
      ...(str(record.eventName) ? { eventName: str(record.eventName)! } : {}),
      ...(str(record.awsRegion) ? { awsRegion: str(record.awsRegion)! } : {}),
      s3: {
        bucket: { name: bucket },
        object: {
          key,
          ...(eTag ? { eTag } : {}),
          ...(typeof object.size === 'number' ? { size: object.size } : {}),
        },
      },
    });
  });
  return { records, malformed: bad };
}

/** The inverse of decodeEventKey, so both event kinds go through one path. */
function encodeEventKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** S3 event keys are URL-encoded with `+` for spaces. */
export function decodeEventKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}
