// Get, wait for and list medical transcription jobs. Clients, clock and sleep are injected; errors are
// FetchErrors (a FAILED job is a JobFailedError carrying Transcribe's FailureReason).
import { FetchError, messageValue } from '@scribekit/core';
import type { MedicalTranscriptionJob, MedicalTranscriptionJobSummary, TranscribeApi } from './clients.js';
import { sleep as abortableSleep } from './sleep.js';

/** The job ended FAILED; `reason` is Transcribe's FailureReason. */
export class JobFailedError extends FetchError {
  override name = 'JobFailedError';
  readonly jobName: string;
  readonly reason: string | undefined;
  constructor(jobName: string, reason: string | undefined) {
    super(`Job \`${messageValue(jobName, 200)}\` FAILED${reason ? `: ${messageValue(reason)}` : ''}`);
    this.jobName = jobName;
    this.reason = reason;
  }
}

/** The job did not finish within the timeout (or is still running and --wait was not given). */
export class JobNotFinishedError extends FetchError {
  override name = 'JobNotFinishedError';
  readonly jobName: string;
  readonly status: string;
  constructor(jobName: string, status: string, message: string) {
    super(message);
    this.jobName = jobName;
    this.status = status;
  }
}

export interface WaitOptions {
  /** Keep polling until COMPLETED/FAILED (otherwise a QUEUED/IN_PROGRESS job is an error). */
  readonly wait?: boolean | undefined;
  /** Give up after this many milliseconds of waiting (default 1 hour). */
  readonly timeoutMs?: number | undefined;
  /** First delay between polls (default 5 s); grows ×1.5 up to `maxIntervalMs`. */
  readonly intervalMs?: number | undefined;
  readonly maxIntervalMs?: number | undefined;
  /** Called after every Get with the status and the milliseconds since the start. */
  readonly onPoll?: ((status: string, elapsedMs: number) => void) | undefined;
  readonly now?: (() => number) | undefined;
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Gets a job once (so an unknown name fails at once — the SDK waiter would retry NotFound until its
 * timeout), then, with `wait`, polls until it is COMPLETED or FAILED. Returns the COMPLETED job.
 */
export async function getCompletedJob(
  api: TranscribeApi,
  name: string,
  options: WaitOptions = {},
): Promise<MedicalTranscriptionJob> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const timeoutMs = options.timeoutMs ?? 3_600_000;
  const maxInterval = options.maxIntervalMs ?? 30_000;
  let interval = options.intervalMs ?? 5_000;
  const start = now();
  const deadline = options.wait ? AbortSignal.timeout(timeoutMs) : undefined;
  const signal = anySignal(options.signal, deadline);
  for (;;) {
    let job: MedicalTranscriptionJob;
    try {
      job = await api.getMedicalTranscriptionJob(name, signal ? { signal } : {});
    } catch (error) {
      if (deadline?.aborted && !options.signal?.aborted) throw timedOut(name, 'unknown', timeoutMs, error);
      throw error;
    }
    const status = job.TranscriptionJobStatus ?? 'UNKNOWN';
    const elapsed = now() - start;
    options.onPoll?.(status, elapsed);
    if (status === 'COMPLETED') return job;
    if (status === 'FAILED') throw new JobFailedError(name, job.FailureReason);
    if (!options.wait) {
      throw new JobNotFinishedError(
        name,
        status,
        `Job \`${name}\` is ${status}, not finished — add \`--wait\` to wait for it`,
      );
    }
    if (elapsed + interval > timeoutMs) throw timedOut(name, status, timeoutMs);
    await sleep(interval, options.signal);
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
  }
}

function timedOut(name: string, status: string, timeoutMs: number, cause?: unknown): JobNotFinishedError {
  const error = new JobNotFinishedError(
    name,
    status,
    `Gave up waiting for job \`${name}\` after ${formatDuration(timeoutMs)} (last status ${status}); raise --timeout to wait longer`,
  );
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}

export interface ListOptions {
  readonly status?: string | undefined;
  readonly nameContains?: string | undefined;
  /** Only jobs created at or after this instant. */
  readonly since?: Date | undefined;
  /** Stop after this many jobs. */
  readonly limit?: number | undefined;
}

/**
 * Every matching job, following NextToken 100 at a time (the API's default page is 5). The API lists jobs
 * "ordered by creation date, with the newest job first" (ListMedicalTranscriptionJobs reference), so with
 * `since` the listing stops at the first older job instead of paging through the account's whole history.
 */
export async function* listJobs(
  api: TranscribeApi,
  options: ListOptions = {},
): AsyncGenerator<MedicalTranscriptionJobSummary> {
  let nextToken: string | undefined;
  let count = 0;
  do {
    const page = await api.listMedicalTranscriptionJobs({
      MaxResults: 100,
      ...(options.status ? { Status: options.status as 'COMPLETED' } : {}),
      ...(options.nameContains ? { JobNameContains: options.nameContains } : {}),
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    for (const job of page.summaries) {
      if (options.since && job.CreationTime && toDate(job.CreationTime) < options.since) return;
      yield job;
      if (options.limit !== undefined && ++count >= options.limit) return;
    }
    nextToken = page.nextToken;
  } while (nextToken);
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(typeof value === 'number' ? value * 1000 : value);
}

/** `1 h 5 min`, `42 s`, `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms / 100) / 10} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min${rest ? ` ${rest} s` : ''}`;
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}
