// Exit codes (documented in the README) and the mapping from errors to them.
// Errors are classified by their stable `code` (and commander's), not by class, so errors that crossed a
// worker-thread boundary classify the same way. Only the type of the code list comes from core.
import type { ErrorCode } from '@scribekit/core/errors';

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
  /** A receiver refused or never acknowledged a message (HL7 over MLLP). */
  send: 6,
  /** Interrupted (Ctrl-C / SIGINT): 128 + 2. SIGTERM exits 143 and SIGHUP 129 (see exitForSignal). */
  interrupted: 130,
} as const;

/** The signals the command stops cleanly on, and their numbers (exit code 128 + number, as shells report). */
export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** The exit code of a run stopped by `reason` (the signal's name), 130 when it is not a signal name. */
export function exitForSignal(reason: unknown): number {
  return typeof reason === 'string' && Object.hasOwn(STOP_SIGNALS, reason)
    ? 128 + STOP_SIGNALS[reason as keyof typeof STOP_SIGNALS]
    : EXIT.interrupted;
}

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every error code scribekit has, and its exit code (a new code without an exit code fails to compile). */
const BY_CODE = {
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
  E_CORRECTIONS: EXIT.invalidInput,
  E_SEND: EXIT.send,
} as const satisfies Record<ErrorCode, ExitCode>;

/**
 * The exit code for an error: TranscriptParseError / InvalidJsonError / UnsupportedFormatError /
 * JobStatusError → 3, FetchError → 4, ExportError → 5, OptionsError / UnknownFormatError / commander
 * usage errors → 2 (help and version → 0), anything else → 1.
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (typeof error !== 'object' || error === null) return EXIT.someFailed;
  const { code, exitCode } = error as { code?: unknown; exitCode?: unknown };
  if (typeof code === 'string') {
    const mapped = (BY_CODE as Readonly<Record<string, ExitCode>>)[code];
    if (mapped !== undefined) return mapped;
    // CommanderError: `commander.*` codes with its own exitCode (0 for --help and --version).
    if (code.startsWith('commander.')) return exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return EXIT.someFailed;
}
