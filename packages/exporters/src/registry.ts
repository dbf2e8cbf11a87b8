// Every output format by name. A frozen literal: no registration, no import-time side effects.
import { UnknownFormatError } from '@scribekit/core';
import { type DocxOptions, toDocx } from './docx.js';
import { type FhirOptions, toFhirJson, toFhirXml } from './fhir/index.js';
import { type JsonOptions, toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { type CaptionOptions, toSrt } from './srt.js';
import { type TextOptions, toText } from './text.js';
import type { Exporter } from './types.js';
import { toVtt } from './vtt.js';

/** Options for any exporter: each reads the part it knows. */
export type ExportOptions = CaptionOptions & DocxOptions & FhirOptions & TextOptions & JsonOptions;

export const exporters = Object.freeze({
  srt: {
    kind: 'text',
    extension: 'srt',
    mediaType: 'application/x-subrip',
    containsText: true,
    write: toSrt,
  },
  vtt: { kind: 'text', extension: 'vtt', mediaType: 'text/vtt', containsText: true, write: toVtt },
  docx: {
    kind: 'binary',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    containsText: true,
    write: toDocx,
  },
  'fhir-json': {
    kind: 'text',
    extension: 'fhir.json',
    mediaType: 'application/fhir+json',
    containsText: true,
    write: toFhirJson,
  },
  'fhir-xml': {
    kind: 'text',
    extension: 'fhir.xml',
    mediaType: 'application/fhir+xml',
    containsText: true,
    write: toFhirXml,
  },
  txt: { kind: 'text', extension: 'txt', mediaType: 'text/plain', containsText: true, write: toText },
  md: { kind: 'text', extension: 'md', mediaType: 'text/markdown', containsText: true, write: toMarkdown },
  json: {
    kind: 'text',
    // Not plain `.json`: the output must never land on (or be mistaken for) the Transcribe input.
    extension: 'scribekit.json',
    mediaType: 'application/json',
    containsText: true,
    write: toJson,
  },
} as const satisfies Record<string, Exporter<ExportOptions>>);

export type Format = keyof typeof exporters;

export const formats: readonly Format[] = Object.freeze(Object.keys(exporters) as Format[]);

/** The exporter for a format name; throws UnknownFormatError listing the valid names. */
export function getExporter(name: string): Exporter<ExportOptions> {
  if (Object.hasOwn(exporters, name)) return exporters[name as Format];
  throw new UnknownFormatError(name, formats);
}
