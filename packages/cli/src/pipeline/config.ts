// The config file: `scribekit.config.json` in the working directory, or the file given with `--config`. Its keys
// are the export options (the exporters' option table: every library option that JSON can hold) plus a few of
// the CLI's own.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isTranscriptError, libraryOptionName, type OptionsError } from '@scribekit/core/errors';
import type { ExportOptions } from '@scribekit/exporters';
import { checkOptionTypes } from '@scribekit/exporters/options';
import { UsageError } from '../errors.js';

export const CONFIG_FILE = 'scribekit.config.json';

/** Keys the config file may have besides the export options. */
export const CONFIG_CLI_KEYS = {
  /** Formats: `"srt,vtt"` or `["srt", "vtt"]`. */
  to: 'formats',
  /** Output directory. */
  outDir: 'string',
  /** Worker threads. */
  jobs: 'number',
  /** A JSON Schema reference for editors; ignored. */
  $schema: 'string',
} as const;

export interface LoadedConfig {
  /** The file read, or null when there is none. */
  readonly path: string | null;
  /** The export options it holds (checked: names and value types). */
  readonly options: ExportOptions;
  readonly to?: string | readonly string[] | undefined;
  readonly outDir?: string | undefined;
  readonly jobs?: number | undefined;
}

/**
 * Reads the config file: `explicit` (must exist) or `scribekit.config.json` in `cwd` (optional). Throws
 * UsageError (exit 2) for a missing explicit file, invalid JSON, a non-object, an unknown key or a value of the
 * wrong type — naming the key and the file, never the value.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (explicit === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return { path: null, options: {} };
    throw new UsageError(`Cannot read the config file ${path}`, { cause: error });
  }
  let values: unknown;
  try {
    values = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`The config file ${path} is not valid JSON`);
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new UsageError(`The config file ${path} must hold a JSON object`);
  }
  const { to, outDir, jobs, $schema: _schema, ...options } = values as Record<string, unknown>;
  try {
    checkOptionTypes(options);
  } catch (error) {
    if (!isTranscriptError(error) || error.code !== 'E_OPTIONS') throw error;
    const unknown = (error as OptionsError).template.endsWith('is not an export option');
    throw new UsageError(
      unknown
        ? `Unknown key \`${(error as OptionsError).option}\` in the config file ${path}`
        : `Invalid config key in ${path}: ${(error as OptionsError).messageWith(libraryOptionName)}`,
    );
  }
  if (
    to !== undefined &&
    typeof to !== 'string' &&
    !(Array.isArray(to) && to.every((f) => typeof f === 'string'))
  ) {
    throw new UsageError(`Invalid config key \`to\` in ${path}: expected "srt,vtt" or ["srt", "vtt"]`);
  }
  if (outDir !== undefined && typeof outDir !== 'string') {
    throw new UsageError(`Invalid config key \`outDir\` in ${path}: expected a directory name`);
  }
  if (jobs !== undefined && !(Number.isInteger(jobs) && (jobs as number) >= 1)) {
    throw new UsageError(`Invalid config key \`jobs\` in ${path}: expected an integer ≥ 1`);
  }
  return {
    path,
    options: options as ExportOptions,
    ...(to !== undefined ? { to: to as string | string[] } : {}),
    ...(outDir !== undefined ? { outDir: outDir as string } : {}),
    ...(jobs !== undefined ? { jobs: jobs as number } : {}),
  };
}
