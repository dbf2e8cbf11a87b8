// Where the Lambda writes: each output keeps its source's path (so two patients' `visit.json` in two folders
// never meet), under the output prefix when one is set, else next to the source.
import { OptionsError } from '@scribekit/core';
import { exporters, type Format, formats } from '@scribekit/exporters/render';

/** `scribekit` → `scribekit/`, `/a//b/` → `a/b/`, `` → `` (the bucket's root). */
export function normalizePrefix(prefix: string | undefined): string | undefined {
  if (prefix === undefined) return undefined;
  const parts = prefix.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..'))
    throw new OptionsError('SCRIBEKIT_OUTPUT_PREFIX must not contain `..`', {
      option: 'SCRIBEKIT_OUTPUT_PREFIX',
    });
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

/** The key of `format`'s output for the source object `key` (`medical/c1/visit.json` → `…/medical/c1/visit.fhir.json`). */
export function outputKey(key: string, format: Format, prefix: string | undefined): string {
  const stem = key.replace(/\.json$/i, '');
  return `${prefix ?? ''}${stem}.${exporters[format].extension}`;
}

/** scribekit's own JSON outputs' extensions (`.fhir.json`, `.scribekit.json`): never inputs. */
const OWN_JSON = formats.map((f) => `.${exporters[f].extension}`).filter((e) => e.endsWith('.json'));

/** Why an object key is not a transcript to convert, or null when it may be one. */
export function ignoredKey(
  bucket: string,
  key: string,
  config: { readonly outputBucket?: string | undefined; readonly outputPrefix?: string | undefined },
): string | null {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (name === '') return 'a folder marker';
  if (name.startsWith('.write_access_check_file')) return 'Transcribe’s write-access check file';
  if (!name.toLowerCase().endsWith('.json')) return 'not a .json object';
  if (OWN_JSON.some((e) => name.endsWith(e))) return 'a scribekit output';
  if (name.endsWith('.job.json')) return 'a job description (read with its transcript)';
  const sameBucket = !config.outputBucket || config.outputBucket === bucket;
  if (config.outputPrefix && sameBucket && key.startsWith(config.outputPrefix))
    return 'under the output prefix';
  return null;
}

/** A HealthScribe job writes `transcript.json` and `summary.json` side by side: the pair's keys. */
export function healthScribePair(key: string): { transcript: string; summary: string } | null {
  const slash = key.lastIndexOf('/') + 1;
  const name = key.slice(slash);
  if (name !== 'transcript.json' && name !== 'summary.json') return null;
  const folder = key.slice(0, slash);
  return { transcript: `${folder}transcript.json`, summary: `${folder}summary.json` };
}
