// The shared corpus directory, found from a main checkout (../shared) or a git worktree under wt/ (../../shared).
// support/corpus.ts resolves only the first; the dictation tests use this so they also run in worktrees.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ManifestEntry } from './corpus.js';

const candidates = ['../../../shared/corpus/', '../../../../shared/corpus/'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

/** The first candidate that holds the manifest (the first candidate when none does, so errors name it). */
export const sharedCorpusDir = candidates.find((d) => existsSync(`${d}manifest.json`)) ?? candidates[0]!;

export function readShared(file: string): Buffer {
  return readFileSync(`${sharedCorpusDir}${file}`);
}

export function sharedManifest(): ManifestEntry[] {
  return JSON.parse(readShared('manifest.json').toString('utf8')) as ManifestEntry[];
}
