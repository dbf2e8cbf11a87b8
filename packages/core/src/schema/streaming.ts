// Zod schema of Transcribe (Medical) streaming result events, in their PascalCase spelling.
// camelCase payloads (WebSocket) are renamed to PascalCase before checking (see parse-streaming.ts).
import type { z } from 'zod';
import { lazySchema, lazySchemas, type Zod } from './lazy-zod.js';

/** The zod schemas, defined (and zod loaded) on first use. */
const schemas = lazySchemas((z: Zod) => {
  const seconds = z.number().refine(Number.isFinite, { message: 'Expected a finite number of seconds' });

  const itemType = z
    .string()
    .refine((v) => ['pronunciation', 'punctuation', 'speaker-change'].includes(v.toLowerCase()), {
      message: 'Expected `pronunciation`, `punctuation` or `speaker-change`',
    });

  const streamingItem = z.looseObject({
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

  const streamingEntity = z.looseObject({
    Category: z.string().nullish(),
    Type: z.string().nullish(),
    Content: z.string().nullish(),
    StartTime: seconds,
    EndTime: seconds,
    Confidence: z.number().nullish(),
  });

  const streamingResult = z.looseObject({
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
  return { streamingItem, streamingEntity, streamingResult };
});

export const streamingItem = lazySchema(() => schemas().streamingItem);
export const streamingEntity = lazySchema(() => schemas().streamingEntity);
export const streamingResult = lazySchema(() => schemas().streamingResult);

type Schemas = ReturnType<typeof schemas>;
export type RawStreamingResult = z.infer<Schemas['streamingResult']>;
export type RawStreamingItem = z.infer<Schemas['streamingItem']>;
export type RawStreamingEntity = z.infer<Schemas['streamingEntity']>;
