// `scribekit fetch <job-name...> [--wait] [--to <formats>] [-o DIR]` and `fetch --all` — the command line;
// the work (and the AWS SDK) is loaded from aws/fetch-run.ts when the command runs.
import { Command, Option } from 'commander';
import { JOB_STATUSES } from '../aws/options.js';
import type { CliIo } from '../io.js';
import type { FetchRequest } from '../run/fetch.js';
import { addAwsOptions, parseDuration, parseSince } from './aws-flags.js';
import { isVerbose, positiveInt, setExitCode } from './common.js';
import { phiPart } from './convert.js';
import { addExportFlags, exportFlagValues } from './export-flags.js';
import { addPhiFlags } from './phi-flags.js';

export function fetchCommand(io: CliIo): Command {
  const cmd = new Command('fetch')
    .description('download the transcripts of Transcribe Medical jobs (and convert them)')
    .argument('[job-names...]', 'medical transcription job names')
    .option('-w, --wait', 'wait for QUEUED / IN_PROGRESS jobs to finish')
    .option(
      '--timeout <duration>',
      'with --wait: give up after this long, e.g. 90s, 15m, 2h (default 1h)',
      parseDuration,
    )
    .option(
      '--poll-interval <duration>',
      'with --wait: first delay between status checks (default 5s)',
      parseDuration,
    )
    .option(
      '-t, --to <formats>',
      'convert to these formats (srt, vtt, docx, fhir-json, …, all); default: save the raw JSON',
    )
    .option('-o, --output <dir>', 'output directory (default .)')
    .option('-f, --force', 'overwrite existing output files')
    .option(
      '-c, --config <file>',
      'config file for the export options, as for convert (default: ./scribekit.config.json when present)',
    )
    .option('--all', 'fetch every job that matches --status, --since and --name-contains')
    .addOption(
      new Option('--status <status>', 'with --all: job status (default COMPLETED)').choices(JOB_STATUSES),
    )
    .option(
      '--since <date>',
      'with --all: jobs created at or after this date (2026-03-01, an ISO instant, or 7d)',
      (v) => parseSince(v),
    )
    .option('--name-contains <text>', 'with --all: job names containing this text')
    .option('--limit <n>', 'with --all: at most this many jobs', positiveInt(1_000_000))
    .option('-j, --concurrency <n>', 'jobs fetched at once (default 4)', positiveInt(64))
    .option('--json', 'print the batch summary as JSON on standard output')
    .option('-q, --quiet', 'no progress, no summary line');
  addAwsOptions(cmd);
  addExportFlags(cmd);
  addPhiFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Without --to, each job is saved as <job>.json (the transcript, mode 0600) and <job>.job.json (the job
description). With --to, the outputs carry the job's specialty, type and times (FHIR note, DOCX front
matter); job tags scribekit:subject / scribekit:encounter / scribekit:author fill the FHIR references
unless --subject / --encounter / --author are given.

AWS: the SDK's default credential chain (env, ~/.aws, SSO, instance roles); --profile, --region,
--endpoint-url, AWS_ENDPOINT_URL_TRANSCRIBE / AWS_ENDPOINT_URL_S3, AWS_MAX_ATTEMPTS, AWS_RETRY_MODE.
Needs transcribe:GetMedicalTranscriptionJob, s3:GetObject on the output (kms:Decrypt for SSE-KMS
output), and transcribe:ListMedicalTranscriptionJobs for --all.

Examples:
  $ scribekit fetch visit-0412                                   # visit-0412.json + visit-0412.job.json
  $ scribekit fetch visit-0412 --wait --timeout 30m --to docx,fhir-json --subject Patient/123 -o out
  $ scribekit fetch --all --since 7d --to srt,docx -o out --concurrency 8
  $ scribekit fetch --all --name-contains cardio --status COMPLETED --json > summary.json`,
  );
  cmd.action(async (names: string[], flags: Omit<FetchRequest, 'names' | 'options'>, command: Command) => {
    const { runFetch } = await import('../run/fetch.js');
    const { to, output, force, config, all, status, since, nameContains, limit, concurrency, json, quiet } =
      flags;
    const request: FetchRequest = {
      names,
      ...{ wait: flags.wait, timeout: flags.timeout, pollInterval: flags.pollInterval },
      ...{ profile: flags.profile, region: flags.region, endpointUrl: flags.endpointUrl },
      ...{ to, output, force, config, all, status, since, nameContains, limit, concurrency, json, quiet },
      options: exportFlagValues(command).options,
      ...phiPart(flags, io),
      verbose: isVerbose(command),
    };
    setExitCode(command, await runFetch(request, io));
  });
  return cmd;
}
