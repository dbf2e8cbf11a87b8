// How errors are shown: one line on stderr; with --verbose the cause chain (and the stack of unexpected errors).

const EXPECTED = /^E_|^commander\./;

/** `error: <message>`, plus `  caused by: …` lines (and stacks of unexpected errors) when verbose. */
export function formatError(error: unknown, verbose: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`error: ${firstLine(message)}`];
  if (verbose) {
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
