// The scribekit command: builds the commander program and maps errors to exit codes.
import { readFile } from 'node:fs/promises';
import { isTranscriptError, parseTranscript } from '@scribekit/core';
import { Command, CommanderError } from 'commander';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes (documented in the README). */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, invalidInput: 3, fetch: 4, export: 5 } as const;

export function createProgram(io: CliIo = defaultIo): Command {
  const program = new Command('scribekit')
    .description(
      'Turn Amazon Transcribe Medical output into captions, Word transcripts, FHIR notes and analysis',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('validate')
    .description('check that inputs are transcripts scribekit can read')
    .argument('<inputs...>', 'transcript files')
    .action(async (inputs: string[]) => {
      let failed = 0;
      for (const file of inputs) {
        try {
          const t = parseTranscript(await readFile(file), { file });
          io.stdout(
            `ok  ${file}: ${t.tokens.length} tokens, ${t.speakers.length} speakers, ${t.channels.length} channels, ${(t.durationMs / 1000).toFixed(1)} s\n`,
          );
        } catch (error) {
          if (!isTranscriptError(error)) throw error;
          failed++;
          io.stderr(`error: ${error.message}\n`);
        }
      }
      if (failed > 0) program.setOptionValue('exitCode', EXIT.invalidInput);
    });
  return program;
}

/** Runs the CLI with the given arguments and returns the exit code. Never calls process.exit. */
export async function run(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return (program.getOptionValue('exitCode') as number | undefined) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isTranscriptError(error)) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT.invalidInput;
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.someFailed;
  }
}
