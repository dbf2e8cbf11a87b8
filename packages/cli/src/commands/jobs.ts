// `scribekit jobs [--status COMPLETED] [--name-contains X] [--since DATE] [--json]`: list medical
// transcription jobs (ListMedicalTranscriptionJobs, 100 a page). The SDK is loaded when the command runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import { JOB_STATUSES } from '../aws/options.js';
import type { CliIo } from '../io.js';
import type { JobsRequest } from '../run/jobs.js';
import { addAwsOptions, parseSince } from './aws-flags.js';

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
  cmd.action(async (flags: JobsRequest) => {
    const { runJobs } = await import('../run/jobs.js');
    await runJobs(flags, io);
  });
  return cmd;
}
