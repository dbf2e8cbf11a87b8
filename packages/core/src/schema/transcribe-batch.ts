// Zod schema of the raw Transcribe / Transcribe Medical batch transcript JSON.
// The only module that knows the batch file's AWS field names. Lenient where real files vary
// (numbers as strings or numbers, null or absent confidence, key order), strict where a value is unusable.
import type { z } from 'zod';
import { decimalValue as toNumber } from '../time.js';
import { lazySchema, lazySchemas, type Zod } from './lazy-zod.js';

/** Longest time scribekit accepts: ten years of audio, in seconds (guards integer-ms arithmetic). */
export const MAX_SECONDS = 315_360_000;

const inSecondsRange = (v: string | number) => {
  const n = toNumber(v);
  return n >= 0 && n <= MAX_SECONDS;
};

/** The zod schemas, defined (and zod loaded) on first use: they explain rejections. */
const schemas = lazySchemas((z: Zod) => {
  const numeric = z.union([z.number(), z.string()]).refine((v) => Number.isFinite(toNumber(v)), {
    message: 'Expected a number or a decimal numeric string',
  });

  const seconds = z.union([z.number(), z.string()]).refine(inSecondsRange, {
    message: 'Expected a time in seconds (a number or numeric string from 0 to 315360000)',
  });

  const redaction = z.looseObject({
    confidence: numeric.nullish(),
    type: z.string().nullish(),
    category: z.string().nullish(),
  });

  const itemAlternative = z.looseObject({
    content: z.string(),
    confidence: numeric.nullish(),
    redactions: z.array(redaction).optional(),
  });

  const batchItem = z.looseObject({
    id: z.number().int().optional(),
    type: z.enum(['pronunciation', 'punctuation']),
    start_time: seconds.nullish(),
    end_time: seconds.nullish(),
    alternatives: z.array(itemAlternative).min(1, 'Expected at least one alternative'),
    speaker_label: z.string().nullish(),
    channel_label: z.string().nullish(),
    language_code: z.string().nullish(),
    vocabulary_filter_match: z.boolean().nullish(),
  });

  const speakerSegmentItem = z.looseObject({
    start_time: seconds,
    end_time: seconds.nullish(),
    speaker_label: z.string(),
  });

  const speakerSegment = z.looseObject({
    start_time: seconds.nullish(),
    end_time: seconds.nullish(),
    speaker_label: z.string().nullish(),
    items: z.array(speakerSegmentItem).optional(),
  });

  function speakerLabelsShape<S extends z.ZodType>(segment: S) {
    return z.looseObject({
      channel_label: z.string().nullish(),
      speakers: z.number().int().nonnegative().nullish(),
      segments: z.array(segment).optional(),
    });
  }

  function channelLabelsShape<I extends z.ZodType>(item: I) {
    return z.looseObject({
      number_of_channels: z.number().int().nonnegative().nullish(),
      channels: z
        .array(z.looseObject({ channel_label: z.string(), items: z.array(item).optional() }))
        .optional(),
    });
  }

  const alternativeSegment = z.looseObject({
    start_time: seconds,
    end_time: seconds,
    alternatives: z.array(
      z.looseObject({
        transcript: z.string().default(''),
        items: z
          .array(
            z.looseObject({
              type: z.enum(['pronunciation', 'punctuation']),
              content: z.string(),
              start_time: seconds.nullish(),
              end_time: seconds.nullish(),
              confidence: numeric.nullish(),
            }),
          )
          .default([]),
      }),
    ),
  });

  /** Medical PHI entity: snake_case or camelCase, times as numbers or strings. */
  const entity = z
    .looseObject({
      content: z.string().optional(),
      Content: z.string().optional(),
      category: z.string().optional(),
      Category: z.string().optional(),
      type: z.string().nullish(),
      Type: z.string().nullish(),
      start_time: seconds.optional(),
      startTime: seconds.optional(),
      StartTime: seconds.optional(),
      end_time: seconds.optional(),
      endTime: seconds.optional(),
      EndTime: seconds.optional(),
      confidence: numeric.nullish(),
      Confidence: numeric.nullish(),
    })
    .refine((e) => (e.start_time ?? e.startTime ?? e.StartTime) !== undefined, {
      message: 'Expected a start time (`start_time` or `startTime`)',
    })
    .refine((e) => (e.end_time ?? e.endTime ?? e.EndTime) !== undefined, {
      message: 'Expected an end time (`end_time` or `endTime`)',
    });

  function batchShape<I extends z.ZodType, S extends z.ZodType>(item: I, segment: S) {
    return z.looseObject({
      jobName: z.string().nullish(),
      accountId: z.string().nullish(),
      status: z.string().nullish(),
      isRedacted: z.boolean().nullish(),
      results: z.looseObject({
        language_code: z.string().nullish(),
        transcripts: z.array(z.looseObject({ transcript: z.string() })).default([]),
        items: z.array(item),
        speaker_labels: speakerLabelsShape(segment).nullish(),
        channel_labels: channelLabelsShape(item).nullish(),
        segments: z.array(alternativeSegment).nullish(),
        entities: z.array(entity).nullish(),
      }),
    });
  }

  const batchTranscript = batchShape(batchItem, speakerSegment);
  const batchTranscriptShell = batchShape(z.unknown(), z.unknown());
  return { batchItem, speakerSegment, batchTranscript, batchTranscriptShell, entity };
});

/**
 * Fast structural check of one item, equivalent to `batchItem.safeParse(item).success` (a property test
 * holds them to agreement). Items are >95% of a file; zod runs only on the item this rejects, for the message.
 */
export function isBatchItem(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const i = item as Record<string, unknown>;
  if (i.type !== 'pronunciation' && i.type !== 'punctuation') return false;
  if (i.id !== undefined && !Number.isSafeInteger(i.id)) return false;
  if (!optionalSeconds(i.start_time) || !optionalSeconds(i.end_time)) return false;
  if (
    !optionalString(i.speaker_label) ||
    !optionalString(i.channel_label) ||
    !optionalString(i.language_code)
  )
    return false;
  const vfm = i.vocabulary_filter_match;
  if (vfm !== undefined && vfm !== null && typeof vfm !== 'boolean') return false;
  const alts = i.alternatives;
  if (!Array.isArray(alts) || alts.length === 0) return false;
  for (const a of alts) {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
    const alt = a as Record<string, unknown>;
    if (typeof alt.content !== 'string' || !optionalNumeric(alt.confidence)) return false;
    if (alt.redactions !== undefined && !isRedactions(alt.redactions)) return false;
  }
  return true;
}

/** Fast check of one speaker segment, equivalent to `speakerSegment.safeParse(s).success`. */
export function isSpeakerSegment(segment: unknown): boolean {
  if (typeof segment !== 'object' || segment === null || Array.isArray(segment)) return false;
  const s = segment as Record<string, unknown>;
  if (!optionalSeconds(s.start_time) || !optionalSeconds(s.end_time) || !optionalString(s.speaker_label))
    return false;
  if (s.items === undefined) return true;
  if (!Array.isArray(s.items)) return false;
  for (const it of s.items) {
    if (typeof it !== 'object' || it === null || Array.isArray(it)) return false;
    const i = it as Record<string, unknown>;
    if (i.start_time === undefined || i.start_time === null || !optionalSeconds(i.start_time)) return false;
    if (!optionalSeconds(i.end_time) || typeof i.speaker_label !== 'string') return false;
  }
  return true;
}

/**
 * Fast structural check of a whole batch file, equivalent to `batchTranscript.safeParse(file).success`
 * (a differential test holds them to agreement on the corpus and on mutations of it). A file it accepts is
 * used as it is, with zod's defaults left to the reader (`transcripts`, `segments[].alternatives[]` fields).
 */
export function isBatchTranscript(file: unknown): boolean {
  if (!isObject(file)) return false;
  if (!optionalString(file.jobName) || !optionalString(file.accountId) || !optionalString(file.status))
    return false;
  if (!optionalBoolean(file.isRedacted)) return false;
  const r = file.results;
  if (!isObject(r) || !optionalString(r.language_code)) return false;
  if (
    r.transcripts !== undefined &&
    !everyOf(r.transcripts, (t) => isObject(t) && typeof t.transcript === 'string')
  )
    return false;
  if (!everyOf(r.items, isBatchItem)) return false;
  if (!nullish(r.speaker_labels) && !isSpeakerLabels(r.speaker_labels)) return false;
  if (!nullish(r.channel_labels) && !isChannelLabels(r.channel_labels)) return false;
  if (!nullish(r.segments) && !everyOf(r.segments, isAlternativeSegment)) return false;
  if (!nullish(r.entities) && !everyOf(r.entities, isEntity)) return false;
  return true;
}

function isSpeakerLabels(value: unknown): boolean {
  if (!isObject(value) || !optionalString(value.channel_label) || !optionalCount(value.speakers))
    return false;
  return value.segments === undefined || everyOf(value.segments, isSpeakerSegment);
}

function isChannelLabels(value: unknown): boolean {
  if (!isObject(value) || !optionalCount(value.number_of_channels)) return false;
  if (value.channels === undefined) return true;
  return everyOf(
    value.channels,
    (c) =>
      isObject(c) &&
      typeof c.channel_label === 'string' &&
      (c.items === undefined || everyOf(c.items, isBatchItem)),
  );
}

function isAlternativeSegment(value: unknown): boolean {
  if (!isObject(value) || !isSeconds(value.start_time) || !isSeconds(value.end_time)) return false;
  return everyOf(
    value.alternatives,
    (a) =>
      isObject(a) &&
      (a.transcript === undefined || typeof a.transcript === 'string') &&
      (a.items === undefined || everyOf(a.items, isAlternativeItem)),
  );
}

function isAlternativeItem(value: unknown): boolean {
  if (!isObject(value) || (value.type !== 'pronunciation' && value.type !== 'punctuation')) return false;
  return (
    typeof value.content === 'string' &&
    optionalSeconds(value.start_time) &&
    optionalSeconds(value.end_time) &&
    optionalNumeric(value.confidence)
  );
}

function isEntity(value: unknown): boolean {
  if (!isObject(value)) return false;
  const e = value;
  for (const key of ['content', 'Content', 'category', 'Category'] as const) {
    if (e[key] !== undefined && typeof e[key] !== 'string') return false;
  }
  if (!optionalString(e.type) || !optionalString(e.Type)) return false;
  if (!optionalNumeric(e.confidence) || !optionalNumeric(e.Confidence)) return false;
  const times = [e.start_time, e.startTime, e.StartTime, e.end_time, e.endTime, e.EndTime];
  if (!times.every((t) => t === undefined || isSeconds(t))) return false;
  return (
    (e.start_time ?? e.startTime ?? e.StartTime) !== undefined &&
    (e.end_time ?? e.endTime ?? e.EndTime) !== undefined
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function everyOf(value: unknown, check: (v: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const v of value) if (!check(v)) return false;
  return true;
}

function nullish(v: unknown): boolean {
  return v === undefined || v === null;
}

function optionalBoolean(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'boolean';
}

function optionalCount(v: unknown): boolean {
  return v === undefined || v === null || (Number.isSafeInteger(v) && (v as number) >= 0);
}

function isSeconds(v: unknown): boolean {
  return (typeof v === 'number' || typeof v === 'string') && inSecondsRange(v);
}

function isRedactions(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const r of value) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
    const o = r as Record<string, unknown>;
    if (!optionalNumeric(o.confidence) || !optionalString(o.type) || !optionalString(o.category))
      return false;
  }
  return true;
}

function optionalString(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'string';
}

function optionalSeconds(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  return (typeof v === 'number' || typeof v === 'string') && inSecondsRange(v);
}

function optionalNumeric(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  return (typeof v === 'number' || typeof v === 'string') && Number.isFinite(toNumber(v));
}

export const batchItem = lazySchema(() => schemas().batchItem);
export const speakerSegment = lazySchema(() => schemas().speakerSegment);

/** The whole batch transcript file. */
export const batchTranscript = lazySchema(() => schemas().batchTranscript);

/**
 * The batch file with its bulk (items, channel items, speaker segments) left unchecked: the parser checks
 * those with `isBatchItem`/`isSpeakerSegment` and asks zod only about the one that fails, for the message.
 */
export const batchTranscriptShell = lazySchema(() => schemas().batchTranscriptShell);

type Schemas = ReturnType<typeof schemas>;
export type RawBatchItem = z.infer<Schemas['batchItem']>;
/** The file as given (defaults not filled in): what the fast check lets through, and what zod accepts. */
export type RawBatchTranscript = z.input<Schemas['batchTranscript']>;
export type RawEntity = z.infer<Schemas['entity']>;
