// Everything one FHIR export shares: the (redacted) transcript, resolved options, the text, ids and labels.
import { ExportError, invalidOption, type Transcript } from '@scribekit/core';
import { redactionSummary } from '../common.js';
import { reportText } from '../layout/report.js';
import type { DocumentLayout } from '../layout/types.js';
import type { RenderContext } from '../render/context.js';
import { AIAST, confidentialityCoding, NOTE_TYPES, REDACTED } from './codes.js';
import { type IdFactory, idFactory, sha1Hex, uuidV5 } from './ids.js';
import { type FhirOptions, formatInstant, type ResolvedFhirOptions } from './options.js';
import { plainText, type TurnLine, turnLines } from './transcript-text.js';
import type { Coding, Identifier, Period } from './types.js';

export interface FhirContext {
  readonly t: Transcript;
  readonly o: ResolvedFhirOptions;
  readonly options: FhirOptions;
  readonly lines: readonly TurnLine[];
  /** The shared document layout (a dictation's sections, paragraphs and items). */
  readonly layout: DocumentLayout;
  /** The transcript as `Name: text` lines, or a dictation's formatted report (headings, paragraphs, items). */
  readonly text: string;
  readonly redacted: boolean;
  readonly ids: IdFactory;
  /** The AI system that produced the transcript (for the Device and the narrative). */
  readonly source: { readonly name: string; readonly slug: string };
  readonly security: readonly Coding[];
  readonly period: Period | null;
  /** When the transcript was produced (job completion), or the document date. */
  readonly creation: string;
  readonly noteDisplay: string;
  readonly title: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function sourceOf(t: Transcript): FhirContext['source'] {
  const m = t.metadata;
  if (m.source === 'healthscribe') return { name: 'AWS HealthScribe', slug: 'aws-healthscribe' };
  if (m.source === 'medical-streaming' || m.specialty !== undefined || m.type !== undefined) {
    return { name: 'Amazon Transcribe Medical', slug: 'amazon-transcribe-medical' };
  }
  return { name: 'Amazon Transcribe', slug: 'amazon-transcribe' };
}

export function fhirContext(ctx: RenderContext): FhirContext {
  return ctx.once('fhir:context', () => makeFhirContext(ctx));
}

function makeFhirContext(ctx: RenderContext): FhirContext {
  const { t, options } = ctx;
  const o = ctx.fhirOptions();
  const lines = turnLines(t, options);
  const layout = ctx.layout();
  const text = layout.structured ? reportText(t, layout) : plainText(lines);
  if (text === '') throw new ExportError('The transcript has no words: a FHIR document needs text to carry');
  const redacted = t.redaction !== undefined || t.metadata.serviceRedacted === true;
  const seed = sha1Hex(
    JSON.stringify([
      t.metadata.jobName,
      text,
      o.output,
      o.noteType,
      o.docStatus,
      o.date,
      redacted,
      o.subject.reference,
    ]),
  );
  const security: Coding[] = [AIAST];
  if (redacted) security.push(REDACTED);
  if (o.confidentiality !== null) security.push(confidentialityCoding(o.confidentiality));
  const audioEnd = o.audioStart === null ? null : new Date(Date.parse(o.audioStart) + t.durationMs);
  if (audioEnd !== null && !(audioEnd.getUTCFullYear() <= 9999)) {
    throw invalidOption(
      'audioStart',
      'must leave the recording’s end (start + duration) before the year 10000',
    );
  }
  const period =
    o.audioStart === null || audioEnd === null ? null : { start: o.audioStart, end: formatInstant(audioEnd) };
  const completed = t.metadata.completedAt;
  const noteDisplay = NOTE_TYPES[o.noteType].display;
  return {
    t,
    o,
    options: options ?? {},
    lines,
    layout,
    text,
    redacted,
    ids: idFactory(o.ids, seed),
    source: sourceOf(t),
    security,
    period,
    creation: completed !== undefined && DATE_TIME.test(completed) ? completed : o.date,
    noteDisplay,
    title: o.title ?? `${noteDisplay} (AI draft)`,
  };
}

/**
 * A stable business identifier for the document (for conditional create, `ifNoneExist`): derived from
 * the job name (or the text when there is none), the kind of resource, the note type and redaction.
 */
export function businessIdentifier(c: FhirContext, kind: string): Identifier {
  const job = c.t.metadata.jobName ?? `sha1:${sha1Hex(c.text)}`;
  return {
    system: 'urn:ietf:rfc:3986',
    value: `urn:uuid:${uuidV5(`${job}\n${kind}\n${c.o.noteType}\n${c.redacted}`)}`,
  };
}

/** Facts for resource-level narratives: never transcript words, only kinds, counts and times. */
export function documentFacts(c: FhirContext): string[] {
  const m = c.t.metadata;
  const words = c.t.tokens.filter((k) => k.kind === 'word').length;
  const voices = c.t.speakers.length > 0 ? c.t.speakers.length : c.t.channels.length;
  const facts = [
    `Status: ${c.o.docStatus}${c.o.docStatus === 'final' ? ' (signed)' : ' (AI-generated, not yet reviewed by a clinician)'}`,
    `Produced by ${c.source.name}${m.type ? ` (${m.type.toLowerCase()}${m.specialty ? `, ${m.specialty.toLowerCase()}` : ''})` : m.specialty ? ` (${m.specialty.toLowerCase()})` : ''}`,
    `${words} words${voices > 0 ? `, ${voices} ${c.t.speakers.length > 0 ? 'speaker' : 'channel'}${voices === 1 ? '' : 's'}` : ''}, ${(c.t.durationMs / 1000).toFixed(1)} s of audio`,
  ];
  if (c.period) facts.push(`Recorded ${c.period.start} to ${c.period.end}`);
  if (c.redacted) {
    facts.push(
      c.t.redaction
        ? `PHI redacted: ${redactionSummary(c.t.redaction)}`
        : 'PHI redacted by the transcription service',
    );
  }
  return facts;
}
