// Typed errors with stable codes. Messages name files, JSON paths, kinds and counts — never transcript words.

/** A location inside the input: a zod-style dot path such as `results.items[12].start_time`. */
export interface ParseIssue {
  readonly path: string;
  readonly message: string;
}

/** Every stable error code of scribekit (the CLI's too, so one table maps all of them to exit codes). */
export type ErrorCode =
  | 'E_JSON'
  | 'E_ENCODING'
  | 'E_PARSE'
  | 'E_UNSUPPORTED_FORMAT'
  | 'E_JOB_STATUS'
  | 'E_UNKNOWN_FORMAT'
  | 'E_OPTIONS'
  | 'E_EXPORT'
  | 'E_FETCH'
  /** CLI: a command line mistake commander does not catch. */
  | 'E_USAGE'
  /** CLI: an input file that cannot be read. */
  | 'E_INPUT'
  /** Sending a message to a receiver (HL7 over MLLP) failed or was refused. */
  | 'E_SEND'
  /** A corrections file that does not fit the transcript. */
  | 'E_CORRECTIONS';

export interface TranscriptErrorOptions {
  readonly cause?: unknown;
  /** The file (or URI) the input came from, for the message. */
  readonly file?: string | undefined;
}

/** Base class of every error scribekit throws on purpose. */
export class TranscriptError extends Error {
  override name = 'TranscriptError';
  readonly code: ErrorCode;
  #file: string | undefined;

  constructor(code: ErrorCode, message: string, options: TranscriptErrorOptions = {}) {
    super(options.file ? `${options.file}: ${message}` : message, { cause: options.cause });
    this.code = code;
    this.#file = options.file;
  }

  /** The file (or URI) the error is about, when known. */
  get file(): string | undefined {
    return this.#file;
  }

  /**
   * Names the file the error is about when it does not name one yet (an export error thrown without
   * knowing its input), so every message says which input failed. Returns the error.
   */
  inFile(file: string): this {
    if (this.#file === undefined) {
      this.#file = file;
      // A message that names the input already (`No such object: s3://…`) is not prefixed twice.
      if (!this.message.includes(file)) this.message = `${file}: ${this.message}`;
    }
    return this;
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

/** Bytes that are not valid text in their encoding (UTF-8, or UTF-16 with its byte-order mark). */
export class InvalidEncodingError extends TranscriptError {
  override name = 'InvalidEncodingError';
  readonly encoding: string;
  /** Byte offset of the first invalid byte. */
  readonly offset: number;

  constructor(encoding: string, offset: number, options?: TranscriptErrorOptions) {
    super(
      'E_ENCODING',
      `The input is not valid ${encoding.toUpperCase()}: the first invalid byte is at offset ${offset}`,
      options,
    );
    this.encoding = encoding;
    this.offset = offset;
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

/** Renders `{optionName}` references of an OptionsError template. */
export type OptionNamer = (option: string) => string;

/** Library option names as they are written in code: `` `maxLines` ``. */
export const libraryOptionName: OptionNamer = (option) => `\`${option}\``;

/**
 * Options that contradict each other or are out of range. The message is a template whose `{name}` references
 * are option names, so the CLI can say `--max-lines` where the library says `` `maxLines` ``.
 */
export class OptionsError extends TranscriptError {
  override name = 'OptionsError';
  /** The option at fault (its library name), when there is one. */
  readonly option: string | undefined;
  /** The message with `{option}` references, e.g. `{maxLines} must be 1, 2 or 3`. */
  readonly template: string;

  constructor(
    template: string,
    options: TranscriptErrorOptions & { readonly option?: string | undefined } = {},
  ) {
    super('E_OPTIONS', renderOptionTemplate(template, libraryOptionName), options);
    this.option = options.option;
    this.template = template;
  }

  /** The message with option names written by `namer` (and the file, when the error has one). */
  messageWith(namer: OptionNamer): string {
    const text = renderOptionTemplate(this.template, namer);
    return this.file ? `${this.file}: ${text}` : text;
  }
}

/**
 * Replaces `{name}` references (an option name, maybe with a path: `{author[1]}`, `{audio.url}`) with
 * `namer(name)`; other braces are left alone.
 */
export function renderOptionTemplate(template: string, namer: OptionNamer): string {
  return template.replace(/\{([A-Za-z]\w*(?:\[\d+\]|\.\w+)*)\}/g, (_, name: string) => namer(name));
}

/**
 * Redaction was asked for, but the transcript carries no PHI entities and its job did not look for any
 * (no `ContentIdentificationType: PHI`), so "nothing to redact" would be a guess. `detected` says what the
 * input is, for the CLI's hint (how to get entities).
 */
export class NoPhiEntitiesError extends OptionsError {
  override name = 'NoPhiEntitiesError';
  constructor(options?: TranscriptErrorOptions) {
    super(
      '{redact} needs PHI entities, but this transcript has none: its job did not look for PHI (Transcribe Medical `ContentIdentificationType: PHI`), so nothing can be redacted with confidence',
      { ...options, option: 'redact' },
    );
  }
}

/** `{option} must be …` for one option: the usual shape of an OptionsError. */
export function invalidOption(option: string, requirement: string, file?: string): OptionsError {
  return new OptionsError(`{${option}} ${requirement}`, { option, file });
}

/** An exporter could not produce its output. */
export class ExportError extends TranscriptError {
  override name = 'ExportError';
  constructor(message: string, options?: TranscriptErrorOptions) {
    super('E_EXPORT', message, options);
  }
}

/**
 * Redaction cannot be applied to every PHI entity (one matches no word), so no output may claim to be
 * redacted. Names the entity by its index and type, never its text.
 */
export class RedactionError extends ExportError {
  override name = 'RedactionError';
  /** Index of the entity in `transcript.entities`. */
  readonly entity: number;
  readonly entityType: string;

  constructor(entity: number, entityType: string, options?: TranscriptErrorOptions) {
    super(
      `Cannot redact: PHI entity ${entity} (${entityType}) matches no word of the transcript, by its times or by its text`,
      options,
    );
    this.entity = entity;
    this.entityType = entityType;
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
