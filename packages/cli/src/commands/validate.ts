// `scribekit validate <inputs...>` — checks that inputs are transcripts scribekit reads; exit 3 if not.
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { isVerbose, setExitCode } from './common.js';

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
    .action(async (inputs: string[], flags: { json?: boolean; summary?: string }, command: Command) => {
      const { runValidate } = await import('../run/validate.js');
      const request = {
        inputs,
        json: flags.json === true,
        summary: flags.summary,
        verbose: isVerbose(command),
      };
      setExitCode(command, await runValidate(request, io));
    });
}
