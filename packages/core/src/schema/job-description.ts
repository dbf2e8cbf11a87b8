// Zod schema of a Transcribe Medical job description: `GetMedicalTranscriptionJob`'s `MedicalTranscriptionJob`
// (as the SDK returns it, with Dates, or as JSON, with ISO strings or epoch seconds), as `scribekit fetch` saves
// it (`<job>.job.json`). The only module that knows its AWS field names. Lenient: every field is optional, and a
// field of the wrong type is dropped, not fatal — a job description only adds metadata.
import type { z } from 'zod';
import { lazySchema, lazySchemas, type Zod } from './lazy-zod.js';

/** The zod schemas, defined (and zod loaded) on first use. */
const schemas = lazySchemas((z: Zod) => {
  const text = z.string().min(1).optional().catch(undefined);
  const flag = z.boolean().optional().catch(undefined);
  const count = z.number().int().nonnegative().optional().catch(undefined);
  /** A Date, an ISO 8601 string, or epoch seconds (the JSON 1.1 wire form). */
  const time = z.union([z.date(), z.string(), z.number()]).optional().catch(undefined);

  const jobDescription = z.looseObject({
    MedicalTranscriptionJobName: text,
    TranscriptionJobName: text,
    TranscriptionJobStatus: text,
    LanguageCode: text,
    Specialty: text,
    Type: text,
    ContentIdentificationType: text,
    FailureReason: text,
    Media: z.looseObject({ MediaFileUri: text, RedactedMediaFileUri: text }).optional().catch(undefined),
    Transcript: z
      .looseObject({ TranscriptFileUri: text, RedactedTranscriptFileUri: text })
      .optional()
      .catch(undefined),
    CreationTime: time,
    StartTime: time,
    CompletionTime: time,
    Settings: z
      .looseObject({
        ShowSpeakerLabels: flag,
        MaxSpeakerLabels: count,
        ChannelIdentification: flag,
        ShowAlternatives: flag,
        MaxAlternatives: count,
        VocabularyName: text,
      })
      .optional()
      .catch(undefined),
    Tags: z
      .array(z.looseObject({ Key: z.string(), Value: z.string() }).nullable().catch(null))
      .optional()
      .catch(undefined),
  });
  return { jobDescription };
});

export const jobDescription = lazySchema(() => schemas().jobDescription);

type Schemas = ReturnType<typeof schemas>;
export type RawJobDescription = z.infer<Schemas['jobDescription']>;
