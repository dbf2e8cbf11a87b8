// Job names and media keys derived from the file name and a content hash, so running `transcribe` again on
// the same audio with the same settings finds the job it started before instead of paying for a second one.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';

/** StartMedicalTranscriptionJob's limit on MedicalTranscriptionJobName. */
export const MAX_JOB_NAME = 200;
/** Hex digits of the hash kept in names. */
const HASH_CHARS = 16;

/** The SHA-256 of a file, hex (streamed: media files can be large). */
export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, signal ? { signal } : {});
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A file name's stem in the characters job names allow (`[0-9a-zA-Z._-]`), never empty. */
export function nameStem(source: string): string {
  const file = basename(source.replace(/[\\/]+$/, ''));
  const stem = file.slice(0, file.length - extname(file).length);
  const clean = stem
    .replace(/[^0-9a-zA-Z._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return clean === '' ? 'audio' : clean;
}

/**
 * The digest a job is named by: the audio's identity (its SHA-256, or for media already in S3 its URI and
 * ETag) and the settings that change the transcript. Output location, KMS key and tags are left out: they
 * do not change what Transcribe hears, so changing them reuses the job.
 */
export function jobDigest(mediaIdentity: string, settings: Readonly<Record<string, unknown>>): string {
  const sorted = Object.fromEntries(
    Object.entries(settings)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return createHash('sha256')
    .update(JSON.stringify([mediaIdentity, sorted]))
    .digest('hex');
}

/**
 * `<stem>-<16 hex>` (plus `-<fresh>` for `--new`), at most 200 characters. The stem is shortened first so
 * the hash (which makes the name unique) is always whole.
 */
export function jobNameFor(source: string, digest: string, fresh?: string): string {
  const suffix = `-${digest.slice(0, HASH_CHARS)}${fresh ? `-${fresh.replace(/[^0-9a-zA-Z]/g, '')}` : ''}`;
  const stem = nameStem(source)
    .slice(0, MAX_JOB_NAME - suffix.length)
    .replace(/[-.]+$/, '');
  return `${stem || 'audio'}${suffix}`;
}

/** A suffix for `--new`: the time in base 36 and a little randomness (two runs in one millisecond differ). */
export function freshSuffix(now: number = Date.now()): string {
  return `${now.toString(36)}${Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .padStart(3, '0')}`;
}

/** The media object's key: `<prefix><stem>-<16 hex of the audio's SHA-256>.<ext>` (content-addressed). */
export function mediaKeyFor(prefix: string, source: string, sha256: string, format: string): string {
  const p = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return `${p}${nameStem(source)}-${sha256.slice(0, HASH_CHARS)}.${format}`;
}

/** True for names StartMedicalTranscriptionJob takes. */
export function isValidJobName(name: string): boolean {
  return /^[0-9a-zA-Z._-]+$/.test(name) && name.length <= MAX_JOB_NAME && name !== '.' && name !== '..';
}
