// Exit codes (documented in the README) and the mapping from errors to them.
// Errors are classified by their stable `code` (and commander's), not by class, so this module does not load
// @scribekit/core (fast `--help`) and errors that crossed a worker-thread boundary classify the same way.

export const EXIT = {
  ok: 0,
  /** Some inputs of a batch failed (the others were written), or an unexpected error. */
  someFailed: 1,
  /** Bad command line, options or config file. */
  usage: 2,
  /** An input is not a transcript scribekit can read. */
  invalidInput: 3,
  /** Fetching from AWS (or a URL) failed. */
  fetch: 4,
  /** An output could not be produced or written. */
  export: 5,
  /** Interrupted (Ctrl-C / SIGINT): 128 + 2. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CODE: Readonly<Record<string, ExitCode>> = {
  E_JSON: EXIT.invalidInput,
  E_ENCODING: EXIT.invalidInput,
  E_PARSE: EXIT.invalidInput,
  E_UNSUPPORTED_FORMAT: EXIT.invalidInput,
  E_JOB_STATUS: EXIT.invalidInput,
  E_INPUT: EXIT.invalidInput,
  E_FETCH: EXIT.fetch,
  E_EXPORT: EXIT.export,
  E_OPTIONS: EXIT.usage,
  E_UNKNOWN_FORMAT: EXIT.usage,
  E_USAGE: EXIT.usage,
};

/**
 * The exit code for an error: TranscriptParseError / InvalidJsonError / UnsupportedFormatError /
 * JobStatusError → 3, FetchError → 4, ExportError → 5, OptionsError / UnknownFormatError / commander
 * usage errors → 2 (help and version → 0), anything else → 1.
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (typeof error !== 'object' || error === null) return EXIT.someFailed;
  const { code, exitCode } = error as { code?: unknown; exitCode?: unknown };
  if (typeof code === 'string') {
    const mapped = BY_CODE[code];
    if (mapped !== undefined) return mapped;
    // CommanderError: `commander.*` codes with its own exitCode (0 for --help and --version).
    if (code.startsWith('commander.')) return exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return EXIT.someFailed;
}

/** A mistake on the command line that commander itself does not catch (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly code = 'E_USAGE';
}
