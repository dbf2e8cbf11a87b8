// The validate command's work: parse every input (in order) and report what is wrong and where.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isTranscriptError, OptionsError, parseTranscript, redact, type Transcript } from '@scribekit/core';
import { runBatch } from '../batch/run-batch.js';
import { UsageError } from '../errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { type CliIo, paint, resolveIo, useColor } from '../io.js';
import type { PhiDetectRequest } from '../pipeline/detect-phi-step.js';
import { expandInputs } from '../pipeline/inputs.js';
import { formatError } from '../report.js';

/** `3 entities (NAME 2, DATE 1), all located; the job looked for PHI` */
function phiLine(p: PhiCheck): string {
  const types = Object.entries(p.byType)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const located =
    p.entities === 0
      ? ''
      : p.located === p.entities
        ? ', all located'
        : `, ${p.entities - p.located} not located`;
  return `${p.entities} entit${p.entities === 1 ? 'y' : 'ies'}${types ? ` (${types})` : ''}${located}; ${p.identified ? 'PHI was looked for' : 'the job did not look for PHI'}`;
}

/** What `validate` was asked to do (the command line as plain data). */
export interface ValidateRequest {
  readonly inputs: readonly string[];
  readonly json?: boolean | undefined;
  readonly summary?: string | undefined;
  readonly verbose?: boolean | undefined;
  /** Also check that each input can be redacted with confidence (PHI looked for, every entity located). */
  readonly phi?: boolean | undefined;
  /** `--detect-phi comprehend` before the PHI check. */
  readonly detectPhi?: PhiDetectRequest | undefined;
}

/** The PHI check of one transcript: counts and whether redaction would be complete (never words). */
interface PhiCheck {
  readonly identified: boolean;
  readonly entities: number;
  readonly located: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly redactable: boolean;
  readonly problem?: { readonly code: string; readonly message: string };
}

function phiCheck(t: Transcript): PhiCheck {
  const byType: Record<string, number> = {};
  for (const e of t.entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
  const base = {
    identified: t.metadata.phiIdentified === true,
    entities: t.entities.length,
    located: t.entities.filter((e) => e.firstToken >= 0).length,
    byType,
  };
  try {
    redact(t);
    return { ...base, redactable: true };
  } catch (error) {
    if (!isTranscriptError(error)) throw error;
    // `{redact} needs PHI entities…` reads as "redaction needs …" here (no flag was typed).
    const message =
      error instanceof OptionsError
        ? error.messageWith((n) => (n === 'redact' ? 'redaction' : `\`${n}\``))
        : error.message;
    return { ...base, redactable: false, problem: { code: error.code, message } };
  }
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
  readonly phi?: PhiCheck;
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
      let t: Transcript = parseTranscript(data, {
        file: file.display,
        ...(summary ? { summary, summaryFile: summaryPath } : {}),
      });
      if (flags.detectPhi) {
        const { detectPhiStep } = await import('../pipeline/detect-phi-step.js');
        t = (await detectPhiStep(t, flags.detectPhi, io.signal)).transcript;
      }
      const phi = flags.phi ? phiCheck(t) : undefined;
      return {
        input: file.display,
        valid: phi ? phi.redactable : true,
        ...(phi ? { phi } : {}),
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
        if (v.phi) io.stdout(`    PHI: ${phiLine(v.phi)}\n`);
      } else if (v.phi && !v.phi.redactable) {
        io.stderr(
          `${c.red('error')}: ${v.input}: cannot be redacted with confidence: ${v.phi.problem?.message ?? 'unknown'}\n`,
        );
        io.stderr(`    PHI: ${phiLine(v.phi)}\n`);
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
