// What a command may touch of the outside world, so tests can run the CLI in-process.
import { relative } from 'node:path';
import process from 'node:process';

export interface CliIo {
  /** Writes text to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error. */
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal (progress bars, colour). Default: `process.stderr.isTTY`. */
  readonly isTTY?: boolean | undefined;
  /** Environment variables (NO_COLOR, …). Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Directory relative paths are resolved against. Default: `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** Reads all of standard input (for `-`). Default: reads `process.stdin`. */
  readonly readStdin?: (() => Promise<Uint8Array>) | undefined;
  /** Aborted on Ctrl-C: batches stop starting work, clean up, and the command exits 130. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The file descriptor standard input is read from (0), so a `-` input redirected from a file is protected from
   * being overwritten; -1 for none. Default: 0 with the default `readStdin`, else -1.
   */
  readonly stdinFd?: number | undefined;
}

/** CliIo with every field present. */
export type ResolvedIo = Required<{ [K in keyof CliIo]: NonNullable<CliIo[K]> }>;

export const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function resolveIo(io: CliIo): ResolvedIo {
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    isTTY: io.isTTY ?? process.stderr.isTTY === true,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    readStdin: io.readStdin ?? readProcessStdin,
    signal: io.signal ?? new AbortController().signal,
    stdinFd: io.stdinFd ?? (io.readStdin ? -1 : 0),
  };
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Whether to colour output: a terminal, and neither NO_COLOR nor TERM=dumb (https://no-color.org). */
export function useColor(io: ResolvedIo): boolean {
  const noColor = io.env.NO_COLOR;
  return io.isTTY && (noColor === undefined || noColor === '') && io.env.TERM !== 'dumb';
}

export interface Paint {
  readonly bold: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) =>
    enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    bold: wrap(1, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
  };
}

/** A path as shown to the user: relative to `cwd` when inside it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
