// `scribekit convert <inputs...> --to <formats> [-o DIR]` — the command line. The work is in run/convert.ts
// (imported when the command runs, so `--help` never loads the exporters).
import { Command, Option } from 'commander';
import { type CliIo, resolveIo } from '../io.js';
import { addAwsOptions } from './aws-flags.js';
import { isVerbose, positiveInt, setExitCode } from './common.js';
import { addExportFlags, exportFlagValues } from './export-flags.js';
import { addPhiFlags, phiRequestFrom } from './phi-flags.js';
import { addMllpFlags, mllpRequest } from './send.js';

/** `detectPhi` of a request, when `--detect-phi` was given. */
export function phiPart(flags: Record<string, unknown>, io: CliIo) {
  const detectPhi = phiRequestFrom(flags, resolveIo(io).env);
  return detectPhi ? { detectPhi } : {};
}

const FORMATS = 'srt, vtt, docx, fhir-json, fhir-xml, hl7, txt, md, json, html, or all';

export function convertCommand(io: CliIo): Command {
  const cmd = new Command('convert')
    .description('convert transcripts to captions, Word, FHIR, HL7 v2, text, Markdown or JSON')
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
    .option('-q, --quiet', 'no progress bar and no summary line')
    .option(
      '--send <url>',
      'then send the .hl7 outputs over MLLP (mllp://host:port or mllps://…); needs --to hl7 and -o',
    );
  addExportFlags(cmd);
  addPhiFlags(cmd);
  addAwsOptions(cmd);
  // The MLLP flags of `send`, for --send.
  addMllpFlags(cmd);
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
  $ scribekit convert dictation.json --to hl7 -o out --subject Patient/123 --send mllp://ehr:2575
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
        ...(typeof flags.send === 'string' ? { send: mllpRequest(flags.send, flags) } : {}),
        ...phiPart(flags, io),
      },
      io,
    );
    setExitCode(command, code);
  });
  return cmd;
}
