// Zod schema of an AWS HealthScribe `transcript.json` (the `Conversation` object).
// The only module that knows its field names. Times are seconds as JSON numbers; item `Type` is compared
// case-insensitively (the service writes `PRONUNCIATION`, the demo app's types say `pronunciation`).
import type { z } from 'zod';
import { lazySchema, lazySchemas, type Zod } from './lazy-zod.js';

/** The zod schemas, defined (and zod loaded) on first use. */
const schemas = lazySchemas((z: Zod) => {
  const seconds = z.number().refine(Number.isFinite, { message: 'Expected a finite number of seconds' });

  const itemType = z
    .string()
    .refine((v) => v.toLowerCase() === 'pronunciation' || v.toLowerCase() === 'punctuation', {
      message: 'Expected `PRONUNCIATION` or `PUNCTUATION`',
    });

  const itemAlternative = z.looseObject({
    Content: z.string(),
    Confidence: z.number().nullish(),
  });

  /** Async jobs put `Content`/`Confidence` in `Alternatives[]`; streaming sessions put them on the item. */
  const healthScribeItem = z
    .looseObject({
      Type: itemType,
      BeginAudioTime: seconds.nullish(),
      EndAudioTime: seconds.nullish(),
      Alternatives: z.array(itemAlternative).optional(),
      Content: z.string().optional(),
      Confidence: z.number().nullish(),
    })
    .superRefine((item, ctx) => {
      if (item.Alternatives === undefined && item.Content === undefined) {
        ctx.addIssue({ code: 'custom', message: 'Expected `Alternatives` or `Content`', path: [] });
      } else if (
        item.Alternatives !== undefined &&
        item.Alternatives.length === 0 &&
        item.Content === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'Expected at least one alternative',
          path: ['Alternatives'],
        });
      }
    });

  const segment = z.looseObject({
    SegmentId: z.string(),
    BeginAudioTime: seconds,
    EndAudioTime: seconds,
    Content: z.string().optional(),
    ParticipantDetails: z.looseObject({ ParticipantRole: z.string().nullish() }).nullish(),
    SectionDetails: z.looseObject({ SectionName: z.string().nullish() }).nullish(),
  });

  const span = z.looseObject({
    SegmentId: z.string(),
    BeginCharacterOffset: z.number().int().nonnegative(),
    /** Inclusive: "pain" at 12 ends at 15. */
    EndCharacterOffset: z.number().int().nonnegative(),
    Content: z.string().default(''),
  });

  const insight = z.looseObject({
    InsightId: z.string().nullish(),
    InsightType: z.string().nullish(),
    Category: z.string().nullish(),
    Type: z.string().nullish(),
    Spans: z.array(span).default([]),
    Attributes: z
      .array(
        z.looseObject({
          AttributeId: z.string().nullish(),
          Type: z.string().nullish(),
          Spans: z.array(span).default([]),
        }),
      )
      .default([]),
  });

  const healthScribeTranscript = z.looseObject({
    Conversation: z.looseObject({
      ConversationId: z.string().nullish(),
      JobName: z.string().nullish(),
      JobType: z.string().nullish(),
      SessionId: z.string().nullish(),
      LanguageCode: z.string().nullish(),
      TranscriptItems: z.array(healthScribeItem).optional(),
      TranscriptSegments: z.array(segment).default([]),
      ClinicalInsights: z.array(insight).optional(),
    }),
  });
  return { healthScribeItem, healthScribeTranscript, segment, insight, span };
});

export const healthScribeItem = lazySchema(() => schemas().healthScribeItem);
export const healthScribeTranscript = lazySchema(() => schemas().healthScribeTranscript);

type Schemas = ReturnType<typeof schemas>;
export type RawHealthScribeTranscript = z.infer<Schemas['healthScribeTranscript']>;
export type RawHealthScribeItem = z.infer<Schemas['healthScribeItem']>;
export type RawHealthScribeSegment = z.infer<Schemas['segment']>;
export type RawHealthScribeInsight = z.infer<Schemas['insight']>;
export type RawHealthScribeSpan = z.infer<Schemas['span']>;
