// Atomic, no-clobber writes: temp file in the target directory, then link/rename into place.
// Outputs of one input are all-or-nothing; temp files are removed on error and on Ctrl-C.
import { unlinkSync } from 'node:fs';
import { link, lstat, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputExistsError, OutputWriteError } from '../errors.js';

export { OutputExistsError, OutputWriteError } from '../errors.js';

/** A file's identity: the same device and inode are the same file, whatever its path. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

const sameFile = (a: FileIdentity, b: FileIdentity) => a.dev === b.dev && a.ino === b.ino;

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

/**
 * The temp name used next to `path`: hidden, recognisable (`.visit.srt.1a2b3c4d.tmp`), and unlikely to be taken.
 * It need not be unguessable: it is created with O_EXCL (`wx`), which never follows or replaces what is there,
 * and a name that is taken is drawn again. (No `node:crypto`: loading it costs a short conversion ~10 %.)
 */
export function tempPathFor(path: string): string {
  const tag = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
  return join(dirname(path), `.${basename(path)}.${tag}.tmp`);
}

/** How many names `writeTemp` draws before giving up: eight taken 32-bit names in a row is not chance. */
const TEMP_TRIES = 8;

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeTemp(
  path: string,
  data: string | Uint8Array,
  mode: number,
): Promise<{ temp: string; id: FileIdentity }> {
  const { temp, handle } = await createTemp(path, mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
      const st = await handle.stat();
      return { temp, id: { dev: st.dev, ino: st.ino } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}

/** Creates a new temp file next to `path` (never one that exists: that may be another run's, and is left alone). */
async function createTemp(path: string, mode: number) {
  for (let tries = 1; ; tries++) {
    const temp = tempPathFor(path);
    liveTempFiles.add(temp);
    try {
      return { temp, handle: await open(temp, 'wx', mode) };
    } catch (error) {
      liveTempFiles.delete(temp);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries === TEMP_TRIES) throw error;
    }
  }
}

/** The identity of the file at `path`, or null when there is none. */
export async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const st = await lstat(path);
    return { dev: st.dev, ino: st.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** This tool's temp file names: `.visit.srt.1a2b3c4d.tmp`. */
const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.tmp$/;
/** Temp files older than this are left over from a run that was killed (a live run's are seconds old). */
export const STALE_TEMP_MS = 15 * 60_000;

/**
 * Removes this tool's own temp files older than `maxAgeMs` in `dir` (not below it): what a killed run left
 * behind. Returns how many were removed. Other files, and fresh temp files of runs in progress, are kept.
 */
export async function removeStaleTemps(
  dir: string,
  maxAgeMs = STALE_TEMP_MS,
  now = Date.now(),
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const path = join(dir, name);
    try {
      const st = await lstat(path);
      if (st.isFile() && now - st.mtimeMs > maxAgeMs) {
        await unlink(path);
        removed++;
      }
    } catch {
      // gone meanwhile
    }
  }
  return removed;
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
async function commit(temp: string, path: string, force: boolean, shown = path): Promise<void> {
  if (force) {
    await rename(temp, path);
    liveTempFiles.delete(temp);
    return;
  }
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputExistsError(shown);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (await exists(path)) throw new OutputExistsError(shown);
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
    const { temp } = await writeTemp(path, data, options.mode ?? 0o644);
    try {
      await commit(temp, path, force);
    } finally {
      await removeQuietly(temp);
    }
  } catch (error) {
    throw wrap(error, path);
  }
}

export interface WriteOutputsOptions {
  /** Replace existing files. */
  readonly force?: boolean | undefined;
  /** Files that must never be replaced (the inputs, standard input): by identity, whatever their path. */
  readonly protect?: readonly (FileIdentity & { readonly label: string })[] | undefined;
  /** A path as shown in messages (default: as it is). */
  readonly show?: ((path: string) => string) | undefined;
}

/**
 * Writes the outputs of one input as `<dir>/<baseName>.<extension>`, all or nothing: every temp file is written
 * and synced (in parallel), then they are moved into place one by one in name order (so two runs racing on one
 * folder meet at the same first file, and one of them wins whole); without `force` each move is a hard link that
 * fails if the target exists (atomic no-clobber). If anything fails, the temp files and the targets this call
 * put in place are removed — by identity (device and inode), so a file another process has put there since is
 * never touched. A target that is one of the inputs is refused before anything is moved. Outputs with unredacted
 * PHI get mode 0600. Returns the paths written, in the order of `outputs`.
 */
export async function writeOutputs(
  dir: string,
  baseName: string,
  outputs: readonly OutputFile[],
  options: WriteOutputsOptions = {},
): Promise<string[]> {
  const force = options.force ?? false;
  const show = options.show ?? ((p: string) => p);
  for (const part of [baseName, ...outputs.map((o) => o.extension)]) {
    if (part === '' || /[/\\\0]/.test(part) || part === '.' || part === '..') {
      throw new OutputWriteError(`Refusing the output name \`${baseName}\`: names must not be paths`);
    }
  }
  const paths = outputs.map((o) => join(dir, `${baseName}.${o.extension}`));
  if (paths.length === 0) return [];
  for (const path of paths) {
    const id = options.protect?.length ? await identityOf(path) : null;
    const input = id ? options.protect!.find((p) => sameFile(p, id)) : undefined;
    if (input) throw new OutputWriteError(`${show(path)} is ${input.label}: an input is never overwritten`);
  }
  const temps: ({ temp: string; id: FileIdentity } | undefined)[] = [];
  const created: { path: string; id: FileIdentity }[] = [];
  try {
    await mkdir(dir, { recursive: true });
    await settleAll(
      outputs.map(async (output, i) => {
        temps[i] = await writeTempOrWrap(paths[i]!, output.data, output.containsPhi ? 0o600 : 0o644, show);
      }),
    );
    const order = paths
      .map((_, i) => i)
      .sort((a, b) => (paths[a]! < paths[b]! ? -1 : paths[a]! > paths[b]! ? 1 : 0));
    for (const i of order) {
      const path = paths[i]!;
      try {
        await commit(temps[i]!.temp, path, force, show(path));
      } catch (error) {
        throw wrap(error, show(path));
      }
      created.push({ path, id: temps[i]!.id });
      temps[i] = undefined;
    }
    return paths;
  } catch (error) {
    // Only what this call put in place is removed: a target whose identity is another file's stays.
    for (const c of created) {
      const now = await identityOf(c.path).catch(() => null);
      if (now && sameFile(now, c.id)) await removeQuietly(c.path);
    }
    for (const t of temps) if (t !== undefined) await removeQuietly(t.temp);
    throw wrap(error, show(dir));
  }
}

async function writeTempOrWrap(
  path: string,
  data: string | Uint8Array,
  mode: number,
  show: (path: string) => string,
): Promise<{ temp: string; id: FileIdentity }> {
  try {
    return await writeTemp(path, data, mode);
  } catch (error) {
    throw wrap(error, show(path));
  }
}

/** Like Promise.all, but waits for every promise before rejecting with the first error. */
async function settleAll(promises: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
