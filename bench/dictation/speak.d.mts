// Types of speak.mjs for the TypeScript tests.
export interface ReportBlock {
  readonly type: 'heading' | 'text';
  readonly text: string;
  readonly item?: number;
}
export interface TruthHeading {
  readonly text: string;
  /** Item index of the heading's first word. */
  readonly start: number;
  /** Item index of the first word after the heading (and its punctuation). */
  readonly body: number;
}
export interface TruthItem {
  readonly ordinal: number;
  readonly marker: number;
  readonly content: number;
  readonly heading: number;
}
export interface SpokenReport {
  readonly json: {
    readonly jobName: string;
    readonly accountId: string;
    readonly status: 'COMPLETED';
    readonly results: { readonly transcripts: { transcript: string }[]; readonly items: unknown[] };
  };
  readonly truth: { readonly headings: TruthHeading[]; readonly items: TruthItem[] };
}
export function rng(seed: number): () => number;
export function parseCsv(text: string): Record<string, string>[];
export function parseReport(report: string): ReportBlock[];
export function speakReport(
  report: string | readonly ReportBlock[],
  options?: { seed?: number; model?: 'clinician' | 'variant'; jobName?: string },
): SpokenReport;
