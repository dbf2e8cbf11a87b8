// Checks on the files a conversion left in a folder: no temp files, and every output whole.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exporters, formats } from '@scribekit/exporters/render';
import { expect } from 'vitest';
import { documentXml } from '../../packages/exporters/test/docx-helpers.js';

/** Every format of `--to all`, by file extension. */
export const ALL_EXTENSIONS: readonly string[] = formats.map((f) => exporters[f].extension).sort();

/** `visit-003.fhir.json` → [`visit-003`, `fhir.json`]. */
export function splitOutput(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** This tool's temp files (`.visit.srt.1a2b3c4d.tmp`) in `dir`. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

/**
 * Asserts that `file` in `dir` is a complete output: byte-equal to `reference` (the same conversion of the same
 * transcript under another name) for the formats that do not carry ids or times, the same document part for DOCX
 * (whose zip entries carry the time), the same segments for HL7 (times and control id aside), and parsable
 * for FHIR (whose resource id and date differ per run).
 */
export function expectWhole(dir: string, file: string, reference: ReadonlyMap<string, Buffer>): void {
  const [, ext] = splitOutput(file);
  const bytes = readFileSync(join(dir, file));
  if (ext === 'fhir.json') {
    const resource = JSON.parse(bytes.toString('utf8')) as { resourceType?: unknown };
    expect(typeof resource.resourceType, file).toBe('string');
    return;
  }
  if (ext === 'fhir.xml') {
    const text = bytes.toString('utf8').trimEnd();
    const root = /^(?:<\?xml[^>]*\?>\s*)?<([A-Za-z]+)[\s>]/.exec(text)?.[1];
    expect(root, file).toBeDefined();
    expect(text.endsWith(`</${root}>`), file).toBe(true);
    return;
  }
  const expected = reference.get(ext);
  expect(expected, `a reference ${ext}`).toBeDefined();
  if (ext === 'hl7') {
    // MSH-7/MSH-10 and the document times differ per run: the same segments, the same OBX lines.
    const shape = (b: Buffer) =>
      b
        .toString('utf8')
        .split('\r')
        .map((seg) =>
          seg.startsWith('OBX|')
            ? seg
            : seg.replace(/\d{14}(\.\d+)?[+-]\d{4}/g, 'TS').replace(/^(MSH(?:\|[^|]*){8})\|[^|]*/, '$1|ID'),
        );
    expect(shape(bytes), `${file} is whole`).toEqual(shape(expected!));
    return;
  }
  if (ext === 'docx') {
    expect(documentXml(bytes), `${file} is whole`).toBe(documentXml(expected!));
    return;
  }
  expect(bytes.equals(expected!), `${file} is whole`).toBe(true);
}

/** The outputs of one conversion of `base` in `dir`, by extension (the reference for expectWhole). */
export function outputsByExtension(dir: string, base: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(dir)) {
    const [b, ext] = splitOutput(f);
    if (b === base) out.set(ext, readFileSync(join(dir, f)));
  }
  return out;
}
