// Command-line inputs → the list of transcripts to read: files, directories (recursive), globs, `-` (stdin).
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isRemote, remoteInputDisplay, remoteInputPath } from '../aws/remote-input.js';
import { UsageError } from '../errors.js';
import { displayPath } from '../io.js';

export interface InputFile {
  /** Absolute path, or null for standard input. */
  readonly path: string | null;
  /** As shown to the user: the argument, or the path relative to the working directory. */
  readonly display: string;
  /** Sub-directory of the output directory to mirror (for files found inside a directory input). */
  readonly relDir: string;
  /** A HealthScribe summary.json found next to a transcript.json, loaded with it. */
  readonly summaryPath?: string | undefined;
  /** The job description `<name>.job.json` that `scribekit fetch` saved next to `<name>.json`. */
  readonly jobPath?: string | undefined;
}

const GLOB = /[*?[\]{}]/;

/** Whether a name is skipped when walking directories: hidden entries and node_modules. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** scribekit's own JSON outputs, never transcripts: skipped when walking a directory. */
const OWN_OUTPUT = /\.(scribekit|fhir)\.json$/i;

/** A job description saved by `scribekit fetch` (`<name>.job.json`): read with `<name>.json`, not alone. */
const JOB_DESCRIPTION = /\.job\.json$/i;

/** The job description that belongs to a transcript file. */
export function jobDescriptionPath(transcriptPath: string): string {
  return transcriptPath.replace(/\.json$/i, '.job.json');
}

/** Every file under `dir` whose name `keep` accepts (sorted; symlinks to files followed). */
async function walk(
  dir: string,
  excluded: ReadonlySet<string>,
  keep: (name: string) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!excluded.has(path)) out.push(...(await walk(path, excluded, keep)));
    } else if (keep(e.name) && (e.isFile() || (e.isSymbolicLink() && (await isFile(path))))) out.push(path);
  }
  return out;
}

/** Directories are searched for transcripts: `*.json`, except scribekit's own JSON outputs. */
const isTranscriptName = (name: string) => /\.json$/i.test(name) && !OWN_OUTPUT.test(name);

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Walks every file under the glob's static base directory and keeps those the pattern matches. */
async function expandGlob(
  pattern: string,
  cwd: string,
  excluded: ReadonlySet<string>,
): Promise<{ base: string; files: string[] }> {
  const parts = pattern.split(/[/\\]/);
  const staticParts: string[] = [];
  while (parts.length > 1 && !GLOB.test(parts[0]!)) staticParts.push(parts.shift()!);
  const base = resolve(cwd, staticParts.join('/') || '.');
  const re = globToRegExp(parts.join('/'));
  let files: string[];
  try {
    files = await walk(base, excluded, () => true); // a glob may name any extension
  } catch {
    files = [];
  }
  return { base, files: files.filter((f) => re.test(relative(base, f).split(sep).join('/'))) };
}

/**
 * Expands the inputs in the order given (each directory's files sorted). A path that does not exist is kept
 * (it fails as that input, exit 3, without stopping the batch); a directory without `.json` files, a glob
 * matching nothing and `-` given twice are usage errors. Files inside a directory input keep their
 * sub-directory (`relDir`) so outputs mirror the tree. In a directory, a `summary.json` next to a
 * `transcript.json` (HealthScribe's layout) is loaded with that transcript instead of converted alone, and
 * a job description `<name>.job.json` (saved by `scribekit fetch`) next to `<name>.json` gives that
 * transcript its job's metadata (specialty, type, times) instead of being converted alone.
 * Walking skips hidden entries, `node_modules`, the `exclude` directories (the output directory) and
 * scribekit's own JSON outputs (`*.scribekit.json`, `*.fhir.json`), so a re-run does not read its outputs.
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  options: { readonly exclude?: readonly string[] } = {},
): Promise<InputFile[]> {
  const excluded = new Set((options.exclude ?? []).map((d) => resolve(cwd, d)));
  const out: InputFile[] = [];
  const show = (path: string) => displayPath(cwd, path);
  let stdin = false;
  for (const arg of args) {
    // s3://…, S3 https URLs and presigned URLs: downloaded when the input is read (aws/remote-input.ts).
    if (isRemote(arg)) {
      out.push({ path: remoteInputPath(arg), display: remoteInputDisplay(arg), relDir: '' });
      continue;
    }
    if (arg === '-') {
      if (stdin) throw new UsageError('Standard input (`-`) can be given only once');
      stdin = true;
      out.push({ path: null, display: '-', relDir: '' });
      continue;
    }
    const path = resolve(cwd, arg);
    let kind: 'file' | 'dir' | 'missing' = 'missing';
    try {
      kind = (await stat(path)).isDirectory() ? 'dir' : 'file';
    } catch {
      kind = 'missing';
    }
    if (kind === 'missing' && GLOB.test(arg)) {
      const { base, files } = await expandGlob(arg, cwd, excluded);
      if (files.length === 0) throw new UsageError(`No files match \`${arg}\``);
      const set = new Set(files);
      for (const f of files) {
        if (JOB_DESCRIPTION.test(f) && set.has(f.replace(JOB_DESCRIPTION, '.json'))) continue;
        const jobPath = jobDescriptionPath(f);
        const paired = !JOB_DESCRIPTION.test(f) && (set.has(jobPath) || (await isFile(jobPath)));
        out.push({ path: f, display: show(f), relDir: relDirOf(base, f), ...(paired ? { jobPath } : {}) });
      }
    } else if (kind === 'dir') {
      const files = await walk(path, excluded, isTranscriptName);
      if (files.length === 0) throw new UsageError(`No .json files in the directory \`${arg}\``);
      const set = new Set(files);
      for (const f of files) {
        if (basename(f) === 'summary.json' && set.has(join(dirname(f), 'transcript.json'))) continue;
        if (JOB_DESCRIPTION.test(f) && set.has(f.replace(JOB_DESCRIPTION, '.json'))) continue;
        const summary = join(dirname(f), 'summary.json');
        const paired = basename(f) === 'transcript.json' && set.has(summary);
        const jobPath = jobDescriptionPath(f);
        out.push({
          path: f,
          display: show(f),
          relDir: relDirOf(path, f),
          ...(paired ? { summaryPath: summary } : {}),
          ...(!JOB_DESCRIPTION.test(f) && set.has(jobPath) ? { jobPath } : {}),
        });
      }
    } else {
      const jobPath = jobDescriptionPath(path);
      const paired = kind === 'file' && !JOB_DESCRIPTION.test(path) && (await isFile(jobPath));
      out.push({ path, display: arg, relDir: '', ...(paired ? { jobPath } : {}) });
    }
  }
  return out;
}

function relDirOf(base: string, file: string): string {
  const rel = relative(base, dirname(file));
  return rel === '' ? '' : rel.split(sep).join('/');
}
