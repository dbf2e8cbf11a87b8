// One input → rendered outputs. Runs in a worker thread (worker.ts) or in the main thread.
import { readFile } from 'node:fs/promises';
import { decodeText, parseJsonText, parseTranscript } from '@scribekit/core';
import type { ExportOptions } from '@scribekit/exporters';
import { fhirReferencesFromTags, jobMetadata } from '../aws/job-metadata.js';
import { isRemoteInputPath, readRemoteInput } from '../aws/remote-input.js';
import { type Format, type RenderedOutput, renderOutputs } from './render.js';

export interface ConvertJob {
  /** File to read, or null when `data` holds the input (stdin). */
  readonly path: string | null;
  readonly data?: Uint8Array | undefined;
  /** Name for error messages (the path as the user gave it, or `-`). */
  readonly display: string;
  /** A HealthScribe summary.json to load with the transcript. */
  readonly summaryPath?: string | undefined;
  /** A job description (`<name>.job.json` from `scribekit fetch`) whose metadata the exports carry. */
  readonly jobPath?: string | undefined;
  readonly formats: readonly Format[];
  readonly options: ExportOptions;
}

export interface ConvertJobResult {
  readonly outputs: readonly RenderedOutput[];
  readonly jobName: string | null;
  /** Parser warnings (never transcript words). */
  readonly warnings: readonly string[];
}

/** An input file that cannot be read (missing, a directory, no permission): exit code 3. */
export class InputError extends Error {
  override name = 'InputError';
  readonly code = 'E_INPUT';
}

async function read(path: string, display: string): Promise<Uint8Array> {
  if (isRemoteInputPath(path)) return readRemoteInput(path);
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? 'unreadable');
    throw new InputError(`${display}: cannot read the input (${why})`, { cause: error });
  }
}

export async function runConvertJob(job: ConvertJob): Promise<ConvertJobResult> {
  const input = job.data ?? (await read(job.path!, job.display));
  const summary = job.summaryPath === undefined ? undefined : await read(job.summaryPath, job.summaryPath);
  const description = job.jobPath === undefined ? undefined : await readJobDescription(job.jobPath);
  const t = parseTranscript(input, {
    file: job.display,
    ...(summary === undefined ? {} : { summary, summaryFile: job.summaryPath }),
    ...(description === undefined ? {} : { job: jobMetadata(description) }),
  });
  // FHIR references from the job's `scribekit:*` tags, where the flags and config give none.
  const options =
    description === undefined ? job.options : { ...fhirReferencesFromTags(description), ...job.options };
  const outputs = await renderOutputs(t, job.formats, options);
  return { outputs, jobName: t.metadata.jobName, warnings: t.warnings };
}

/** The job description saved by `scribekit fetch`: the job object, or a whole Get response. */
async function readJobDescription(path: string): Promise<unknown> {
  const json = parseJsonText(decodeText(await read(path, path)), path);
  if (json !== null && typeof json === 'object' && 'MedicalTranscriptionJob' in json)
    return (json as { MedicalTranscriptionJob: unknown }).MedicalTranscriptionJob;
  return json;
}
