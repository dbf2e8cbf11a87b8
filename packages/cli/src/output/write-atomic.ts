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
  if (error instanceof OutputExistsError) return error;
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
 * Writes the outputs of one input as `<dir>/<baseName>.<extension>`, all or nothing: every target is checked
 * (no overwrite without `force`), every temp file written and synced, then all are moved into place; if
 * anything fails, temp files and the targets already created are removed. Outputs with unredacted PHI get
 * mode 0600. Returns the paths written, in the order of `outputs`.
 */
export async function writeOutputs(
  dir: string,
  baseName: string,
  outputs: readonly OutputFile[],
  options: { readonly force?: boolean | undefined } = {},
): Promise<string[]> {
  const force = options.force ?? false;
  const paths = outputs.map((o) => join(dir, `${baseName}.${o.extension}`));
  const temps: string[] = [];
  const created: string[] = [];
  let current = dir;
  try {
    if (!force) {
      for (const path of paths) {
        current = path;
        if (await exists(path)) throw new OutputExistsError(path);
      }
    }
    await mkdir(dirname(paths[0] ?? join(dir, 'x')), { recursive: true });
    for (const [i, output] of outputs.entries()) {
      current = paths[i]!;
      temps.push(await writeTemp(paths[i]!, output.data, output.containsPhi ? 0o600 : 0o644));
    }
    for (const [i, path] of paths.entries()) {
      current = path;
      await commit(temps[i]!, path, force);
      created.push(path);
    }
    return paths;
  } catch (error) {
    // Without force the targets did not exist before, so removing them restores the old state.
    if (!force) for (const path of created) await removeQuietly(path);
    throw wrap(error, current);
  } finally {
    for (const temp of temps) await removeQuietly(temp);
  }
}
