// `scribekit analyze <input>` — speakers, talk time, words per minute, confidence and PHI counts.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from '../io.js';
import type { AnalyzeRequest } from '../run/analyze.js';
import { addAwsOptions } from './aws-flags.js';
import { setExitCode } from './common.js';
import { phiPart } from './convert.js';
import { speakerNamesFrom } from './export-flags.js';
import { addPhiFlags } from './phi-flags.js';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const number = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
};

export function analyzeCommand(io: CliIo): Command {
  const cmd = new Command('analyze')
    .description('show speakers, talk time, words per minute, confidence and PHI counts of a transcript')
    .argument('<input>', 'a transcript file, or - for standard input')
    .option('--json', 'print the analysis as JSON')
    .option('--show-text', 'include transcript words (low-confidence words); they may be PHI')
    .option('--low-confidence <0-1>', 'words below this confidence are listed (default 0.5)', number)
    .option(
      '--silence <ms>',
      'gaps between words at least this long count as silences (default 2000)',
      number,
    )
    .option('--speaker <id=name>', 'display name of a speaker, e.g. spk_0="Dr. Rivera" (repeatable)', collect)
    .option('--channel <id=name>', 'display name of a channel, e.g. ch_1=Patient (repeatable)', collect)
    .option('--summary <file>', 'HealthScribe summary.json to load with a HealthScribe transcript')
    .addOption(
      new Option('--sections <mode>', 'dictation sections: auto (dictations), on, off').choices([
        'auto',
        'on',
        'off',
      ]),
    )
    .option(
      '--dictation-commands',
      'count spoken formatting commands ("new paragraph", "period"…) as applied',
    )
    .option(
      '--corrections <file>',
      'a review page’s corrections file to apply first (reports how many words)',
    )
    .addHelpText(
      'after',
      `
Without --show-text, no transcript words are printed: only figures, ids, names and PHI types.

Examples:
  $ scribekit analyze visit.json
  $ scribekit analyze visit.json --speaker spk_0="Dr. Rivera" --speaker spk_1=Patient
  $ scribekit analyze visit.json --json | jq '.speakers[] | {label, wordsPerMinute}'
  $ scribekit analyze visit.json --low-confidence 0.7 --show-text`,
    );
  addPhiFlags(cmd);
  addAwsOptions(cmd);
  return cmd.action(async (input: string, flags: Record<string, unknown>, command: Command) => {
    const { runAnalyze } = await import('../run/analyze.js');
    const request: AnalyzeRequest = {
      input,
      json: flags.json === true,
      showText: flags.showText === true,
      lowConfidence: flags.lowConfidence as number | undefined,
      silence: flags.silence as number | undefined,
      speakerNames: speakerNamesFrom({
        speakers: flags.speaker as string[] | undefined,
        channels: flags.channel as string[] | undefined,
      }),
      summary: flags.summary as string | undefined,
      corrections: flags.corrections as string | undefined,
      ...phiPart(flags, io),
      layout: {
        sections: flags.sections as 'auto' | 'on' | 'off' | undefined,
        dictationCommands: flags.dictationCommands === true,
      },
    };
    setExitCode(command, await runAnalyze(request, io));
  });
}
