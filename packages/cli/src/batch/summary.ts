// The end-of-batch summary: one line for people, or JSON (`--json`) for machines.
import type { OptionNamer } from '@scribekit/core/errors';
import { errorMessage } from '../report.js';
import type { BatchResult } from './run-batch.js';

export interface ItemReport {
  readonly input: string;
  readonly status: 'ok' | 'failed' | 'cancelled';
  /** Files written for this input. */
  readonly outputs: readonly string[];
  readonly error?: { readonly code: string; readonly message: string } | undefined;
}

export interface BatchSummary {
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly files: number;
  readonly durationMs: number;
  readonly items: readonly ItemReport[];
}

/** `code` and `message` of any thrown value (no stack, no cause: those are for --verbose). */
export function describeError(error: unknown, namer?: OptionNamer): { code: string; message: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return { code: typeof code === 'string' ? code : 'E_INTERNAL', message: errorMessage(error, namer) };
}

/** Builds the summary from the batch results; `inputOf` names each task, `outputsOf` lists its files. */
export function summarize<R>(
  results: readonly BatchResult<R>[],
  inputOf: (index: number) => string,
  outputsOf: (value: R) => readonly string[],
  durationMs: number,
  namer?: OptionNamer,
): BatchSummary {
  const items: ItemReport[] = results.map((r) => {
    const input = inputOf(r.index);
    if (r.status === 'ok') return { input, status: 'ok', outputs: outputsOf(r.value) };
    if (r.status === 'failed')
      return { input, status: 'failed', outputs: [], error: describeError(r.error, namer) };
    return { input, status: 'cancelled', outputs: [] };
  });
  const count = (s: ItemReport['status']) => items.filter((i) => i.status === s).length;
  return {
    total: items.length,
    ok: count('ok'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    files: items.reduce((n, i) => n + i.outputs.length, 0),
    durationMs,
    items,
  };
}

/** `converted 998 of 1000 inputs into 2994 files in 3.2 s; 2 failed` */
export function formatSummary(summary: BatchSummary, verb = 'converted'): string {
  const parts = [
    `${verb} ${summary.ok} of ${summary.total} input${summary.total === 1 ? '' : 's'} into ${summary.files} file${summary.files === 1 ? '' : 's'} in ${(summary.durationMs / 1000).toFixed(1)} s`,
  ];
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  if (summary.cancelled > 0) parts.push(`${summary.cancelled} not started (interrupted)`);
  return `${parts.join('; ')}\n`;
}

/** The summary as JSON text (`--json`). */
export function summaryJson(summary: BatchSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
