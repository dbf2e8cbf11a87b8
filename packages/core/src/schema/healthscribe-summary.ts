// Zod schema of an AWS HealthScribe `summary.json` (the `ClinicalDocumentation` object).
import type { z } from 'zod';
import { lazySchema, lazySchemas, type Zod } from './lazy-zod.js';

/** The zod schemas, defined (and zod loaded) on first use. */
const schemas = lazySchemas((z: Zod) => {
  const summaryItem = z.looseObject({
    SummarizedSegment: z.string(),
    EvidenceLinks: z.array(z.looseObject({ SegmentId: z.string() })).default([]),
  });

  const healthScribeSummary = z.looseObject({
    ClinicalDocumentation: z.looseObject({
      SessionId: z.string().nullish(),
      Sections: z.array(
        z.looseObject({
          SectionName: z.string().min(1, 'Expected a section name'),
          Summary: z.array(summaryItem).default([]),
        }),
      ),
    }),
  });
  return { healthScribeSummary };
});

export const healthScribeSummary = lazySchema(() => schemas().healthScribeSummary);

type Schemas = ReturnType<typeof schemas>;
export type RawHealthScribeSummary = z.infer<Schemas['healthScribeSummary']>;
