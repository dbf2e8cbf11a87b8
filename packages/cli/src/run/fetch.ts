// `scribekit fetch`: job names (or --all) → Get (and wait) → download the transcript → save the raw JSON, or
// convert with the job's metadata → atomic writes → the same progress and summary as convert.
import { resolve } from 'node:path';
import { FetchError, parseJobDescription, parseTranscript, type Transcript } from '@scribekit/core';
import type { OptionNamer } from '@scribekit/core/errors';
import type { ExportOptions, Format } from '@scribekit/exporters';
import {
  type AwsConfig,
  createS3Api,
  createTranscribeApi,
  type S3Api,
  type TranscribeApi,
} from '../aws/clients.js';
import { download } from '../aws/download.js';
import { type AwsFlags, awsConfigFrom } from '../aws/options.js';
import { formatLocation, parseLocation } from '../aws/s3-uri.js';
import { formatDuration, getCompletedJob, listJobs, type WaitOptions } from '../aws/transcribe-jobs.js';
import { createProgress } from '../batch/progress.js';
import { type BatchResult, runBatch } from '../batch/run-batch.js';
import { formatSummary, summarize, summaryJson } from '../batch/summary.js';
import { UsageError } from '../errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { type CliIo, displayPath, type ResolvedIo, resolveIo } from '../io.js';
import { safeBaseName, uniqueNames } from '../output/safe-name.js';
import { writeOutputs } from '../output/write-atomic.js';
import { inUserTerms } from '../pipeline/convert-job.js';
import type { PhiDetectRequest } from '../pipeline/detect-phi-step.js';
import { optionNamer, type SourcedOptions, withJobReferences } from '../pipeline/export-options.js';
import { formatError } from '../report.js';
import { checkOutputDir, requestOptions } from './convert.js';

/** What `fetch` was asked to do (the command line as plain data). */
export interface FetchRequest extends AwsFlags {
  readonly names: readonly string[];
  readonly wait?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly pollInterval?: number | undefined;
  readonly to?: string | undefined;
  readonly output?: string | undefined;
  readonly force?: boolean | undefined;
  readonly config?: string | undefined;
  readonly all?: boolean | undefined;
  readonly status?: string | undefined;
  readonly since?: Date | undefined;
  readonly nameContains?: string | undefined;
  readonly limit?: number | undefined;
  readonly concurrency?: number | undefined;
  readonly json?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  /** Export options from flags (over the config file, over the job's tags). */
  readonly options?: ExportOptions | undefined;
  readonly verbose?: boolean | undefined;
  /** `--detect-phi comprehend` (with `--to`). */
  readonly detectPhi?: PhiDetectRequest | undefined;
}

/** Clients for tests (in-process runs); by default they are made from the flags and the SDK chain. */
export interface FetchDeps {
  readonly transcribe?: TranscribeApi;
  readonly s3?: S3Api;
}

interface Fetched {
  readonly outputs: readonly string[];
}

export async function runFetch(flags: FetchRequest, ioIn: CliIo, deps: FetchDeps = {}): Promise<number> {
  const io = resolveIo(ioIn);
  const names = flags.names;
  const verbose = flags.verbose === true;
  const started = Date.now();
  if (flags.all && names.length > 0) throw new UsageError('Give job names or --all, not both');
  if (!flags.all && names.length === 0) throw new UsageError('Give one or more job names, or --all');
  if (!flags.all && (flags.status || flags.since || flags.nameContains || flags.limit)) {
    throw new UsageError('--status, --since, --name-contains and --limit select jobs for --all');
  }
  const plan = await prepareFetchOutputs(flags, io);
  const namer = plan.namer;
  const config: AwsConfig = awsConfigFrom(flags, io.env);
  const clients = fetchClients(config, deps);
  const transcribe = await clients.transcribe();

  let jobNames = [...names];
  if (flags.all) {
    jobNames = [];
    for await (const job of listJobs(transcribe, {
      status: flags.status ?? 'COMPLETED',
      nameContains: flags.nameContains,
      since: flags.since,
      limit: flags.limit,
    })) {
      if (job.MedicalTranscriptionJobName) jobNames.push(job.MedicalTranscriptionJobName);
    }
    if (jobNames.length === 0) {
      if (!flags.quiet) io.stderr('no jobs match\n');
      if (flags.json)
        io.stdout(
          summaryJson(
            summarize(
              [],
              () => '',
              () => [],
              Date.now() - started,
            ),
          ),
        );
      return EXIT.ok;
    }
  }
  const baseNames = uniqueNames(jobNames.map((n) => safeBaseName(n)));
  const quiet = flags.quiet === true;
  const single = jobNames.length === 1;
  const progress = createProgress({
    write: io.stderr,
    isTTY: io.isTTY && !quiet && !single,
    label: 'fetching',
  });
  const waiting = single && !quiet ? waitReporter(io, jobNames[0]!, flags.wait === true) : null;
  const show = (path: string) => displayPath(io.cwd, path);

  const tasks = jobNames.map((name, i) => async (signal: AbortSignal): Promise<Fetched> => {
    const wait: WaitOptions = {
      wait: flags.wait,
      timeoutMs: flags.timeout,
      intervalMs: flags.pollInterval,
      signal,
      onPoll: (status, elapsed) => (waiting ? waiting.poll(status, elapsed) : undefined),
    };
    const outputs = await fetchJobOutputs(plan, clients, name, baseNames[i]!, wait, show, () =>
      waiting?.done(),
    );
    return { outputs };
  });

  let results: BatchResult<Fetched>[];
  try {
    results = await runBatch(tasks, {
      concurrency: flags.concurrency ?? 4,
      signal: io.signal,
      onProgress: (p) => progress.update(p),
      onResult: (r) => {
        if (r.status === 'failed') {
          waiting?.done();
          progress.log(formatError(r.error, { verbose, namer }));
        }
      },
    });
  } finally {
    waiting?.done();
    progress.finish();
  }

  const summary = summarize(
    results,
    (i) => jobNames[i]!,
    (v) => v.outputs,
    Date.now() - started,
    namer,
  );
  if (flags.json) io.stdout(summaryJson(summary));
  else if (!quiet) io.stderr(formatSummary(summary, 'fetched'));
  if (io.signal.aborted) return EXIT.interrupted;
  if (summary.failed === 0) return EXIT.ok;
  if (single) {
    const failed = results.find((r) => r.status === 'failed');
    return failed && failed.status === 'failed' ? exitCodeFor(failed.error) : EXIT.someFailed;
  }
  return EXIT.someFailed;
}

/** What the fetch-and-convert path needs, made once per run (shared by `fetch` and `transcribe`). */
export interface FetchOutputs {
  /** Export options from flags and the config file (job tags are laid beneath them per job). */
  readonly sourced: SourcedOptions;
  readonly namer: OptionNamer;
  /** The render entry and the formats, or null to save the raw JSON and the job description. */
  readonly render: typeof import('@scribekit/exporters/render') | null;
  readonly formats: readonly Format[] | null;
  readonly outDir: string;
  readonly force: boolean;
  readonly detectPhi?: PhiDetectRequest | undefined;
  /** Where the detection notices go (stderr). */
  readonly notice: (line: string) => void;
}

/** Reads the config file and checks the formats, the export options and `-o` before any AWS call. */
export async function prepareFetchOutputs(
  flags: Pick<FetchRequest, 'to' | 'output' | 'force' | 'config' | 'options' | 'detectPhi'>,
  io: ResolvedIo,
): Promise<FetchOutputs> {
  // The config file gives the export options (names, caption rules, FHIR references) as for convert.
  const { sourced } = await requestOptions(flags, io.cwd);
  const namer = optionNamer(sourced);
  const render = flags.to === undefined ? null : await import('@scribekit/exporters/render');
  const formats = render && flags.to !== undefined ? render.resolveFormats(flags.to) : null;
  // Job tags may still give the FHIR subject, so only the options themselves are checked before any AWS call.
  if (render && formats) render.checkExportOptions(formats, sourced.options, { later: ['subject'] });
  const outDir = resolve(io.cwd, flags.output ?? '.');
  if (flags.output !== undefined) await checkOutputDir(outDir, flags.output);
  if (flags.detectPhi && !render)
    throw new UsageError('--detect-phi needs --to: the raw transcript is saved as it is');
  return {
    sourced,
    namer,
    render,
    formats,
    outDir,
    force: flags.force === true,
    ...(flags.detectPhi ? { detectPhi: flags.detectPhi } : {}),
    notice: (line) => io.stderr(`${line}\n`),
  };
}

/** The Transcribe and S3 clients of a run, each made on first use (or the injected ones). */
export interface FetchClients {
  readonly transcribe: () => Promise<TranscribeApi>;
  readonly s3: () => Promise<S3Api>;
}

export function fetchClients(config: AwsConfig, deps: FetchDeps = {}): FetchClients {
  let transcribe: Promise<TranscribeApi> | undefined;
  let s3: Promise<S3Api> | undefined;
  return {
    transcribe: () => {
      transcribe ??= deps.transcribe ? Promise.resolve(deps.transcribe) : createTranscribeApi(config);
      return transcribe;
    },
    s3: () => {
      s3 ??= deps.s3 ? Promise.resolve(deps.s3) : createS3Api(config);
      return s3;
    },
  };
}

/**
 * One job: Get (and wait) → download the transcript → convert with the job's metadata and tags (or keep the
 * raw JSON and the job description) → atomic writes named `base`. Returns the paths written, as shown.
 * `waited` is called once the job has finished waiting (to clear a spinner).
 */
export async function fetchJobOutputs(
  plan: FetchOutputs,
  clients: FetchClients,
  name: string,
  base: string,
  wait: WaitOptions,
  show: (path: string) => string,
  waited?: () => void,
): Promise<readonly string[]> {
  const job = await getCompletedJob(await clients.transcribe(), name, wait);
  waited?.();
  const uri = job.Transcript?.TranscriptFileUri;
  if (!uri) throw new FetchError(`Job \`${name}\` is COMPLETED but has no TranscriptFileUri`);
  const location = parseLocation(uri);
  const signal = wait.signal;
  const got = await download(location, { s3: clients.s3, ...(signal ? { signal } : {}) });
  // Parse even when saving raw JSON: a broken download or a non-transcript fails here (exit 3). Messages
  // name the location without its query string (a presigned URL's signature stays out of logs).
  const file = formatLocation(location);
  const description = parseJobDescription(job);
  let t: Transcript = parseTranscript(got.data, { file, job: description.metadata });
  if (plan.detectPhi && plan.render) {
    const { detectPhiStep, phiDetectionNotice } = await import('../pipeline/detect-phi-step.js');
    plan.notice(`${name}: ${await phiDetectionNotice(t)}`);
    const detected = await detectPhiStep(t, plan.detectPhi, signal);
    t = detected.transcript;
    plan.notice(`${name}: ${detected.found}`);
  }
  // The same precedence as convert: flags over the config file over the job's tags.
  const options = withJobReferences(plan.sourced, description.references);
  const { render, formats } = plan;
  const outputs =
    render && formats
      ? await render.render(t, formats, options.options).catch((error: unknown) => {
          throw inUserTerms(error, options, file);
        })
      : [
          { extension: 'json', data: got.data, containsPhi: true },
          // No transcript words, but tags may name the patient: private like the transcript.
          { extension: 'job.json', data: `${JSON.stringify(job, null, 2)}\n`, containsPhi: true },
        ];
  if (signal?.aborted) throw new DOMException('The batch was interrupted', 'AbortError');
  const paths = await writeOutputs(plan.outDir, base, outputs, { force: plan.force, show });
  return paths.map(show);
}

/**
 * Shows a single job's wait: on a terminal a spinner with the status and elapsed time, redrawn every
 * 100 ms; otherwise one line per status change.
 */
export function waitReporter(io: ResolvedIo, name: string, wait: boolean) {
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let status = '';
  let since = Date.now();
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let shown = false;
  const draw = () => {
    const elapsed = formatDuration(Date.now() - since);
    io.stderr(`\r\u001b[2K${frames[frame++ % frames.length]} ${name}: ${status} (${elapsed})`);
    shown = true;
  };
  return {
    poll(next: string, elapsedMs: number) {
      if (!wait || next === 'COMPLETED' || next === 'FAILED') return;
      const first = status === '';
      if (first) since = Date.now() - elapsedMs;
      const changed = next !== status;
      status = next;
      if (io.isTTY) {
        timer ??= setInterval(draw, 100);
        timer.unref();
        draw();
      } else if (changed) {
        io.stderr(`${name}: ${next}${first ? '' : ` after ${formatDuration(elapsedMs)}`}, waiting…\n`);
      }
    },
    done() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (shown) io.stderr('\r\u001b[2K');
      shown = false;
    },
  };
}
