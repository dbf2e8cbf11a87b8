// The CLI's own errors, in the core error family (from the light `@scribekit/core/errors` entry, so `--help`
// does not load the parsers).
import { ExportError, TranscriptError, type TranscriptErrorOptions } from '@scribekit/core/errors';

/** A mistake on the command line that commander itself does not catch (exit 2). */
export class UsageError extends TranscriptError {
  override name = 'UsageError';
  constructor(message: string, options?: TranscriptErrorOptions) {
    super('E_USAGE', message, options);
  }
}

/** An input file that cannot be read: missing, a directory, no permission (exit 3). */
export class InputError extends TranscriptError {
  override name = 'InputError';
  constructor(message: string, options?: TranscriptErrorOptions) {
    super('E_INPUT', message, options);
  }
}

/** A target exists and `--force` was not given (exit 5, like other output failures). */
export class OutputExistsError extends ExportError {
  override name = 'OutputExistsError';
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists (use --force to overwrite)`);
    this.path = path;
  }
}

/** Writing an output failed (disk full, permissions, …): exit 5. */
export class OutputWriteError extends ExportError {
  override name = 'OutputWriteError';
}
