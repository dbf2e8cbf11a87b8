// Atomic, no-clobber writes: temp file in the target directory, then link/rename into place.
// Outputs of one input are all-or-nothing; temp files are removed on error and on Ctrl-C.
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** One rendered output, as `renderOutputs` gives it. */
export interface OutputFile {
  readonly extension: string;
  readonly data: string | Uint8Array;
  /** Unredacted transcript words (PHI): written with mode 0600. */
  readonly containsPhi: boolean;
}

export interface WriteOptions {
  /** Replace existing files. Default false: an existing target is an OutputExistsError. */
  readonly force?: boolean | undefined;
  /** File mode for a new file (before the umask). Default 0o644. */
  readonly mode?: number | undefined;
}

/** A target exists and `force` was not given (exit code 5, like other output failures). */
export class OutputExistsError extends Error {
  override name = 'OutputExistsError';
  readonly code = 'E_EXPORT';
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists (use --force to overwrite)`);
    this.path = path;
  }
}

/** Writing an output failed (disk full, permissions, …): exit code 5. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
  readonly code = 'E_EXPORT';
}

/** Temp files that exist right now, so an interrupted process can remove them synchronously. */
const liveTempFiles = new Set<string>();

/** Removes every temp file this process is still writing (for a second Ctrl-C or `process.exit`). */
export function removeTempFilesSync(): void {
  for (const path of liveTempFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  liveTempFiles.clear();
}

/** The temp name used next to `path`: hidden, unique, recognisable (`.visit.srt.1a2b3c4d.tmp`). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeTemp(path: string, data: string | Uint8Array, mode: number): Promise<string> {
  const temp = tempPathFor(path);
  liveTempFiles.add(temp);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  return temp;
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // already gone
  }
  liveTempFiles.delete(path);
}

/**
 * Moves a finished temp file to `path`. Without force a hard link makes "create only if absent" atomic
 * (EEXIST when something appeared meanwhile); filesystems without hard links fall back to check + rename.
 */
async function commit(temp: string, path: string, force: boolean): Promise<void> {
  if (force) {
    await rename(temp, path);
    liveTempFiles.delete(temp);
    return;
  }
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputExistsError(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (await exists(path)) throw new OutputExistsError(path);
    await rename(temp, path);
    liveTempFiles.delete(temp);
    return;
  }
  await removeQuietly(temp);
}

function wrap(error: unknown, path: string): Error {
  if (error instanceof OutputExistsError || error instanceof OutputWriteError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new OutputWriteError(`Cannot write ${path}${code ? ` (${code})` : ''}`, { cause: error });
}

/** Writes one file atomically: never a half-written target, never an overwrite without `force`. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const force = options.force ?? false;
  try {
    if (!force && (await exists(path))) throw new OutputExistsError(path);
    await mkdir(dirname(path), { recursive: true });
    const temp = await writeTemp(path, data, options.mode ?? 0o644);
    try {
      await commit(temp, path, force);
    } finally {
      await removeQuietly(temp);
    }
  } catch (error) {
    throw wrap(error, path);
  }
}

/**
 * Writes the outputs of one input as `<dir>/<baseName>.<extension>`, all or nothing: every temp file is written
 * and synced (in parallel), then all are moved into place; without `force` each move is a hard link that fails
 * if the target exists (atomic no-clobber). If anything fails, the temp files and the targets this call created
 * are removed, so an existing file is never touched and no partial set is left. Outputs with unredacted PHI
 * get mode 0600. Returns the paths written, in the order of `outputs`.
 */
export async function writeOutputs(
  dir: string,
  baseName: string,
  outputs: readonly OutputFile[],
  options: { readonly force?: boolean | undefined } = {},
): Promise<string[]> {
  const force = options.force ?? false;
  for (const part of [baseName, ...outputs.map((o) => o.extension)]) {
    if (part === '' || /[/\\\0]/.test(part) || part === '.' || part === '..') {
      throw new OutputWriteError(`Refusing the output name \`${baseName}\`: names must not be paths`);
    }
  }
  const paths = outputs.map((o) => join(dir, `${baseName}.${o.extension}`));
  if (paths.length === 0) return [];
  const temps: (string | undefined)[] = [];
  const created: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    await settleAll(
      outputs.map(async (output, i) => {
        temps[i] = await writeTempOrWrap(paths[i]!, output.data, output.containsPhi ? 0o600 : 0o644);
      }),
    );
    await settleAll(
      paths.map(async (path, i) => {
        try {
          await commit(temps[i]!, path, force);
        } catch (error) {
          throw wrap(error, path);
        }
        temps[i] = undefined;
        created.push(path);
      }),
    );
    return paths;
  } catch (error) {
    // Without force the targets did not exist before (the links would have failed), so removing restores.
    if (!force) await Promise.all(created.map(removeQuietly));
    for (const temp of temps) if (temp !== undefined) await removeQuietly(temp);
    throw wrap(error, dir);
  }
}

async function writeTempOrWrap(path: string, data: string | Uint8Array, mode: number): Promise<string> {
  try {
    return await writeTemp(path, data, mode);
  } catch (error) {
    throw wrap(error, path);
  }
}

/** Like Promise.all, but waits for every promise before rejecting with the first error. */
async function settleAll(promises: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
