// `scribekit convert <inputs...> --to <formats> [-o DIR]` — the command line. The work is in run/convert.ts
// (imported when the command runs, so `--help` never loads the exporters).
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from '../io.js';
import { isVerbose, setExitCode } from './common.js';
import { addExportFlags, exportFlagValues } from './export-flags.js';

const FORMATS = 'srt, vtt, docx, fhir-json, fhir-xml, txt, md, json, html, or all';

/** `--jobs` / `--concurrency`: an integer from 1 to max. */
export const positiveInt = (max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`expected an integer from 1 to ${max}`);
  return n;
};

export function convertCommand(io: CliIo): Command {
  const cmd = new Command('convert')
    .description('convert transcripts to captions, Word, FHIR, text, Markdown or JSON')
    .argument('<inputs...>', 'transcript files, directories (recursive), globs, or - for standard input')
    .option('-t, --to <formats>', `output formats, comma-separated: ${FORMATS} (default srt)`)
    .option('-o, --output <dir>', 'output directory (default: standard output for one text output, else .)')
    .option('-f, --force', 'overwrite existing output files')
    .addOption(
      new Option('-j, --jobs <n>', 'worker threads (default: the number of cores)').argParser(
        positiveInt(256),
      ),
    )
    .option('--summary <file>', 'HealthScribe summary.json to load with a single HealthScribe transcript')
    .option(
      '--corrections <file>',
      'a review page’s corrections file (.corrections.json) to apply before export, with a single input',
    )
    .option('-c, --config <file>', 'config file (default: ./scribekit.config.json when present)')
    .option('--json', 'print the batch summary as JSON on standard output')
    .option('-q, --quiet', 'no progress bar and no summary line');
  addExportFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Output files are named after the input file (<name>.<format extension>), in the output directory,
mirroring sub-directories of directory inputs; standard input is named after the transcript's job name.
Existing files are never overwritten without --force. Outputs with unredacted PHI get mode 0600.

Examples:
  $ scribekit convert visit.json --to srt                  # SRT on standard output
  $ scribekit convert visit.json --to all -o out --subject Patient/123
  $ scribekit convert transcripts/ --to srt,vtt,docx -o out --jobs 2
  $ scribekit convert 'jobs/**/*.json' --to fhir-json --subject Patient/123 --author Practitioner/7 -o fhir
  $ scribekit convert visit.json --to vtt --speaker spk_0="Dr. Rivera" --speaker spk_1=Patient
  $ scribekit convert visit.json --to docx,txt --redact-phi -o shareable
  $ aws s3 cp s3://bucket/visit.json - | scribekit convert - --to md > visit.md`,
  );
  cmd.action(async (inputs: string[], flags: Record<string, unknown>, command: Command) => {
    const { runConvert } = await import('../run/convert.js');
    const code = await runConvert(
      {
        inputs,
        to: flags.to as string | undefined,
        output: flags.output as string | undefined,
        force: flags.force === true,
        jobs: flags.jobs as number | undefined,
        json: flags.json === true,
        quiet: flags.quiet === true,
        summary: flags.summary as string | undefined,
        corrections: flags.corrections as string | undefined,
        config: flags.config as string | undefined,
        options: exportFlagValues(command).options,
        verbose: isVerbose(command),
      },
      io,
    );
    setExitCode(command, code);
  });
  return cmd;
}
