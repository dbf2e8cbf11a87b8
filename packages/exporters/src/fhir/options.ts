// FHIR exporter options: the public type, defaults, and validation into a resolved form.
// Messages name options and what is expected; they never quote option values (ids may be MRNs).
import { invalidOption, OptionsError } from '@scribekit/core/errors';
import { checkType, type OptionSpec } from '../options/spec.js';
import type { CommonOptions } from '../types.js';
import { CONFIDENTIALITY_CODES, type FhirConfidentiality, type FhirNoteType, NOTE_TYPES } from './codes.js';
import type { Reference } from './types.js';

export type FhirOutput = 'document-reference' | 'document-bundle' | 'transaction-bundle';

/** A reference to a resource on the target server: `Patient/123`, an absolute URL, or `urn:uuid:…`. */
export type FhirReferenceInput =
  | string
  | { readonly reference: string; readonly display?: string | undefined };

/** The source audio: a `DocumentReference`/`Media` reference, or a URL to attach. */
export interface FhirAudioLink {
  /** `DocumentReference/<id>` (linked by `relatesTo: transforms`) or `Media/<id>` (by `context.related`). */
  readonly reference?: string | undefined;
  /** URL of the audio file, added as an extra `content` attachment. */
  readonly url?: string | undefined;
  /** Media type of `url`; guessed from its extension when omitted. */
  readonly contentType?: string | undefined;
}

export interface FhirOptions extends CommonOptions {
  /** What to write: one DocumentReference (default), a FHIR document Bundle, or a transaction Bundle. */
  readonly output?: FhirOutput | undefined;
  /** Note kind, which picks the LOINC `type`. Default `progress` (11506-3). */
  readonly noteType?: FhirNoteType | undefined;
  /** `preliminary` (default: unsigned machine output) or `final` (signed; needs `verifier`). */
  readonly docStatus?: 'preliminary' | 'final' | undefined;
  /** The patient (US Core requires it). */
  readonly subject?: FhirReferenceInput | undefined;
  /** The clinician(s) authoring the note. */
  readonly author?: FhirReferenceInput | readonly FhirReferenceInput[] | undefined;
  /** The encounter (at most one, as in US Core). */
  readonly encounter?: FhirReferenceInput | undefined;
  /** The clinician who reviewed the AI output: Provenance `verifier`; the legal attester when final. */
  readonly verifier?: FhirReferenceInput | undefined;
  /** References the target EHR needs besides `subject`; a missing one is an OptionsError. */
  readonly require?: readonly ('author' | 'encounter')[] | undefined;
  /** When the document was created: a full instant with seconds and time zone. Default: now. */
  readonly date?: string | Date | undefined;
  /** When the recording started (instant); gives `context.period` from the audio times. */
  readonly audioStart?: string | Date | undefined;
  /** Link to the source audio. */
  readonly audio?: FhirAudioLink | undefined;
  /** Add the speaker turns as a second, `application/json` attachment. Default false. */
  readonly turns?: boolean | undefined;
  /** `random` ids (default) or `deterministic` ones derived from the content (stable golden files). */
  readonly ids?: 'random' | 'deterministic' | undefined;
  /** Confidentiality code (`N`, `R`, `V`, …) for `meta.security`, `securityLabel` and the Composition. */
  readonly confidentiality?: FhirConfidentiality | undefined;
  /** Composition title (default: the note type plus "(AI draft)") and transcript attachment title (default "Transcript"). */
  readonly title?: string | undefined;
}

export interface ResolvedReference extends Reference {
  readonly reference: string;
}

export interface ResolvedFhirOptions {
  readonly output: FhirOutput;
  readonly noteType: FhirNoteType;
  readonly docStatus: 'preliminary' | 'final';
  readonly subject: ResolvedReference;
  readonly authors: readonly ResolvedReference[];
  readonly encounter: ResolvedReference | null;
  readonly verifier: ResolvedReference | null;
  readonly date: string;
  readonly audioStart: string | null;
  readonly audio: {
    readonly reference: ResolvedReference | null;
    readonly url: string | null;
    readonly contentType: string | null;
  };
  readonly turns: boolean;
  readonly ids: 'random' | 'deterministic';
  readonly confidentiality: FhirConfidentiality | null;
  readonly title: string | null;
}

const OUTPUTS: readonly FhirOutput[] = ['document-reference', 'document-bundle', 'transaction-bundle'];

const fhir = (spec: Omit<OptionSpec, 'group'>): OptionSpec => ({ ...spec, group: 'fhir' });

/** The FHIR options (`title` and `date` are shared document options, specified with them). */
export const fhirOptionSpecs: readonly OptionSpec[] = [
  fhir({
    key: 'subject',
    type: { kind: 'reference' },
    description: 'FHIR/HL7: the patient, e.g. `Patient/123` (required for FHIR)',
    flag: { name: 'subject', value: '<ref>' },
  }),
  fhir({
    key: 'author',
    type: { kind: 'references' },
    description: 'FHIR/HL7: the authoring clinician(s), e.g. `Practitioner/7`',
    flag: { name: 'author', value: '<ref>', repeatable: true },
  }),
  fhir({
    key: 'encounter',
    type: { kind: 'reference' },
    description: 'FHIR/HL7: the encounter, e.g. `Encounter/42`',
    flag: { name: 'encounter', value: '<ref>' },
  }),
  fhir({
    key: 'verifier',
    type: { kind: 'reference' },
    description: 'FHIR/HL7: the clinician who reviewed the note (needed with `docStatus: final`)',
    flag: { name: 'verifier', value: '<ref>' },
  }),
  fhir({
    key: 'require',
    type: { kind: 'enums', values: ['author', 'encounter'] },
    description: 'FHIR: references the target EHR needs besides `subject`',
    default: 'none',
  }),
  fhir({
    key: 'noteType',
    type: { kind: 'enum', values: Object.keys(NOTE_TYPES) },
    description: 'FHIR/HL7: the note kind (LOINC type; HL7 table 0270)',
    default: 'progress',
    flag: { name: 'note-type', value: '<type>' },
  }),
  fhir({
    key: 'output',
    type: { kind: 'enum', values: OUTPUTS },
    description: 'FHIR: what to write',
    default: 'document-reference',
    flag: { name: 'fhir-output', value: '<kind>' },
  }),
  fhir({
    key: 'docStatus',
    type: { kind: 'enum', values: ['preliminary', 'final'] },
    description: 'FHIR/HL7: the note status (`final` needs `verifier`)',
    default: 'preliminary',
    flag: { name: 'doc-status', value: '<status>' },
  }),
  fhir({
    key: 'ids',
    type: { kind: 'enum', values: ['random', 'deterministic'] },
    description: 'FHIR: random ids, or deterministic ones derived from the content',
    default: 'random',
    flag: { name: 'ids', value: '<mode>' },
  }),
  fhir({
    key: 'audioStart',
    type: { kind: 'instant' },
    description: 'FHIR: when the recording started (gives `context.period`)',
    default: 'none',
  }),
  fhir({
    key: 'audio',
    type: { kind: 'object', describe: '`{ "reference"?: "Media/<id>", "url"?: URL, "contentType"?: type }`' },
    description: 'FHIR: a link to the source audio',
    default: 'none',
  }),
  fhir({
    key: 'turns',
    type: { kind: 'boolean' },
    description: 'FHIR: add the speaker turns as a JSON attachment',
    default: 'false',
  }),
  fhir({
    key: 'confidentiality',
    type: { kind: 'enum', values: Object.keys(CONFIDENTIALITY_CODES) },
    description: 'FHIR: confidentiality code for `meta.security` and `securityLabel`',
    default: 'none',
  }),
];
const ID = '[A-Za-z0-9\\-.]{1,64}';
const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** instant: full date-time with seconds and a time zone. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

const TARGETS = {
  subject: ['Patient', 'Group', 'Practitioner', 'Device'],
  author: ['Practitioner', 'PractitionerRole', 'Organization', 'Device', 'Patient', 'RelatedPerson'],
  encounter: ['Encounter'],
  verifier: ['Practitioner', 'PractitionerRole', 'Organization', 'Patient', 'RelatedPerson'],
  audio: ['DocumentReference', 'Media'],
} as const;

type Role = keyof typeof TARGETS;

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

function oneOf<T extends string>(name: string, value: unknown, valid: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (valid as readonly string[]).includes(value)) return value as T;
  throw new OptionsError(`{${name}} must be one of ${list(valid)}`, { option: name });
}

/** The resource type a reference points at, or null for `urn:uuid:` references. */
export function referenceType(reference: string): string | null {
  if (UUID.test(reference)) return null;
  const m = new RegExp(`^(?:https?://[^\\s]+/)?([A-Z][A-Za-z]+)/${ID}(?:/_history/${ID})?$`).exec(reference);
  return m ? m[1]! : '';
}

function resolveReference(role: Role, name: string, value: FhirReferenceInput): ResolvedReference {
  const input = typeof value === 'string' ? { reference: value } : value;
  if (typeof input !== 'object' || input === null || typeof input.reference !== 'string') {
    throw new OptionsError(`{${name}} must be a reference string or \`{ reference, display? }\``, {
      option: name,
    });
  }
  const type = referenceType(input.reference);
  const targets: readonly string[] = TARGETS[role];
  if (type === '') {
    throw new OptionsError(
      `{${name}} must be a reference such as \`${targets[0]}/<id>\`, an absolute URL ending in \`${targets[0]}/<id>\`, or \`urn:uuid:<uuid>\``,
      { option: name },
    );
  }
  if (type !== null && !targets.includes(type)) {
    throw new OptionsError(`{${name}} must refer to ${list(targets)}, not to ${type}`, { option: name });
  }
  const display = 'display' in input ? input.display : undefined;
  if (display !== undefined && !isFhirString(display)) {
    throw new OptionsError(`{${name}.display} must be a non-empty string without control characters`, {
      option: name,
    });
  }
  return display === undefined ? { reference: input.reference } : { reference: input.reference, display };
}

/** A FHIR string: not blank, no control characters other than tab, CR and LF. */
function isFhirString(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim() !== '' &&
    !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)
  );
}

/** Formats a Date as an instant (UTC, milliseconds only when not zero). */
export function formatInstant(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

function resolveInstant(name: string, value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new OptionsError(`{${name}} must be a valid Date`, { option: name });
    return formatInstant(value);
  }
  const m = typeof value === 'string' ? INSTANT.exec(value) : null;
  const valid =
    m !== null &&
    Number(m[2]) >= 1 &&
    Number(m[2]) <= 12 &&
    Number(m[3]) >= 1 &&
    Number(m[3]) <= daysIn(Number(m[1]), Number(m[2])) &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6]) <= 59 &&
    (m[9] === undefined || (Number(m[9]) <= 14 && Number(m[10]) <= 59));
  if (!valid) {
    throw new OptionsError(
      `{${name}} must be an instant with seconds and a time zone, such as \`2024-05-01T14:35:00Z\``,
      { option: name },
    );
  }
  if (!Number.isFinite(Date.parse(value as string))) {
    throw new OptionsError(`{${name}} must be a real instant`, { option: name });
  }
  return value as string;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const AUDIO_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
  amr: 'audio/amr',
};

function resolveAudio(audio: FhirAudioLink | undefined): ResolvedFhirOptions['audio'] {
  if (audio === undefined) return { reference: null, url: null, contentType: null };
  if (typeof audio !== 'object' || audio === null) {
    throw invalidOption('audio', 'must be `{ reference?, url?, contentType? }`');
  }
  const reference =
    audio.reference === undefined ? null : resolveReference('audio', 'audio.reference', audio.reference);
  let url: string | null = null;
  let contentType: string | null = null;
  if (audio.url !== undefined) {
    if (typeof audio.url !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(audio.url)) {
      throw new OptionsError('{audio.url} must be an absolute URL such as `s3://bucket/visit.wav`', {
        option: 'audio',
      });
    }
    url = audio.url;
    const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(audio.url)?.[1]?.toLowerCase();
    contentType = audio.contentType ?? (ext ? (AUDIO_TYPES[ext] ?? null) : null);
    if (contentType === null) {
      throw new OptionsError(
        `Cannot tell the media type of {audio.url}: give {audio.contentType} (known extensions: ${list(Object.keys(AUDIO_TYPES))})`,
        { option: 'audio' },
      );
    }
    if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(contentType)) {
      throw new OptionsError('{audio.contentType} must be a media type such as `audio/wav`', {
        option: 'audio',
      });
    }
  } else if (audio.contentType !== undefined) {
    throw new OptionsError('{audio.contentType} needs {audio.url}', { option: 'audio' });
  }
  if (reference === null && url === null) {
    throw new OptionsError('{audio} needs `reference` (DocumentReference or Media) or `url`', {
      option: 'audio',
    });
  }
  return { reference, url, contentType };
}

/** Validates the options and fills in defaults. `now` is used when `date` is not given. */
export function resolveFhirOptions(
  options: FhirOptions | undefined,
  now: () => Date = () => new Date(),
): ResolvedFhirOptions {
  const o = options ?? {};
  for (const spec of fhirOptionSpecs) checkType(spec, (o as Record<string, unknown>)[spec.key]);
  const output = oneOf('output', o.output, OUTPUTS, 'document-reference');
  const noteType = oneOf('noteType', o.noteType, Object.keys(NOTE_TYPES) as FhirNoteType[], 'progress');
  const docStatus = oneOf('docStatus', o.docStatus, ['preliminary', 'final'], 'preliminary');
  const ids = oneOf('ids', o.ids, ['random', 'deterministic'], 'random');
  const confidentiality =
    o.confidentiality === undefined
      ? null
      : oneOf(
          'confidentiality',
          o.confidentiality,
          Object.keys(CONFIDENTIALITY_CODES) as FhirConfidentiality[],
          'N',
        );

  if (o.subject === undefined) {
    throw new OptionsError(
      'A US Core DocumentReference needs the patient: give {subject}, e.g. `Patient/<id>`',
      { option: 'subject' },
    );
  }
  const subject = resolveReference('subject', 'subject', o.subject);
  const authorInputs =
    o.author === undefined ? [] : Array.isArray(o.author) ? o.author : [o.author as FhirReferenceInput];
  const authors = authorInputs.map((a, i) => resolveReference('author', `author[${i}]`, a));
  const encounter =
    o.encounter === undefined ? null : resolveReference('encounter', 'encounter', o.encounter);
  const verifier = o.verifier === undefined ? null : resolveReference('verifier', 'verifier', o.verifier);

  const required = o.require ?? [];
  if (!Array.isArray(required)) throw invalidOption('require', 'must be a list of `author`, `encounter`');
  for (const r of required) {
    if (r !== 'author' && r !== 'encounter') {
      throw invalidOption('require', 'must be a list of `author`, `encounter`');
    }
    if (r === 'author' && authors.length === 0) {
      throw new OptionsError('The target EHR needs an author: give {author}, e.g. `Practitioner/<id>`', {
        option: 'author',
      });
    }
    if (r === 'encounter' && encounter === null) {
      throw new OptionsError('The target EHR needs an encounter: give {encounter}, e.g. `Encounter/<id>`', {
        option: 'encounter',
      });
    }
  }
  if (docStatus === 'final' && verifier === null) {
    throw new OptionsError(
      '{docStatus} `final` marks the note as signed: give the signing clinician as {verifier}, e.g. `Practitioner/<id>`',
      { option: 'verifier' },
    );
  }
  if (o.title !== undefined && !isFhirString(o.title)) {
    throw invalidOption('title', 'must be a non-empty string without control characters');
  }
  if (o.turns !== undefined && typeof o.turns !== 'boolean') {
    throw invalidOption('turns', 'must be true or false');
  }

  return {
    output,
    noteType,
    docStatus,
    subject,
    authors,
    encounter,
    verifier,
    date: o.date === undefined ? formatInstant(now()) : resolveInstant('date', o.date),
    audioStart: o.audioStart === undefined ? null : resolveInstant('audioStart', o.audioStart),
    audio: resolveAudio(o.audio),
    turns: o.turns ?? false,
    ids,
    confidentiality,
    title: o.title?.trim() ?? null,
  };
}
