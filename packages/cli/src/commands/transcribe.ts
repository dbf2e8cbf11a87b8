// `scribekit transcribe <audio...> --media-bucket B --output-bucket B --type dictation|conversation` — the command
// line; the work (and the AWS SDK) is loaded from run/transcribe.ts when the command runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from '../io.js';
import type { TranscribeRequest } from '../run/transcribe.js';
import { addAwsOptions, parseDuration } from './aws-flags.js';
import { isVerbose, positiveInt, setExitCode } from './common.js';
import { phiPart } from './convert.js';
import { addExportFlags, exportFlagValues } from './export-flags.js';
import { addPhiFlags } from './phi-flags.js';

// Kept here (not imported from the SDK or run/) so `--help` stays light; aws/start-job.ts has the same lists.
const SPECIALTIES = ['PRIMARYCARE'];
const LANGUAGES = ['en-US'];

const intIn = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
  return n;
};
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const bucketName = (v: string) => {
  if (v === '' || /^s3:|\//i.test(v))
    throw new InvalidArgumentError('expected a bucket name (no s3://, no key)');
  return v;
};

export function transcribeCommand(io: CliIo): Command {
  const cmd = new Command('transcribe')
    .description(
      'start Transcribe Medical jobs for audio files, wait, and fetch (and convert) the transcripts',
    )
    .argument('<audio...>', 'local audio files (uploaded to --media-bucket) or s3:// media URIs')
    .option('--media-bucket <bucket>', 'S3 bucket local audio is uploaded to', bucketName)
    .option('--media-prefix <prefix>', 'key prefix for uploaded audio, e.g. audio/ (default: none)')
    .option('--type <type>', 'dictation (one speaker) or conversation (required)', (v: string) => {
      const type = v.toUpperCase();
      if (type !== 'DICTATION' && type !== 'CONVERSATION')
        throw new InvalidArgumentError('expected dictation or conversation');
      return type;
    })
    .addOption(
      new Option('--specialty <specialty>', 'medical specialty (batch jobs take PRIMARYCARE only)')
        .choices(SPECIALTIES)
        .default('PRIMARYCARE'),
    )
    .addOption(new Option('--language <code>', 'language of the audio').choices(LANGUAGES).default('en-US'))
    .option('--speakers <n>', 'label speakers, at most n (2–30)', intIn(2, 30))
    .option('--channels', 'identify channels (two-channel audio, e.g. clinician and patient)')
    .option('--alternatives <n>', 'keep up to n alternative transcriptions (2–10)', intIn(2, 10))
    .option('--phi', 'identify PHI in the transcript (ContentIdentificationType PHI)')
    .option('--vocabulary <name>', 'custom medical vocabulary to use')
    .option(
      '--output-bucket <bucket>',
      'S3 bucket Transcribe writes the transcript to (required)',
      bucketName,
    )
    .option(
      '--output-key <key>',
      'transcript key (ending .json) or folder in the output bucket (default: Transcribe names it after the job)',
    )
    .option('--kms-key <arn>', 'KMS key for the transcript and the uploaded audio (default: SSE-S3)')
    .option(
      '--tag <key=value>',
      'job tag (repeatable); --subject/--encounter/--author also tag the job',
      collect,
    )
    .option(
      '--no-wait',
      'only start the jobs and print their names (fetch them later with `scribekit fetch`)',
    )
    .option('--new', 'start a new job even when an earlier run started one for the same audio and settings')
    .option('--max-jobs <n>', 'jobs in flight at once (default 20)', positiveInt(250))
    .option(
      '--timeout <duration>',
      'give up waiting after this long, e.g. 30m, 2h (default 1h)',
      parseDuration,
    )
    .option('--poll-interval <duration>', 'first delay between status checks (default 5s)', parseDuration)
    .option(
      '-t, --to <formats>',
      'convert to these formats (srt, vtt, docx, fhir-json, …, all); default: save the raw JSON',
    )
    .option('-o, --output <dir>', 'output directory (default .)')
    .option('-f, --force', 'overwrite existing output files')
    .option('-c, --config <file>', 'config file for the export options, as for convert')
    .option('--json', 'print the batch summary (with job names) as JSON on standard output')
    .option('-q, --quiet', 'no progress, no summary line');
  addAwsOptions(cmd);
  addExportFlags(cmd);
  addPhiFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Each file is checked first (extension; WAV/FLAC header: 16–48 kHz for Medical), then uploaded privately
(SSE-S3, or SSE-KMS with --kms-key; multipart when large; SHA-256 checksummed) as
<prefix><name>-<hash>.<ext>. The job is named <name>-<hash>, the hash covering the audio and the settings,
so running the same command again reuses the job (and the upload) instead of paying twice; --new forces a
fresh job. Outputs are named after the audio file, as with fetch.

Needs transcribe:StartMedicalTranscriptionJob (transcribe:TagResource for tags),
transcribe:GetMedicalTranscriptionJob, s3:PutObject and s3:GetObject on the media, s3:PutObject and
s3:GetObject on the output (kms:GenerateDataKey, kms:Encrypt and kms:Decrypt on --kms-key).
See docs/iam/cli-policy.json.

Examples:
  $ scribekit transcribe visit.wav --media-bucket in --output-bucket out --type dictation \\
      --specialty PRIMARYCARE --phi --to docx,fhir-json --subject Patient/123
  $ scribekit transcribe s3://in/clinic/visit-7.flac --output-bucket out --type conversation --speakers 2 --no-wait
  $ scribekit transcribe recordings/*.wav --media-bucket in --output-bucket out --type dictation --max-jobs 10 -o notes`,
  );
  cmd.action(async (inputs: string[], flags: Record<string, unknown>, command: Command) => {
    const { runTranscribe } = await import('../run/transcribe.js');
    const request: TranscribeRequest = {
      inputs,
      ...pick(flags, ['mediaBucket', 'mediaPrefix', 'type', 'specialty', 'language', 'speakers']),
      ...pick(flags, ['channels', 'alternatives', 'phi', 'vocabulary', 'outputBucket', 'outputKey']),
      ...pick(flags, ['kmsKey', 'wait', 'timeout', 'pollInterval', 'maxJobs', 'to', 'output', 'force']),
      ...pick(flags, ['config', 'json', 'quiet', 'profile', 'region', 'endpointUrl']),
      tags: flags.tag as string[] | undefined,
      fresh: flags.new === true,
      options: exportFlagValues(command).options,
      ...phiPart(flags, io),
      verbose: isVerbose(command),
    };
    setExitCode(command, await runTranscribe(request, io));
  });
  return cmd;
}

function pick(flags: Record<string, unknown>, keys: readonly (keyof TranscribeRequest)[]) {
  return Object.fromEntries(keys.map((k) => [k, flags[k]])) as Partial<TranscribeRequest>;
}
