// How errors are shown: one line on stderr, in the user's words (the flag they typed, the config key), with a
// hint of what to do where the library cannot know it (the CLI's commands); with --verbose the cause chain
// (and the stack of unexpected errors).
import { libraryOptionName, type OptionNamer, renderOptionTemplate } from '@scribekit/core/errors';

const EXPECTED = /^E_|^commander\./;

export interface ReportOptions {
  readonly verbose?: boolean | undefined;
  /** Names options as the user wrote them (see pipeline/export-options.ts); default: library names. */
  readonly namer?: OptionNamer | undefined;
}

/** What the CLI adds to an error it knows (keyed on the error's name or detected input kind, never its text). */
function hintFor(error: unknown): string | null {
  const e = error as { name?: unknown; detected?: unknown; status?: unknown };
  switch (e.name) {
    case 'NoPhiEntitiesError':
      return 'start the job with PHI identification (`scribekit transcribe --phi`, or ContentIdentificationType PHI), or let Amazon Comprehend Medical find the PHI with --detect-phi comprehend';
    case 'JobStatusError':
      return e.status === 'QUEUED' || e.status === 'IN_PROGRESS'
        ? 'use `scribekit fetch <job-name> --wait`'
        : null;
    case 'UnsupportedFormatError':
      if (e.detected === 'job-description')
        return 'use `scribekit fetch <job-name>` to download its transcript';
      if (e.detected === 'job-list') return 'use `scribekit fetch <job-name>` or `scribekit fetch --all`';
      return null;
    default:
      return null;
  }
}

/** The one-line message of an error, option names rendered by `namer`, with the CLI's hint. */
export function errorMessage(error: unknown, namer: OptionNamer = libraryOptionName): string {
  const e = error as { message?: unknown; template?: unknown; file?: unknown } | null;
  let message = error instanceof Error ? error.message : String(error);
  if (e && typeof e.template === 'string') {
    const text = renderOptionTemplate(e.template, namer);
    message = typeof e.file === 'string' && e.file !== '' ? `${e.file}: ${text}` : text;
  }
  const hint = hintFor(error);
  return `${firstLine(message)}${hint ? ` — ${hint}` : ''}`;
}

/** `error: <message>`, plus `  caused by: …` lines (and stacks of unexpected errors) when verbose. */
export function formatError(error: unknown, options: ReportOptions | boolean = {}): string {
  const o = typeof options === 'boolean' ? { verbose: options } : options;
  const lines = [`error: ${errorMessage(error, o.namer)}`];
  if (o.verbose) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && !(typeof code === 'string' && EXPECTED.test(code)) && error.stack) {
      lines.push(...error.stack.split('\n').slice(1));
    }
    let cause = error instanceof Error ? error.cause : undefined;
    for (let depth = 0; cause !== undefined && depth < 8; depth++) {
      const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
      lines.push(`  caused by: ${firstLine(text)}`);
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return `${lines.join('\n')}\n`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
