// The scribekit command: builds the commander program and maps errors to exit codes.
// Only commander and the command factories load at startup; each command imports its work (and the
// exporters, the AWS SDK) when it runs, so `--help` and `--version` stay fast.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { analyzeCommand } from './commands/analyze.js';
import { convertCommand } from './commands/convert.js';
import { fetchCommand } from './commands/fetch.js';
import { jobsCommand } from './commands/jobs.js';
import { sendCommand } from './commands/send.js';
import { transcribeCommand } from './commands/transcribe.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, exitCodeFor, exitForSignal } from './exit-codes.js';
import { type CliIo, defaultIo, resolveIo } from './io.js';
import { formatError } from './report.js';

export { EXIT, exitCodeFor } from './exit-codes.js';
export type { CliIo } from './io.js';

/** The package version (found by the package's own name, so the bundled CLI finds it as src/ and dist/ do). */
export function version(): string {
  const pkg = JSON.parse(
    readFileSync(new URL(import.meta.resolve('@scribekit/cli/package.json')), 'utf8'),
  ) as {
    version: string;
  };
  return pkg.version;
}

export function createProgram(io: CliIo = defaultIo): Command {
  const program = new Command('scribekit')
    .description(
      'Turn Amazon Transcribe Medical output into captions, Word transcripts, FHIR and HL7 notes, and analysis',
    )
    .version(version(), '-V, --version', 'print the version')
    .option('--verbose', 'show the cause of errors (and stacks of unexpected ones)')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program.addCommand(convertCommand(io));
  program.addCommand(analyzeCommand(io));
  program.addCommand(validateCommand(io));
  program.addCommand(fetchCommand(io));
  program.addCommand(jobsCommand(io));
  program.addCommand(transcribeCommand(io));
  program.addCommand(sendCommand(io));

  // (Add further commands above this line.) Commands added with addCommand do not inherit settings: give
  // every one exitOverride, the output streams and the other settings of the program.
  for (const cmd of program.commands) cmd.copyInheritedSettings(program);
  program.addHelpText(
    'after',
    `
Exit codes: 0 ok, 1 some inputs failed, 2 usage, 3 invalid input, 4 AWS/fetch, 5 export, 6 send,
130 interrupted (143 on SIGTERM, 129 on SIGHUP).

Examples:
  $ scribekit convert visit.json --to srt > visit.srt
  $ scribekit convert transcripts/ --to all -o out --subject Patient/123
  $ scribekit analyze visit.json
  $ scribekit validate transcripts/
  $ scribekit convert dictation.json --to hl7 -o out --subject Patient/123 --send mllp://ehr:2575
  $ scribekit transcribe visit.wav --media-bucket my-audio --output-bucket my-notes --type dictation --to docx
  $ scribekit help convert`,
  );
  return program;
}

/** Runs the CLI with the given arguments and returns the exit code. Never calls process.exit. */
export async function run(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const program = createProgram(io);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv, { from: 'user' });
    const code = (program.getOptionValue('exitCode') as number | undefined) ?? EXIT.ok;
    const { signal } = resolveIo(io);
    return signal.aborted ? exitForSignal(signal.reason) : code;
  } catch (error) {
    // Commander has already printed its own message (usage errors); help and version exit 0.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) return exitCodeFor(error);
    const { signal } = resolveIo(io);
    if (signal.aborted) return exitForSignal(signal.reason);
    io.stderr(formatError(error, verbose));
    return exitCodeFor(error);
  }
}
