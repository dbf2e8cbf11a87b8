// Types of score.mjs for the TypeScript tests.
import type { DetectedSection, NumberedItem, SectionOptions, Token, Transcript } from '@scribekit/core';

export interface CoreFunctions {
  parseTranscript(input: unknown): Transcript;
  detectSections(
    tokens: readonly Token[],
    first: number,
    end: number,
    options?: SectionOptions,
  ): DetectedSection[];
  numberedItems(tokens: readonly Token[], first: number, end: number): NumberedItem[];
}
export interface ReportScore {
  readonly reports: number;
  readonly tokens: number;
  readonly truth: number;
  readonly common: number;
  readonly written: number;
  readonly mismatchedTokens: number;
  readonly recall: number;
  readonly recallAll: number;
  readonly precision: number;
  readonly itemRecall: number;
  readonly itemPrecision: number;
  readonly misses: Record<string, number>;
  readonly falsePositives: Record<string, number>;
}
export interface ParagraphStats {
  readonly longestTurn: number;
  readonly paragraphs: number;
  readonly max: number;
  readonly p50: number;
  readonly p95: number;
  readonly over1200: number;
  readonly over1500: number;
}
export function truthKey(text: string): string;
export function commonId(text: string): string | undefined;
export function scoreReports(
  rows: readonly Record<string, string>[],
  core: CoreFunctions,
  options?: { seed?: number; model?: 'clinician' | 'variant'; sectionOptions?: SectionOptions },
): ReportScore;
export function paragraphLengths(
  t: Transcript,
  core: {
    paragraphBreaks(tokens: readonly Token[], first: number, end: number, options?: object): number[];
    joinTokens(tokens: readonly Token[]): string;
  },
  options?: object,
): ParagraphStats;
