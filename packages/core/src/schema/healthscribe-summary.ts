// Zod schema of an AWS HealthScribe `summary.json` (the `ClinicalDocumentation` object).
import { z } from 'zod';

const summaryItem = z.looseObject({
  SummarizedSegment: z.string(),
  EvidenceLinks: z.array(z.looseObject({ SegmentId: z.string() })).default([]),
});

export const healthScribeSummary = z.looseObject({
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

export type RawHealthScribeSummary = z.infer<typeof healthScribeSummary>;
