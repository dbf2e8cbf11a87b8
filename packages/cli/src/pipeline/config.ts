// The config file: `scribekit.config.json` in the working directory, or the file given with `--config`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../exit-codes.js';
import { CONFIG_EXPORT_KEYS } from './export-options.js';

export const CONFIG_FILE = 'scribekit.config.json';

/** Keys the config file may have besides the exporter options. */
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
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Reads the config file: `explicit` (must exist) or `scribekit.config.json` in `cwd` (optional).
 * Throws UsageError (exit 2) for a missing explicit file, invalid JSON, a non-object or an unknown key.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (explicit === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path: null, values: {} };
    }
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
  for (const key of Object.keys(values)) {
    if (!Object.hasOwn(CONFIG_EXPORT_KEYS, key) && !Object.hasOwn(CONFIG_CLI_KEYS, key)) {
      throw new UsageError(`Unknown key \`${key}\` in the config file ${path}`);
    }
  }
  const v = values as Record<string, unknown>;
  if (
    v.to !== undefined &&
    typeof v.to !== 'string' &&
    !(Array.isArray(v.to) && v.to.every((f) => typeof f === 'string'))
  ) {
    throw new UsageError(`Invalid config key \`to\` in ${path}: expected "srt,vtt" or ["srt", "vtt"]`);
  }
  if (v.outDir !== undefined && typeof v.outDir !== 'string') {
    throw new UsageError(`Invalid config key \`outDir\` in ${path}: expected a directory name`);
  }
  if (v.jobs !== undefined && !(Number.isInteger(v.jobs) && (v.jobs as number) >= 1)) {
    throw new UsageError(`Invalid config key \`jobs\` in ${path}: expected an integer ≥ 1`);
  }
  return { path, values: v };
}
