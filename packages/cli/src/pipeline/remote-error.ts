// Errors crossing the worker-thread boundary: name, code, message and the cause chain survive.

export interface SerializedError {
  readonly name: string;
  readonly code: string | undefined;
  readonly message: string;
  readonly stack: string | undefined;
  readonly cause: SerializedError | undefined;
}

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return { name: 'Error', code: undefined, message: String(error), stack: undefined, cause: undefined };
  }
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: error.message,
    stack: error.stack,
    cause: error.cause !== undefined && depth < 8 ? serializeError(error.cause, depth + 1) : undefined,
  };
}

/** An error rebuilt from a worker: same name, code, message and cause chain (for exit codes and --verbose). */
export class RemoteError extends Error {
  readonly code: string | undefined;
  constructor(s: SerializedError) {
    super(s.message, s.cause ? { cause: new RemoteError(s.cause) } : undefined);
    this.name = s.name;
    this.code = s.code;
    if (s.stack) this.stack = s.stack;
  }
}
