// The shared conformance corpus (read in place from ../shared/corpus; never copied into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface ManifestEntry {
  file: string;
  group: 'real' | 'doc-example' | 'broken';
  kind: string;
  expected: 'parse' | 'reject' | 'salvage';
  features: string[];
  items: number | null;
  pronunciationItems?: number;
  punctuationItems?: number;
  durationSeconds: number | null;
  speakers: number | null;
  speakersDeclared?: number | null;
  channels: number | null;
  language?: string;
  events?: number;
  partialEvents?: number;
  distinctResultIds?: number;
  finalItems?: number;
  itemsWithConfidence?: number;
  sections?: number;
  emptySections?: number;
  sectionNames?: string[];
  segments?: number;
  participantRoles?: string[];
  salvagedKind?: string;
  bytes: number;
}

export const hasCorpus = existsSync(`${corpusDir}manifest.json`);

export function loadManifest(): ManifestEntry[] {
  if (!hasCorpus) throw new Error(`The corpus is missing: expected ${corpusDir}manifest.json`);
  return JSON.parse(readFileSync(`${corpusDir}manifest.json`, 'utf8')) as ManifestEntry[];
}

export function readCorpus(file: string): Buffer {
  return readFileSync(`${corpusDir}${file}`);
}

export function readFixture(name: string): Buffer {
  return readFileSync(`${fixturesDir}${name}`);
}

/** Manifest entries of batch transcripts that must parse (the usual input of exporter tests). */
export function parsableBatch(): ManifestEntry[] {
  return loadManifest().filter((e) => e.kind === 'transcribe-batch' && e.expected !== 'reject');
}
