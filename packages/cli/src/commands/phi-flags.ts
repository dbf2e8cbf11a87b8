// `--detect-phi comprehend` and its settings, shared by convert, fetch, transcribe and analyze.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { awsConfigFrom } from '../aws/options.js';
import { UsageError } from '../errors.js';
import type { PhiDetectRequest } from '../pipeline/detect-phi-step.js';

const score = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1))
    throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};

export function addPhiFlags(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--detect-phi <service>',
        'find PHI with Amazon Comprehend Medical DetectPHI (sends the transcript text to AWS; billed per character)',
      ).choices(['comprehend']),
    )
    .option(
      '--phi-min-score <0-1>',
      'with --detect-phi: ignore detections scoring below this (default 0.3)',
      score,
    )
    .option('--phi-types <list>', 'with --detect-phi: only these types, e.g. NAME,DATE,ID (default all)');
}

/** The detection request from parsed flags, or undefined without `--detect-phi`. */
export function phiRequestFrom(
  flags: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): PhiDetectRequest | undefined {
  if (flags.detectPhi === undefined) {
    if (flags.phiMinScore !== undefined || flags.phiTypes !== undefined)
      throw new UsageError('--phi-min-score and --phi-types need --detect-phi comprehend');
    return undefined;
  }
  const types =
    typeof flags.phiTypes === 'string'
      ? flags.phiTypes
          .split(',')
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean)
      : undefined;
  return {
    service: 'comprehend',
    ...(flags.phiMinScore !== undefined ? { minScore: flags.phiMinScore as number } : {}),
    ...(types ? { types } : {}),
    aws: awsConfigFrom(
      {
        profile: flags.profile as string | undefined,
        region: flags.region as string | undefined,
        endpointUrl: flags.endpointUrl as string | undefined,
      },
      env,
    ),
  };
}
