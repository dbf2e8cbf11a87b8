// `scribekit convert`: inputs → jobs (worker threads or in-thread) → atomic writes → summary.
import { fstatSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ExportOptions } from '@scribekit/exporters';
import { createProgress } from '../batch/progress.js';
import { type BatchResult, runBatch } from '../batch/run-batch.js';
import { formatSummary, summarize, summaryJson } from '../batch/summary.js';
import { OutputWriteError, UsageError } from '../errors.js';
import { EXIT, exitCodeFor, exitForSignal } from '../exit-codes.js';
import { type CliIo, displayPath, resolveIo } from '../io.js';
import { safeBaseName, uniqueNames } from '../output/safe-name.js';
import { type FileIdentity, identityOf, removeStaleTemps, writeOutputs } from '../output/write-atomic.js';
import { loadConfig } from '../pipeline/config.js';
import type { ConvertJob } from '../pipeline/convert-job.js';
import type { PhiDetectRequest } from '../pipeline/detect-phi-step.js';
import { type Executor, inThreadExecutor } from '../pipeline/executor.js';
import { layerOptions, noOptions, optionNamer, type SourcedOptions } from '../pipeline/export-options.js';
import { expandInputs } from '../pipeline/inputs.js';
import { formatError } from '../report.js';
import type { SendRequest } from './send.js';

/** What `convert` was asked to do (the command line as plain data). */
export interface ConvertRequest {
  readonly inputs: readonly string[];
  readonly to?: string | undefined;
  readonly output?: string | undefined;
  readonly force?: boolean | undefined;
  readonly jobs?: number | undefined;
  readonly json?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  readonly summary?: string | undefined;
  /** A review page's corrections file, applied before export (one input only). */
  readonly corrections?: string | undefined;
  readonly config?: string | undefined;
  /** Export options from flags (the user's words win over the config file and job tags). */
  readonly options?: ExportOptions | undefined;
  readonly verbose?: boolean | undefined;
  /** Send the `.hl7` outputs over MLLP afterwards. */
  readonly send?: SendRequest | undefined;
  /** `--detect-phi comprehend`. */
  readonly detectPhi?: PhiDetectRequest | undefined;
}

interface Converted {
  readonly outputs: readonly string[];
}

/** Export options: the config file's, then the flags' on top. */
export async function requestOptions(
  request: { readonly config?: string | undefined; readonly options?: ExportOptions | undefined },
  cwd: string,
) {
  const config = await loadConfig(request.config, cwd);
  let sourced: SourcedOptions = noOptions;
  if (config.path !== null) sourced = layerOptions(sourced, config.options, 'config', config.path);
  sourced = layerOptions(sourced, request.options ?? {}, 'flag');
  return { config, sourced };
}

/** Checks that `-o` is a directory (or does not exist yet), before anything is read. */
export async function checkOutputDir(dir: string, shown: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    const why = code === 'ENOTDIR' ? 'a part of its path is a file' : (code ?? 'unknown error');
    throw new OutputWriteError(`Cannot write to -o ${shown}: ${why}`, { cause: error });
  }
  if (!isDirectory) throw new UsageError(`-o ${shown} must be a directory, and it is a file`);
}

export async function runConvert(request: ConvertRequest, ioIn: CliIo): Promise<number> {
  const io = resolveIo(ioIn);
  const verbose = request.verbose === true;
  const started = Date.now();
  const show = (path: string) => displayPath(io.cwd, path);
  const { config, sourced } = await requestOptions(request, io.cwd);
  const namer = optionNamer(sourced);
  const outArg = request.output ?? config.outDir;
  const outDir = resolve(io.cwd, outArg ?? '.');
  if (outArg !== undefined) await checkOutputDir(outDir, outArg);
  const files = await expandInputs(request.inputs, io.cwd, { exclude: outArg === undefined ? [] : [outArg] });
  const summaryPath = request.summary === undefined ? undefined : resolve(io.cwd, request.summary);
  if (summaryPath !== undefined) {
    if (files.length !== 1)
      throw new UsageError('--summary loads one HealthScribe summary: give exactly one input');
    await checkSummary(summaryPath, request.summary!);
  }
  const correctionsPath =
    request.corrections === undefined ? undefined : resolve(io.cwd, request.corrections);
  if (correctionsPath !== undefined && files.length !== 1)
    throw new UsageError('--corrections applies to one transcript: give exactly one input');
  const { checkExportOptions, exporters, resolveFormats } = await import('@scribekit/exporters/render');
  const formats = resolveFormats(request.to ?? config.to ?? 'srt');
  if (request.send) {
    if (!formats.includes('hl7')) throw new UsageError('--send sends HL7 messages: add hl7 to --to');
    if (outArg === undefined)
      throw new UsageError('--send sends the written .hl7 files: give an output directory with -o');
    const { parseMllpUrl } = await import('../hl7/mllp.js');
    parseMllpUrl(request.send.to);
  }
  // Bad option values and combinations fail here, before any input is read. When every input has a job
  // description, its `scribekit:subject` tag may still give the FHIR subject.
  const tagsMayGiveSubject = files.length > 0 && files.every((f) => f.jobPath !== undefined);
  try {
    checkExportOptions(formats, sourced.options, { later: tagsMayGiveSubject ? ['subject'] : [] });
  } catch (error) {
    io.stderr(formatError(error, { verbose, namer }));
    return exitCodeFor(error);
  }
  const toStdout =
    outArg === undefined &&
    !request.json &&
    files.length === 1 &&
    formats.length === 1 &&
    exporters[formats[0]!].kind === 'text';
  const jobs = Math.min(request.jobs ?? config.jobs ?? availableParallelism(), files.length);
  let executor: Executor | null = null;
  if (jobs > 1) {
    try {
      const { workerPoolExecutor } = await import('../pipeline/pool.js');
      executor = workerPoolExecutor(jobs);
    } catch {
      executor = null;
    }
  }
  executor ??= await inThreadExecutor();
  const run: Executor = executor;

  const stdinData = files.some((f) => f.path === null) ? await io.readStdin() : undefined;
  // Inputs are protected by identity (device and inode), so a symlink, a hard link or standard input
  // redirected from a file is never overwritten, whatever the path.
  const protect = await inputIdentities(files, io.stdinFd);
  const planned = uniqueNames(
    files.map((f) => (f.path === null ? '\u0000stdin' : joinRel(f.relDir, safeBaseName(basename(f.path))))),
  );
  const used = new Set(planned.map((n) => n.toLowerCase()));

  const onAbort = () => void run.close();
  io.signal.addEventListener('abort', onAbort, { once: true });

  const quiet = request.quiet === true || toStdout;
  const progress = createProgress({
    write: io.stderr,
    isTTY: io.isTTY && !quiet && files.length > 1,
    label: 'converting',
  });
  // Said before anything is sent; each input's notice then gives its characters and calls.
  if (request.detectPhi)
    progress.log(
      `PHI detection: the text of ${files.length} input${files.length === 1 ? '' : 's'} goes to Amazon Comprehend Medical DetectPHI`,
    );
  const cleaned = new Set<string>();
  const cleanOnce = async (dir: string) => {
    if (cleaned.has(dir)) return;
    cleaned.add(dir);
    const n = await removeStaleTemps(dir);
    if (n > 0)
      progress.log(
        `removed ${n} stale temp file${n === 1 ? '' : 's'} of an interrupted earlier run from ${show(dir)}`,
      );
  };

  const tasks = files.map((file, i) => async (signal: AbortSignal): Promise<Converted> => {
    const job: ConvertJob = {
      path: file.path,
      data: file.path === null ? stdinData : undefined,
      display: file.display,
      summaryPath: summaryPath ?? file.summaryPath,
      jobPath: file.jobPath,
      correctionsPath,
      formats,
      options: sourced,
      ...(request.detectPhi ? { detectPhi: request.detectPhi } : {}),
    };
    const result = await run.run(job);
    if (!request.quiet) for (const n of result.notices) progress.log(`warning: ${file.display}: ${n}`);
    if (verbose) for (const w of result.warnings) progress.log(`warning: ${file.display}: ${w}`);
    if (toStdout) {
      const data = result.outputs[0]!.data;
      io.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
      return { outputs: ['-'] };
    }
    let name = planned[i]!;
    if (file.path === null) {
      const base = safeBaseName(result.jobName ?? 'transcript');
      name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
      used.add(name.toLowerCase());
    }
    if (signal.aborted) throw new DOMException('The batch was interrupted', 'AbortError');
    const dir = join(outDir, ...name.split('/').slice(0, -1));
    await cleanOnce(dir);
    const paths = await writeOutputs(dir, name.split('/').pop()!, result.outputs, {
      force: request.force === true,
      protect,
      show,
    });
    return { outputs: paths.map(show) };
  });

  let results: BatchResult<Converted>[];
  try {
    results = await runBatch(tasks, {
      // Enough tasks in flight that the workers stay busy while the main thread writes files.
      concurrency: jobs > 1 ? jobs * 8 : 1,
      signal: io.signal,
      onProgress: (p) => progress.update(p),
      onResult: (r) => {
        if (r.status === 'failed') progress.log(formatError(r.error, { verbose, namer }));
      },
    });
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    progress.finish();
    await run.close();
  }

  const summary = summarize(
    results,
    (i) => files[i]!.display,
    (v) => v.outputs,
    Date.now() - started,
    namer,
  );
  if (request.json) io.stdout(summaryJson(summary));
  else if (!quiet) io.stderr(formatSummary(summary));
  if (io.signal.aborted) return exitForSignal(io.signal.reason);
  if (request.send) {
    // Only what this run wrote is sent, in input order; a failed conversion sends nothing for that input.
    const hl7 = results.flatMap((r) =>
      r.status === 'ok' ? r.value.outputs.filter((p) => p.endsWith('.hl7')) : [],
    );
    const { sendFiles } = await import('./send.js');
    const sent =
      hl7.length === 0
        ? EXIT.someFailed
        : await sendFiles(hl7, { ...request.send, quiet: request.quiet }, io);
    return summary.failed === 0 ? sent : EXIT.someFailed;
  }
  if (summary.failed === 0) return EXIT.ok;
  if (files.length === 1) {
    const failed = results.find((r) => r.status === 'failed');
    return failed && failed.status === 'failed' ? exitCodeFor(failed.error) : EXIT.someFailed;
  }
  return EXIT.someFailed;
}

/** `--summary` must be a HealthScribe summary.json: said before any input is read. */
async function checkSummary(path: string, shown: string): Promise<void> {
  const { detectKind, toJsonValue, UnsupportedFormatError } = await import('@scribekit/core');
  const { InputError } = await import('../errors.js');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(
      `${shown}: cannot read the summary (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  const kind = detectKind(toJsonValue(bytes, shown));
  if (kind !== 'healthscribe-summary') {
    throw new UnsupportedFormatError(
      kind,
      'The --summary file is not a HealthScribe summary.json (expected `ClinicalDocumentation`)',
      {
        file: shown,
      },
    );
  }
}

/** The identities of the local inputs (and of standard input when it is a file), labelled for messages. */
async function inputIdentities(
  files: readonly { readonly path: string | null; readonly display: string }[],
  stdinFd: number,
): Promise<(FileIdentity & { label: string })[]> {
  const out: (FileIdentity & { label: string })[] = [];
  for (const f of files) {
    if (f.path === null) {
      try {
        const st = fstatSync(stdinFd);
        if (st.isFile()) out.push({ dev: st.dev, ino: st.ino, label: 'standard input (redirected from it)' });
      } catch {
        // no standard input to protect
      }
      continue;
    }
    if (f.path.startsWith('remote:')) continue;
    const id = await identityOf(f.path).catch(() => null);
    if (id) out.push({ ...id, label: `the input ${f.display}` });
    // The file a symlink points at is protected as well.
    const real = await stat(f.path).catch(() => null);
    if (real) out.push({ dev: real.dev, ino: real.ino, label: `the input ${f.display}` });
  }
  return out;
}

function joinRel(relDir: string, name: string): string {
  return relDir === '' ? name : `${relDir}/${name}`;
}
