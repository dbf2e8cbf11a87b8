// The convert command's work: inputs → jobs (worker threads or in-thread) → atomic writes → summary.
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createProgress } from '../batch/progress.js';
import { type BatchResult, runBatch } from '../batch/run-batch.js';
import { formatSummary, summarize, summaryJson } from '../batch/summary.js';
import { isVerbose } from '../commands/common.js';
import type { ConvertFlags } from '../commands/convert.js';
import { EXIT, exitCodeFor, UsageError } from '../exit-codes.js';
import { type CliIo, displayPath, resolveIo } from '../io.js';
import { safeBaseName, uniqueNames } from '../output/safe-name.js';
import { OutputWriteError, writeOutputs } from '../output/write-atomic.js';
import { formatError } from '../report.js';
import { loadConfig } from './config.js';
import { exportOptionsFrom } from './export-options.js';
import { expandInputs } from './inputs.js';
import type { ConvertJob } from './job.js';
import { type Executor, inThreadExecutor, workerPoolExecutor } from './pool.js';
import type { Format } from './render.js';

interface Converted {
  readonly outputs: readonly string[];
}

/** A one-word transcript: rendering it once checks the options before the batch starts. */
const PROBE = {
  jobName: 'options-check',
  status: 'COMPLETED',
  results: {
    transcripts: [{ transcript: 'probe' }],
    items: [
      {
        type: 'pronunciation',
        start_time: '0.0',
        end_time: '0.5',
        alternatives: [{ confidence: '1.0', content: 'probe' }],
      },
    ],
    entities: [],
  },
};

export async function runConvert(
  inputs: readonly string[],
  flags: ConvertFlags,
  ioIn: CliIo,
  command: Command,
): Promise<number> {
  const io = resolveIo(ioIn);
  const verbose = isVerbose(command);
  const started = Date.now();
  const config = await loadConfig(flags.config, io.cwd);
  const cfg = config.values;
  const options = exportOptionsFrom(flags, cfg);
  const outArg = flags.output ?? (cfg.outDir as string | undefined);
  const files = await expandInputs(inputs, io.cwd, { exclude: outArg === undefined ? [] : [outArg] });
  if (flags.summary !== undefined && files.length !== 1) {
    throw new UsageError('--summary loads one HealthScribe summary: give exactly one input');
  }
  const jobs = Math.min(
    flags.jobs ?? (cfg.jobs as number | undefined) ?? availableParallelism(),
    files.length,
  );
  // The workers start first: they load the exporters while this thread loads them for the options check.
  let executor: Executor | null = null;
  if (jobs > 1) {
    try {
      executor = workerPoolExecutor(jobs);
    } catch {
      executor = null;
    }
  }
  let formats: Format[];
  let toStdout: boolean;
  try {
    const { isTextFormat, renderOutputs, resolveFormats } = await import('./render.js');
    const { parseTranscript } = await import('@scribekit/core');
    formats = resolveFormats(flags.to ?? (cfg.to as string | string[] | undefined) ?? 'srt');
    toStdout =
      outArg === undefined &&
      !flags.json &&
      files.length === 1 &&
      formats.length === 1 &&
      isTextFormat(formats[0]!);
    // Bad option values and combinations (FHIR without --subject, maxLines 9, …) fail here, before any work.
    // When every input has a job description, its `scribekit:subject` tag may give the FHIR subject: then
    // a missing subject is left for each input's own export to report.
    const tagsMayGiveSubject = files.length > 0 && files.every((f) => f.jobPath !== undefined);
    const probeOptions =
      tagsMayGiveSubject && options.subject === undefined
        ? { ...options, subject: 'Patient/options-check' }
        : options;
    await renderOutputs(parseTranscript(PROBE), formats, probeOptions);
  } catch (error) {
    await executor?.close();
    throw error;
  }
  executor ??= await inThreadExecutor();
  const run: Executor = executor;
  const outDir = resolve(io.cwd, outArg ?? '.');

  const stdinData = files.some((f) => f.path === null) ? await io.readStdin() : undefined;
  const planned = uniqueNames(
    files.map((f) => (f.path === null ? '\u0000stdin' : joinRel(f.relDir, safeBaseName(basename(f.path))))),
  );
  const used = new Set(planned.map((n) => n.toLowerCase()));
  const inputPaths = new Set(files.map((f) => f.path).filter((p) => p !== null));

  const onAbort = () => void run.close();
  io.signal.addEventListener('abort', onAbort, { once: true });

  const quiet = flags.quiet === true || toStdout;
  const progress = createProgress({
    write: io.stderr,
    isTTY: io.isTTY && !quiet && files.length > 1,
    label: 'converting',
  });
  const show = (path: string) => displayPath(io.cwd, path);

  const tasks = files.map((file, i) => async (signal: AbortSignal): Promise<Converted> => {
    const job: ConvertJob = {
      path: file.path,
      data: file.path === null ? stdinData : undefined,
      display: file.display,
      summaryPath: flags.summary === undefined ? file.summaryPath : resolve(io.cwd, flags.summary),
      jobPath: file.jobPath,
      formats,
      options,
    };
    const result = await run.run(job);
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
    const base = name.split('/').pop()!;
    for (const o of result.outputs) {
      const target = join(dir, `${base}.${o.extension}`);
      if (inputPaths.has(target))
        throw new OutputWriteError(`${show(target)} is one of the inputs: it is never overwritten`);
    }
    const paths = await writeOutputs(dir, base, result.outputs, { force: flags.force === true });
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
        if (r.status === 'failed') progress.log(formatError(r.error, verbose));
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
  );
  if (flags.json) io.stdout(summaryJson(summary));
  else if (!quiet) io.stderr(formatSummary(summary));
  if (io.signal.aborted) return EXIT.interrupted;
  if (summary.failed === 0) return EXIT.ok;
  if (files.length === 1) {
    const failed = results.find((r) => r.status === 'failed');
    return failed && failed.status === 'failed' ? exitCodeFor(failed.error) : EXIT.someFailed;
  }
  return EXIT.someFailed;
}

function joinRel(relDir: string, name: string): string {
  return relDir === '' ? name : `${relDir}/${name}`;
}
