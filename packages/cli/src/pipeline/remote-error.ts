// Errors crossing the worker-thread boundary: name, code, message, an option error's template and file, and
// the cause chain survive, so exit codes, option names and --verbose work the same as in the main thread.

export interface SerializedError {
  readonly name: string;
  readonly code: string | undefined;
  readonly message: string;
  readonly stack: string | undefined;
  /** An OptionsError's message template (`{maxLines} must be …`) and the file it is about. */
  readonly template: string | undefined;
  readonly file: string | undefined;
  readonly cause: SerializedError | undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return {
      name: 'Error',
      code: undefined,
      message: String(error),
      stack: undefined,
      template: undefined,
      file: undefined,
      cause: undefined,
    };
  }
  const e = error as { code?: unknown; template?: unknown; file?: unknown };
  return {
    name: error.name,
    code: str(e.code),
    message: error.message,
    stack: error.stack,
    template: str(e.template),
    file: str(e.file),
    cause: error.cause !== undefined && depth < 8 ? serializeError(error.cause, depth + 1) : undefined,
  };
}

/** An error rebuilt from a worker: same name, code, message, template, file and cause chain. */
export class RemoteError extends Error {
  readonly code: string | undefined;
  readonly template: string | undefined;
  readonly file: string | undefined;
  constructor(s: SerializedError) {
    super(s.message, s.cause ? { cause: new RemoteError(s.cause) } : undefined);
    this.name = s.name;
    this.code = s.code;
    this.template = s.template;
    this.file = s.file;
    if (s.stack) this.stack = s.stack;
  }
}
