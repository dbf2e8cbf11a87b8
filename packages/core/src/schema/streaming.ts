// Zod schema of Transcribe (Medical) streaming result events, in their PascalCase spelling.
// camelCase payloads (WebSocket) are renamed to PascalCase before checking (see parse-streaming.ts).
import { z } from 'zod';

const seconds = z.number().refine(Number.isFinite, { message: 'Expected a finite number of seconds' });

const itemType = z
  .string()
  .refine((v) => ['pronunciation', 'punctuation', 'speaker-change'].includes(v.toLowerCase()), {
    message: 'Expected `pronunciation`, `punctuation` or `speaker-change`',
  });

export const streamingItem = z.looseObject({
  Type: itemType,
  Content: z.string().nullish(),
  StartTime: seconds.nullish(),
  EndTime: seconds.nullish(),
  Confidence: z.number().nullish(),
  /** Diarization: `"0"`, `"1"` (a number is tolerated). */
  Speaker: z.union([z.string(), z.number()]).nullish(),
  VocabularyFilterMatch: z.boolean().nullish(),
  Stable: z.boolean().nullish(),
});

export const streamingEntity = z.looseObject({
  Category: z.string().nullish(),
  Type: z.string().nullish(),
  Content: z.string().nullish(),
  StartTime: seconds,
  EndTime: seconds,
  Confidence: z.number().nullish(),
});

export const streamingResult = z.looseObject({
  ResultId: z.string(),
  StartTime: seconds.nullish(),
  EndTime: seconds.nullish(),
  /** Absent is read as final (a single stored result). */
  IsPartial: z.boolean().nullish(),
  ChannelId: z.string().nullish(),
  LanguageCode: z.string().nullish(),
  Alternatives: z
    .array(
      z.looseObject({
        Transcript: z.string().nullish(),
        Items: z.array(streamingItem).default([]),
        Entities: z.array(streamingEntity).nullish(),
      }),
    )
    .default([]),
});

export type RawStreamingResult = z.infer<typeof streamingResult>;
export type RawStreamingItem = z.infer<typeof streamingItem>;
export type RawStreamingEntity = z.infer<typeof streamingEntity>;
