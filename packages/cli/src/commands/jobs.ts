// `scribekit jobs [--status COMPLETED] [--name-contains X] [--since DATE] [--json]`: list medical
// transcription jobs (ListMedicalTranscriptionJobs, 100 a page). The SDK is loaded when the command runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import { type AwsFlags, addAwsOptions, JOB_STATUSES, parseSince } from '../aws/options.js';
import type { CliIo } from '../io.js';
import { resolveIo } from '../io.js';

export interface JobsFlags extends AwsFlags {
  readonly status?: string | undefined;
  readonly nameContains?: string | undefined;
  readonly since?: Date | undefined;
  readonly limit?: number | undefined;
  readonly json?: boolean | undefined;
}

export function jobsCommand(io: CliIo): Command {
  const cmd = new Command('jobs')
    .description('list Transcribe Medical jobs')
    .addOption(new Option('--status <status>', 'only jobs with this status').choices(JOB_STATUSES))
    .option('--name-contains <text>', 'only job names containing this text')
    .option(
      '--since <date>',
      'only jobs created at or after this date (2026-03-01, an ISO instant, or 7d)',
      (v) => parseSince(v),
    )
    .option('--limit <n>', 'at most this many jobs', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
      return n;
    })
    .option('--json', 'print the jobs as a JSON array');
  addAwsOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Needs transcribe:ListMedicalTranscriptionJobs.

Examples:
  $ scribekit jobs --status IN_PROGRESS
  $ scribekit jobs --status COMPLETED --since 7d --json | jq -r '.[].name'`,
  );
  cmd.action(async (flags: JobsFlags) => {
    const [{ createTranscribeApi }, { listJobs }, { awsConfigFrom }] = await Promise.all([
      import('../aws/clients.js'),
      import('../aws/transcribe-jobs.js'),
      import('../aws/options.js'),
    ]);
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
  });
  return cmd;
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
