// `scribekit jobs`: list Transcribe Medical jobs (ListMedicalTranscriptionJobs, 100 a page) as a table or JSON.
import { createTranscribeApi } from '../aws/clients.js';
import { type AwsFlags, awsConfigFrom } from '../aws/options.js';
import { listJobs } from '../aws/transcribe-jobs.js';
import { type CliIo, resolveIo } from '../io.js';

export interface JobsRequest extends AwsFlags {
  readonly status?: string | undefined;
  readonly nameContains?: string | undefined;
  readonly since?: Date | undefined;
  readonly limit?: number | undefined;
  readonly json?: boolean | undefined;
}

export async function runJobs(flags: JobsRequest, io: CliIo): Promise<void> {
  const r = resolveIo(io);
  const api = await createTranscribeApi(awsConfigFrom(flags, r.env));
  const rows: JobRow[] = [];
  for await (const job of listJobs(api, {
    status: flags.status,
    nameContains: flags.nameContains,
    since: flags.since,
    limit: flags.limit,
  })) {
    rows.push({
      name: job.MedicalTranscriptionJobName ?? '',
      status: job.TranscriptionJobStatus ?? '',
      created: iso(job.CreationTime),
      completed: iso(job.CompletionTime),
      specialty: job.Specialty ?? null,
      type: job.Type ?? null,
      ...(job.FailureReason ? { failureReason: job.FailureReason } : {}),
    });
  }
  if (flags.json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout(formatTable(rows));
}

interface JobRow {
  readonly name: string;
  readonly status: string;
  readonly created: string | null;
  readonly completed: string | null;
  readonly specialty: string | null;
  readonly type: string | null;
  readonly failureReason?: string;
}

function iso(value: Date | undefined): string | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;
}

/** Aligned columns: NAME STATUS CREATED SPECIALTY TYPE (and the failure reason at the end). */
export function formatTable(rows: readonly JobRow[]): string {
  if (rows.length === 0) return 'no jobs\n';
  const cells = [
    ['NAME', 'STATUS', 'CREATED', 'SPECIALTY', 'TYPE', ''],
    ...rows.map((r) => [
      r.name,
      r.status,
      r.created ? r.created.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z') : '-',
      r.specialty ?? '-',
      r.type ?? '-',
      r.failureReason ?? '',
    ]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return `${cells
    .map((c) =>
      c
        .map((v, i) => v.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
