// One input → rendered outputs. Runs in a worker thread (worker.ts) or in the main thread.
import { readFile, stat } from 'node:fs/promises';
import {
  applyCorrections,
  decodeText,
  isTranscriptError,
  OptionsError,
  parseJobDescription,
  parseJsonText,
  parseTranscript,
  renderOptionTemplate,
  type Transcript,
} from '@scribekit/core';
import { type Format, type RenderedOutput, render } from '@scribekit/exporters/render';
import { isRemoteInputPath, readRemoteInput } from '../aws/remote-input.js';
import { InputError } from '../errors.js';
import { detectPhiStep, type PhiDetectRequest, phiDetectionNotice } from './detect-phi-step.js';
import { optionNamer, type SourcedOptions, withJobReferences } from './export-options.js';
import { freeHeap, oldGenerationLimit } from './heap.js';

export interface ConvertJob {
  /** File to read, or null when `data` holds the input (stdin). */
  readonly path: string | null;
  readonly data?: Uint8Array | undefined;
  /** Name for messages (the path as the user gave it, or `-`). */
  readonly display: string;
  /** A HealthScribe summary.json to load with the transcript. */
  readonly summaryPath?: string | undefined;
  /** A job description (`<name>.job.json` from `scribekit fetch`) whose metadata the exports carry. */
  readonly jobPath?: string | undefined;
  /** A review page's corrections file, applied right after parsing. */
  readonly correctionsPath?: string | undefined;
  readonly formats: readonly Format[];
  /** The user's export options (flags over config); the job's tags go beneath them. */
  readonly options: SourcedOptions;
  /** `--detect-phi comprehend`: send the text to DetectPHI before rendering. */
  readonly detectPhi?: PhiDetectRequest | undefined;
}

export interface ConvertJobResult {
  readonly outputs: readonly RenderedOutput[];
  readonly jobName: string | null;
  /** Parser warnings (never transcript words); shown with --verbose. */
  readonly warnings: readonly string[];
  /** What a user must hear about even without --verbose (an empty output, a summary without its transcript). */
  readonly notices: readonly string[];
  /** Where each option came from, for messages (the job's tags added). */
  readonly options: SourcedOptions;
}

/** How many times its size in heap a conversion may take: JSON.parse's tree, the model, the outputs. */
const HEAP_PER_BYTE = 12;

/**
 * Refuses an input that cannot fit in the heap before reading it: V8 aborts the process (or the worker) when
 * the heap runs out, with no word of which input did it.
 */
async function checkSize(path: string, display: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return; // `read` says why
  }
  const free = freeHeap();
  if (size * HEAP_PER_BYTE > free) {
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    throw new InputError(
      `${display}: the input is ${mb(size)}, and converting it needs about ${mb(size * HEAP_PER_BYTE)} of memory, more than the ${mb(free)} left of the heap limit (${mb(oldGenerationLimit())}); raise it with NODE_OPTIONS=--max-old-space-size=<MB>`,
    );
  }
}

async function read(path: string, display: string): Promise<Uint8Array> {
  if (isRemoteInputPath(path)) return readRemoteInput(path);
  await checkSize(path, display);
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? 'unreadable');
    throw new InputError(`${display}: cannot read the input (${why})`, { cause: error });
  }
}

/** Things worth saying about a transcript even without --verbose (counts only, never words). */
export function noticesOf(t: Transcript): string[] {
  const notices: string[] = [];
  if (t.tokens.length === 0) {
    notices.push(
      t.summary
        ? 'a HealthScribe summary without its transcript: the outputs hold the summary only'
        : 'the transcript has no words: the outputs are empty',
    );
  }
  return notices;
}

export async function runConvertJob(job: ConvertJob): Promise<ConvertJobResult> {
  let options = job.options;
  try {
    const input = job.data ?? (await read(job.path!, job.display));
    const summary = job.summaryPath === undefined ? undefined : await read(job.summaryPath, job.summaryPath);
    const description =
      job.jobPath === undefined
        ? undefined
        : parseJobDescription(
            parseJsonText(decodeText(await read(job.jobPath, job.jobPath), job.jobPath), job.jobPath),
          );
    const parsed = parseTranscript(input, {
      file: job.display,
      ...(summary === undefined ? {} : { summary, summaryFile: job.summaryPath }),
      ...(description === undefined ? {} : { job: description.metadata }),
    });
    let t = job.correctionsPath === undefined ? parsed : await withCorrections(parsed, job.correctionsPath);
    // FHIR references from the job's `scribekit:*` tags, where the flags and config give none.
    if (description !== undefined) options = withJobReferences(job.options, description.references);
    const notices = noticesOf(t);
    if (job.detectPhi) {
      notices.push(await phiDetectionNotice(t));
      const detected = await detectPhiStep(t, job.detectPhi);
      t = detected.transcript;
      notices.push(detected.found);
    }
    const outputs = await render(t, job.formats, options.options);
    return { outputs, jobName: t.metadata.jobName, warnings: t.warnings, notices, options };
  } catch (error) {
    throw inUserTerms(error, options, job.display);
  }
}

/** The transcript with a corrections file applied (before rendering, so redaction and every format see it). */
export async function withCorrections(t: Transcript, path: string): Promise<Transcript> {
  const json = parseJsonText(decodeText(await read(path, path), path), path);
  return applyCorrections(t, json, { file: path });
}

/**
 * An error as the user should read it: naming its input (the exporters do not know it), and an option error
 * naming the flag, config key or job tag the value came from (only this thread knows the job's tags).
 */
export function inUserTerms(error: unknown, options: SourcedOptions, display: string): unknown {
  if (!isTranscriptError(error)) return error;
  // The same error (its class and hint kept), its message naming what the user typed.
  // Only this thread knows the job's tags, so the names are settled here: the template becomes the rendered text.
  if (error instanceof OptionsError) {
    const text = renderOptionTemplate(error.template, optionNamer(options));
    error.message = error.file ? `${error.file}: ${text}` : text;
    (error as { template: string }).template = text;
  }
  return error.inFile(display);
}
