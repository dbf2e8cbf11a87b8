// The validate command's work: parse every input (in order) and report what is wrong and where.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isTranscriptError, parseTranscript, type Transcript } from '@scribekit/core';
import { runBatch } from '../batch/run-batch.js';
import { UsageError } from '../errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { type CliIo, paint, resolveIo, useColor } from '../io.js';
import { expandInputs } from '../pipeline/inputs.js';
import { formatError } from '../report.js';

/** What `validate` was asked to do (the command line as plain data). */
export interface ValidateRequest {
  readonly inputs: readonly string[];
  readonly json?: boolean | undefined;
  readonly summary?: string | undefined;
  readonly verbose?: boolean | undefined;
}

interface Checked {
  readonly input: string;
  readonly valid: boolean;
  readonly kind?: string;
  readonly tokens?: number;
  readonly words?: number;
  readonly speakers?: number;
  readonly channels?: number;
  readonly durationMs?: number;
  readonly warnings?: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

/** How many issues of one input are listed without --verbose. */
const MAX_ISSUES = 20;

export async function runValidate(flags: ValidateRequest, ioIn: CliIo): Promise<number> {
  const io = resolveIo(ioIn);
  const inputs = flags.inputs;
  const verbose = flags.verbose === true;
  const c = paint(useColor(io));
  const files = await expandInputs(inputs, io.cwd);
  if (flags.summary !== undefined && files.length !== 1) {
    throw new UsageError('--summary loads one HealthScribe summary: give exactly one input');
  }
  const stdin = files.some((f) => f.path === null) ? await io.readStdin() : undefined;
  const tasks = files.map((file) => async (): Promise<Checked> => {
    try {
      let data: Uint8Array;
      try {
        data = file.path === null ? stdin! : await readFile(file.path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return {
          input: file.display,
          valid: false,
          error: {
            code: 'E_INPUT',
            message: `${file.display}: cannot read the input (${code ?? 'unreadable'})`,
          },
        };
      }
      const summaryPath = flags.summary === undefined ? file.summaryPath : resolve(io.cwd, flags.summary);
      const summary = summaryPath === undefined ? undefined : await readFile(summaryPath);
      const t: Transcript = parseTranscript(data, {
        file: file.display,
        ...(summary ? { summary, summaryFile: summaryPath } : {}),
      });
      return {
        input: file.display,
        valid: true,
        kind: t.metadata.source,
        tokens: t.tokens.length,
        words: t.tokens.filter((k) => k.kind === 'word').length,
        speakers: t.speakers.length,
        channels: t.channels.length,
        durationMs: t.durationMs,
        warnings: t.warnings,
      };
    } catch (error) {
      if (!isTranscriptError(error)) throw error;
      const issues = 'issues' in error ? (error.issues as Checked['issues']) : undefined;
      return {
        input: file.display,
        valid: false,
        error: { code: error.code, message: error.message },
        ...(issues ? { issues } : {}),
      };
    }
  });

  const results = await runBatch(tasks, {
    concurrency: 4,
    signal: io.signal,
    onResult: (r) => {
      if (flags.json) return;
      if (r.status === 'failed') {
        io.stderr(formatError(r.error, verbose));
        return;
      }
      if (r.status !== 'ok') return;
      const v = r.value;
      if (v.valid) {
        io.stdout(
          `${c.green('ok')}  ${v.input}: ${v.kind}, ${v.words} words, ${v.speakers} speakers, ${v.channels} channels, ${((v.durationMs ?? 0) / 1000).toFixed(1)} s\n`,
        );
        for (const w of v.warnings ?? []) io.stdout(`    ${c.yellow('warning')}: ${w}\n`);
      } else {
        io.stderr(`${c.red('error')}: ${v.error!.message}\n`);
        const issues = v.issues ?? [];
        const shown = verbose ? issues : issues.slice(0, MAX_ISSUES);
        for (const issue of shown) io.stderr(`    at ${issue.path || '(root)'}: ${issue.message}\n`);
        if (shown.length < issues.length) {
          io.stderr(`    … and ${issues.length - shown.length} more (--verbose lists all)\n`);
        }
      }
    },
  });

  const checked = results.flatMap((r) => (r.status === 'ok' ? [r.value] : []));
  const invalid = checked.filter((v) => !v.valid).length;
  const crashed = results.filter((r) => r.status === 'failed');
  if (flags.json) {
    io.stdout(
      `${JSON.stringify({ total: results.length, valid: checked.length - invalid, invalid: invalid + crashed.length, items: checked }, null, 2)}\n`,
    );
  } else if (results.length > 1) {
    io.stderr(`${checked.length - invalid} of ${results.length} inputs valid\n`);
  }
  if (io.signal.aborted) return EXIT.interrupted;
  const crash = crashed[0];
  if (crash?.status === 'failed' && invalid === 0) return exitCodeFor(crash.error);
  return invalid > 0 ? EXIT.invalidInput : EXIT.ok;
}
