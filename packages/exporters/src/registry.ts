// Every output format by name: a frozen literal (no registration, no import-time side effects). An entry holds
// what the CLI needs before writing anything — extension, media type, whether the output carries transcript
// words, which option groups it reads and how to check them — and a loader for the writer itself, so a run
// loads only the writers it uses (`--to vtt` never loads `docx` or `fast-xml-parser`).
import { UnknownFormatError } from '@scribekit/core/errors';
import { resolveCaptionOptions } from './captions/options.js';
import { resolveDocxOptions } from './docx/options.js';
import { resolveFhirOptions } from './fhir/options.js';
import { checkHl7Options } from './hl7/check.js';
import { resolveHtmlOptions } from './html/options.js';
import { resolveLayoutOptions } from './layout/resolve.js';
import type { OptionGroup } from './options/spec.js';
import type { RenderContext } from './render/context.js';
import type { ExportOptions } from './render/export-options.js';

export type { ExportOptions } from './render/export-options.js';

/** A writer of the registry: the export's shared context → text, or bytes. */
export type TextWriter = (ctx: RenderContext) => string;
export type BinaryWriter = (ctx: RenderContext) => Promise<Uint8Array>;

interface EntryBase {
  /** File extension without the dot. */
  readonly extension: string;
  readonly mediaType: string;
  /** True when the output holds the transcript's words (so it carries PHI unless redacted). */
  readonly containsText: true;
  /** The option groups this writer reads (besides the common ones). */
  readonly groups: readonly OptionGroup[];
  /**
   * Checks the options this writer needs (and their combinations); throws OptionsError. `later` names options a
   * later step may still supply (a job's `scribekit:subject` tag): their absence is not an error yet.
   */
  readonly check: (options: ExportOptions, later: ReadonlySet<string>) => void;
}

export interface TextEntry extends EntryBase {
  readonly kind: 'text';
  readonly load: () => Promise<TextWriter>;
}

export interface BinaryEntry extends EntryBase {
  readonly kind: 'binary';
  readonly load: () => Promise<BinaryWriter>;
}

export type RegistryEntry = TextEntry | BinaryEntry;

const layout = (o: ExportOptions) => void resolveLayoutOptions(o);
const captions = (o: ExportOptions) => void resolveCaptionOptions(o);
/** Stand-ins for references a later step (a job's tags) may still give, so only what is wrong now fails. */
const LATER_REFERENCES = {
  subject: 'Patient/given-later',
  encounter: 'Encounter/given-later',
  author: 'Practitioner/given-later',
} as const;
const fhir = (o: ExportOptions, later: ReadonlySet<string>) => {
  const stand: Record<string, string> = {};
  for (const [key, ref] of Object.entries(LATER_REFERENCES))
    if (later.has(key) && o[key as keyof typeof LATER_REFERENCES] === undefined) stand[key] = ref;
  resolveFhirOptions({ ...o, ...stand });
  resolveLayoutOptions(o);
};

export const exporters = Object.freeze({
  srt: {
    kind: 'text',
    extension: 'srt',
    mediaType: 'application/x-subrip',
    containsText: true,
    groups: ['captions'],
    check: captions,
    load: async () => (await import('./srt.js')).writeSrt,
  },
  vtt: {
    kind: 'text',
    extension: 'vtt',
    mediaType: 'text/vtt',
    containsText: true,
    groups: ['captions'],
    check: captions,
    load: async () => (await import('./vtt.js')).writeVtt,
  },
  docx: {
    kind: 'binary',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    containsText: true,
    groups: ['document', 'layout', 'docx'],
    check: (o) => {
      resolveDocxOptions(o);
      resolveLayoutOptions(o);
    },
    load: async () => (await import('./docx.js')).writeDocx,
  },
  'fhir-json': {
    kind: 'text',
    extension: 'fhir.json',
    mediaType: 'application/fhir+json',
    containsText: true,
    groups: ['document', 'layout', 'fhir'],
    check: fhir,
    load: async () => (await import('./fhir/json.js')).writeFhirJson,
  },
  'fhir-xml': {
    kind: 'text',
    extension: 'fhir.xml',
    mediaType: 'application/fhir+xml',
    containsText: true,
    groups: ['document', 'layout', 'fhir'],
    check: fhir,
    load: async () => (await import('./fhir/xml.js')).writeFhirXml,
  },
  hl7: {
    kind: 'text',
    extension: 'hl7',
    // The media type HL7 v2 ER7 messages are exchanged with (no IANA registration exists).
    mediaType: 'x-application/hl7-v2+er7',
    containsText: true,
    groups: ['document', 'layout', 'fhir', 'hl7'],
    check: (o, later) => {
      // The patient may come as `patientId` instead of `subject`.
      fhir(
        o,
        (o as { patientId?: unknown }).patientId !== undefined ? new Set([...later, 'subject']) : later,
      );
      checkHl7Options(o);
    },
    load: async () => (await import('./hl7/writer.js')).writeHl7,
  },
  txt: {
    kind: 'text',
    extension: 'txt',
    mediaType: 'text/plain',
    containsText: true,
    groups: ['layout', 'text'],
    check: layout,
    load: async () => (await import('./text.js')).writeText,
  },
  md: {
    kind: 'text',
    extension: 'md',
    mediaType: 'text/markdown',
    containsText: true,
    groups: ['layout', 'text'],
    check: layout,
    load: async () => (await import('./markdown.js')).writeMarkdown,
  },
  json: {
    kind: 'text',
    // Not plain `.json`: the output must never land on (or be mistaken for) the Transcribe input.
    extension: 'scribekit.json',
    mediaType: 'application/json',
    containsText: true,
    groups: ['layout', 'json'],
    check: layout,
    load: async () => (await import('./json.js')).writeJson,
  },
  html: {
    kind: 'text',
    extension: 'html',
    mediaType: 'text/html',
    containsText: true,
    // `lowConfidenceThreshold` and `highlightPhi` are shared with DOCX.
    groups: ['document', 'layout', 'docx', 'html'],
    check: (o) => {
      resolveHtmlOptions(o);
      resolveLayoutOptions(o);
    },
    load: async () => (await import('./html.js')).writeHtml,
  },
} as const satisfies Record<string, RegistryEntry>);

export type Format = keyof typeof exporters;

export const formats: readonly Format[] = Object.freeze(Object.keys(exporters) as Format[]);

/** The registry entry of a format name; throws UnknownFormatError listing the valid names. */
export function getExporter(name: string): RegistryEntry {
  if (Object.hasOwn(exporters, name)) return exporters[name as Format];
  throw new UnknownFormatError(name, formats);
}
