// `scribekit validate <inputs...>` — checks that inputs are transcripts scribekit reads; exit 3 if not.
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { setExitCode } from './common.js';

export interface ValidateFlags {
  readonly json?: boolean | undefined;
  readonly summary?: string | undefined;
}

export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .description(
      'check that inputs are transcripts scribekit can read (schema and format), listing every problem',
    )
    .argument('<inputs...>', 'transcript files, directories (recursive), globs, or - for standard input')
    .option('--summary <file>', 'HealthScribe summary.json to check with a single HealthScribe transcript')
    .option('--json', 'print the results as JSON on standard output')
    .addHelpText(
      'after',
      `
Exit code 0 when every input is valid, 3 when any is not.

Examples:
  $ scribekit validate visit.json
  $ scribekit validate transcripts/ --json
  $ scribekit validate 'jobs/**/transcript.json'`,
    )
    .action(async (inputs: string[], flags: ValidateFlags, command: Command) => {
      const { runValidate } = await import('../validate.js');
      setExitCode(command, await runValidate(inputs, flags, io, command));
    });
}
