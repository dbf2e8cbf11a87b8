// Exporter options as command-line flags and config-file keys. Flags override the config file.
// Values are only shape-checked here; ranges and combinations are checked by the exporters themselves
// (convert renders an empty transcript once before the batch, so a bad option fails fast with exit 2).
import type { ExportOptions } from '@scribekit/exporters';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../exit-codes.js';

const integer = (value: string) => {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('expected an integer');
  return n;
};
const number = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
};
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The FHIR note kinds (`NOTE_TYPES` of the exporters, listed here so `--help` does not load them). */
export const NOTE_TYPE_NAMES = [
  'progress',
  'consult',
  'history-and-physical',
  'discharge-summary',
  'procedure',
  'note',
] as const;

/** Adds every exporter flag to a command (convert; the AWS `fetch` command reuses it). */
export function addExportOptions(cmd: Command): Command {
  return cmd
    .option('--speaker <id=name>', 'display name of a speaker, e.g. spk_0="Dr. Rivera" (repeatable)', collect)
    .option('--channel <id=name>', 'display name of a channel, e.g. ch_1=Patient (repeatable)', collect)
    .option('--redact-phi', 'replace PHI words with placeholders such as [NAME] in every output')
    .addOption(new Option('--preset <name>', 'caption rule set').choices(['netflix', 'bbc', 'dcmp']))
    .option('--max-line-chars <n>', 'caption characters per line', integer)
    .option('--max-lines <n>', 'caption lines per cue (1-3)', integer)
    .option('--max-cps <n>', 'caption reading speed limit, characters per second', number)
    .option('--min-duration <ms>', 'shortest caption cue', integer)
    .option('--max-duration <ms>', 'longest caption cue', integer)
    .addOption(
      new Option('--speaker-labels <style>', 'caption speaker label at speaker changes').choices([
        'colon',
        'brackets',
        'none',
      ]),
    )
    .option(
      '--low-confidence <0-1>',
      'DOCX: shade words with a confidence below this (0 turns it off)',
      number,
    )
    .option('--no-timestamps', 'txt/md: leave out the times of each paragraph')
    .option('--subject <ref>', 'FHIR: the patient, e.g. Patient/123 (required for fhir-json/fhir-xml)')
    .option('--author <ref>', 'FHIR: the authoring clinician, e.g. Practitioner/7 (repeatable)', collect)
    .option('--encounter <ref>', 'FHIR: the encounter, e.g. Encounter/42')
    .option('--verifier <ref>', 'FHIR: the clinician who reviewed the note')
    .addOption(
      new Option('--note-type <type>', 'FHIR: note kind (LOINC type; default progress)').choices(
        NOTE_TYPE_NAMES,
      ),
    )
    .addOption(
      new Option('--fhir-output <kind>', 'FHIR: what to write').choices([
        'document-reference',
        'document-bundle',
        'transaction-bundle',
      ]),
    )
    .addOption(new Option('--doc-status <status>', 'FHIR: note status').choices(['preliminary', 'final']))
    .addOption(
      new Option('--ids <mode>', 'FHIR: random ids, or deterministic ones from the content').choices([
        'random',
        'deterministic',
      ]),
    )
    .option('--date <instant>', 'FHIR/DOCX: document date, e.g. 2024-05-01T14:35:00Z (default now)')
    .option('--title <text>', 'DOCX/FHIR: document title')
    .addOption(new Option('--paper <size>', 'DOCX: paper size').choices(['a4', 'letter']));
}

/** The raw flag values commander gives for the options `addExportOptions` adds. */
export interface ExportFlags {
  readonly speaker?: readonly string[] | undefined;
  readonly channel?: readonly string[] | undefined;
  readonly redactPhi?: boolean | undefined;
  readonly preset?: string | undefined;
  readonly maxLineChars?: number | undefined;
  readonly maxLines?: number | undefined;
  readonly maxCps?: number | undefined;
  readonly minDuration?: number | undefined;
  readonly maxDuration?: number | undefined;
  readonly speakerLabels?: string | undefined;
  readonly lowConfidence?: number | undefined;
  readonly timestamps?: boolean | undefined;
  readonly subject?: string | undefined;
  readonly author?: readonly string[] | undefined;
  readonly encounter?: string | undefined;
  readonly verifier?: string | undefined;
  readonly noteType?: string | undefined;
  readonly fhirOutput?: string | undefined;
  readonly docStatus?: string | undefined;
  readonly ids?: string | undefined;
  readonly date?: string | undefined;
  readonly title?: string | undefined;
  readonly paper?: string | undefined;
}

/** Config-file keys that are exporter options, with the type each must have. */
export const CONFIG_EXPORT_KEYS = {
  speakerNames: 'names',
  redact: 'boolean',
  preset: 'string',
  maxLineChars: 'number',
  maxLines: 'number',
  targetCps: 'number',
  maxCps: 'number',
  minDurationMs: 'number',
  maxDurationMs: 'number',
  minGapMs: 'number',
  speakerLabels: 'string',
  channelAsSpeaker: 'boolean',
  srtIndexBase: 'number',
  vttCueIds: 'boolean',
  lowConfidenceThreshold: 'number',
  highlightPhi: 'boolean',
  comments: 'boolean',
  summary: 'boolean',
  paper: 'string',
  timestamps: 'boolean',
  subject: 'reference',
  author: 'references',
  encounter: 'reference',
  verifier: 'reference',
  require: 'strings',
  noteType: 'string',
  output: 'string',
  docStatus: 'string',
  ids: 'string',
  confidentiality: 'string',
  turns: 'boolean',
  date: 'string',
  title: 'string',
} as const;

/** `spk_0=Dr. Rivera` → [`spk_0`, `Dr. Rivera`]; a bare number gets the prefix (`0=…` → `spk_0`). */
/** Display names from repeated `--speaker id=name` / `--channel id=name` flags, over `base` (the config's). */
export function speakerNamesFrom(
  flags: {
    readonly speaker?: readonly string[] | undefined;
    readonly channel?: readonly string[] | undefined;
  },
  base: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const names: Record<string, string> = { ...base };
  for (const v of flags.speaker ?? []) {
    const [id, name] = parseNameMapping('--speaker', v, 'spk_');
    names[id] = name;
  }
  for (const v of flags.channel ?? []) {
    const [id, name] = parseNameMapping('--channel', v, 'ch_');
    names[id] = name;
  }
  return names;
}

export function parseNameMapping(flag: string, value: string, prefix: 'spk_' | 'ch_'): [string, string] {
  const eq = value.indexOf('=');
  const id = eq > 0 ? value.slice(0, eq).trim() : '';
  const name =
    eq > 0
      ? value
          .slice(eq + 1)
          .trim()
          .replace(/^(["'])(.*)\1$/, '$2')
      : '';
  if (id === '' || name === '') throw new UsageError(`${flag} expects id=name, e.g. ${prefix}0="Dr. Rivera"`);
  return [/^\d+$/.test(id) ? `${prefix}${id}` : id, name];
}

/**
 * Exporter options from the flags, on top of the config file's (`config` is the parsed config object; only
 * exporter keys are read from it). Throws UsageError (exit 2) for a config value of the wrong type.
 */
export function exportOptionsFrom(
  flags: ExportFlags,
  config: Readonly<Record<string, unknown>> = {},
): ExportOptions {
  const options: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(CONFIG_EXPORT_KEYS)) {
    const value = config[key];
    if (value === undefined) continue;
    checkConfigValue(key, kind, value);
    options[key] = value;
  }
  const names = speakerNamesFrom(flags, options.speakerNames as Record<string, string> | undefined);
  if (Object.keys(names).length > 0) options.speakerNames = names;
  const set = (key: string, value: unknown) => {
    if (value !== undefined) options[key] = value;
  };
  if (flags.redactPhi) options.redact = true;
  set('preset', flags.preset);
  set('maxLineChars', flags.maxLineChars);
  set('maxLines', flags.maxLines);
  set('maxCps', flags.maxCps);
  set('minDurationMs', flags.minDuration);
  set('maxDurationMs', flags.maxDuration);
  set('speakerLabels', flags.speakerLabels);
  set('lowConfidenceThreshold', flags.lowConfidence);
  if (flags.timestamps === false) options.timestamps = false;
  set('subject', flags.subject);
  if (flags.author && flags.author.length > 0)
    options.author = flags.author.length === 1 ? flags.author[0] : [...flags.author];
  set('encounter', flags.encounter);
  set('verifier', flags.verifier);
  set('noteType', flags.noteType);
  set('output', flags.fhirOutput);
  set('docStatus', flags.docStatus);
  set('ids', flags.ids);
  set('date', flags.date);
  set('title', flags.title);
  set('paper', flags.paper);
  return options as ExportOptions;
}

function checkConfigValue(key: string, kind: string, value: unknown): void {
  const isRef = (v: unknown) =>
    typeof v === 'string' ||
    (typeof v === 'object' && v !== null && typeof (v as { reference?: unknown }).reference === 'string');
  const ok =
    kind === 'names'
      ? typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === 'string')
      : kind === 'reference'
        ? isRef(value)
        : kind === 'references'
          ? isRef(value) || (Array.isArray(value) && value.every(isRef))
          : kind === 'strings'
            ? Array.isArray(value) && value.every((v) => typeof v === 'string')
            : typeof value === kind;
  if (!ok) {
    const expected = {
      names: 'an object of id → name strings',
      reference: 'a reference string such as `Patient/123`',
      references: 'a reference string or a list of them',
      strings: 'a list of strings',
    }[kind as 'names'];
    throw new UsageError(`Invalid config key \`${key}\`: expected ${expected ?? `a ${kind}`}`);
  }
}
