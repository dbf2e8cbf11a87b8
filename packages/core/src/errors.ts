// Typed errors with stable codes. Messages name files, JSON paths, kinds and counts — never transcript words.

/** A location inside the input: a zod-style dot path such as `results.items[12].start_time`. */
export interface ParseIssue {
  readonly path: string;
  readonly message: string;
}

export type ErrorCode =
  | 'E_JSON'
  | 'E_PARSE'
  | 'E_UNSUPPORTED_FORMAT'
  | 'E_JOB_STATUS'
  | 'E_UNKNOWN_FORMAT'
  | 'E_OPTIONS'
  | 'E_EXPORT'
  | 'E_FETCH';

export interface TranscriptErrorOptions {
  readonly cause?: unknown;
  /** The file (or URI) the input came from, for the message. */
  readonly file?: string | undefined;
}

/** Base class of every error scribekit throws on purpose. */
export class TranscriptError extends Error {
  override name = 'TranscriptError';
  readonly code: ErrorCode;
  readonly file: string | undefined;

  constructor(code: ErrorCode, message: string, options: TranscriptErrorOptions = {}) {
    super(options.file ? `${options.file}: ${message}` : message, { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}

/** The input is not JSON at all, or JSON that stops or breaks at a known place. */
export class InvalidJsonError extends TranscriptError {
  override name = 'InvalidJsonError';
  /** Byte-independent character offset (UTF-16 index into the decoded text). */
  readonly offset: number;
  readonly line: number;
  readonly column: number;

  constructor(
    reason: string,
    at: { offset: number; line: number; column: number },
    options?: TranscriptErrorOptions,
  ) {
    super(
      'E_JSON',
      `Invalid JSON: ${reason} at line ${at.line}, column ${at.column} (offset ${at.offset})`,
      options,
    );
    this.offset = at.offset;
    this.line = at.line;
    this.column = at.column;
  }
}

/** JSON of a recognised kind whose content does not match the schema. */
export class TranscriptParseError extends TranscriptError {
  override name = 'TranscriptParseError';
  readonly issues: readonly ParseIssue[];

  constructor(what: string, issues: readonly ParseIssue[], options?: TranscriptErrorOptions) {
    const first = issues[0];
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
    super(
      'E_PARSE',
      first ? `Invalid ${what}: ${first.message} at \`${first.path || '(root)'}\`${more}` : `Invalid ${what}`,
      options,
    );
    this.issues = issues;
  }
}

/** Valid JSON of a kind scribekit does not convert (or does not convert yet). */
export class UnsupportedFormatError extends TranscriptError {
  override name = 'UnsupportedFormatError';
  /** What the input was recognised as, e.g. `call-analytics`, `job-description`, `unknown`. */
  readonly detected: string;

  constructor(detected: string, message: string, options?: TranscriptErrorOptions) {
    super('E_UNSUPPORTED_FORMAT', message, options);
    this.detected = detected;
  }
}

/** A transcript or job description whose job did not complete. */
export class JobStatusError extends TranscriptError {
  override name = 'JobStatusError';
  readonly status: string;

  constructor(status: string, message: string, options?: TranscriptErrorOptions) {
    super('E_JOB_STATUS', message, options);
    this.status = status;
  }
}

/** An output format name that no exporter has. */
export class UnknownFormatError extends TranscriptError {
  override name = 'UnknownFormatError';
  readonly format: string;

  constructor(format: string, valid: readonly string[]) {
    super(
      'E_UNKNOWN_FORMAT',
      `Unknown format \`${format}\`, expected one of ${valid.map((v) => `\`${v}\``).join(', ')}`,
    );
    this.format = format;
  }
}

/** Options that contradict each other or are out of range. */
export class OptionsError extends TranscriptError {
  override name = 'OptionsError';
  constructor(message: string, options?: TranscriptErrorOptions) {
    super('E_OPTIONS', message, options);
  }
}

/** An exporter could not produce its output. */
export class ExportError extends TranscriptError {
  override name = 'ExportError';
  constructor(message: string, options?: TranscriptErrorOptions) {
    super('E_EXPORT', message, options);
  }
}

/** Fetching a job or its output from AWS (or a URL) failed. */
export class FetchError extends TranscriptError {
  override name = 'FetchError';
  constructor(message: string, options?: TranscriptErrorOptions) {
    super('E_FETCH', message, options);
  }
}

/** True for errors scribekit throws on purpose (as opposed to bugs). */
export function isTranscriptError(error: unknown): error is TranscriptError {
  return error instanceof TranscriptError;
}
