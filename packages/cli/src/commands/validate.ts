// `scribekit validate <inputs...>` — checks that inputs are transcripts scribekit reads; exit 3 if not.
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addAwsOptions } from './aws-flags.js';
import { isVerbose, setExitCode } from './common.js';
import { phiPart } from './convert.js';
import { addPhiFlags } from './phi-flags.js';

export function validateCommand(io: CliIo): Command {
  const cmd = new Command('validate')
    .description(
      'check that inputs are transcripts scribekit can read (schema and format), listing every problem',
    )
    .argument('<inputs...>', 'transcript files, directories (recursive), globs, or - for standard input')
    .option('--summary <file>', 'HealthScribe summary.json to check with a single HealthScribe transcript')
    .option('--json', 'print the results as JSON on standard output')
    .option(
      '--phi',
      'also check each input can be redacted with confidence (PHI looked for, every entity located)',
    )
    .addHelpText(
      'after',
      `
Exit code 0 when every input is valid, 3 when any is not.

Examples:
  $ scribekit validate visit.json
  $ scribekit validate transcripts/ --json
  $ scribekit validate 'jobs/**/transcript.json'
  $ scribekit validate visit.json --phi                      # can it be redacted with confidence?
  $ scribekit validate visit.json --phi --detect-phi comprehend`,
    );
  addPhiFlags(cmd);
  addAwsOptions(cmd);
  return cmd.action(async (inputs: string[], flags: Record<string, unknown>, command: Command) => {
    const { runValidate } = await import('../run/validate.js');
    const request = {
      inputs,
      json: flags.json === true,
      summary: flags.summary as string | undefined,
      verbose: isVerbose(command),
      phi: flags.phi === true || flags.detectPhi !== undefined,
      ...phiPart(flags, io),
    };
    setExitCode(command, await runValidate(request, io));
  });
}
