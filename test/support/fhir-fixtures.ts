// Inputs for the FHIR tests: the synthetic fixtures and examples, plus a synthetic HealthScribe transcript
// built through core's buildTranscript (PHI-free, invented names).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTranscript, type DraftToken, parseTranscript, type Transcript } from '@scribekit/core';
import type { FhirOptions } from '@scribekit/exporters';
import { redactableTranscript } from './phi.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Fixtures (and examples) that parse into a transcript with words. */
export const fhirInputs = [
  'test/fixtures/transcribe/medical-dictation.json',
  'test/fixtures/transcribe/medical-conversation-phi.json',
  'test/fixtures/transcribe/two-channel.json',
  'test/fixtures/transcribe/pii-redacted.json',
  'test/fixtures/transcribe/show-alternatives.json',
  'test/fixtures/transcribe/speaker-label-gaps.json',
  'examples/dictation.json',
  'examples/conversation.json',
] as const;

export function loadInput(file: string): Transcript {
  return parseTranscript(readFileSync(`${repoRoot}${file}`), { file });
}

/** The input with PHI entities planted over its words when it has none (see support/phi.ts), for redaction. */
export function loadRedactableInput(file: string): Transcript {
  const t = loadInput(file);
  return t.entities.length > 0 || t.tokens.some((k) => k.serviceRedaction)
    ? t
    : redactableTranscript(readFileSync(`${repoRoot}${file}`), file);
}

/** Options that make output stable: fixed date, deterministic ids. */
export const stableOptions = {
  subject: { reference: 'Patient/example-1', display: 'Example Patient' },
  author: 'Practitioner/example-2',
  encounter: 'Encounter/example-3',
  date: '2024-05-01T14:35:00Z',
  audioStart: '2024-05-01T14:00:00Z',
  ids: 'deterministic',
} as const satisfies FhirOptions;

/** Tokens of one segment: words split on spaces, a trailing `.`/`?`/`,` as punctuation. */
function segmentTokens(
  segmentId: string,
  speaker: string,
  section: string,
  text: string,
  startMs: number,
): DraftToken[] {
  const tokens: DraftToken[] = [];
  let at = startMs;
  for (const raw of text.split(' ')) {
    const m = /^(.*?)([.?,]?)$/.exec(raw)!;
    tokens.push({
      kind: 'word',
      text: m[1]!,
      startMs: at,
      endMs: at + 300,
      confidence: 0.95,
      speaker,
      channel: null,
      segmentId,
      section,
    });
    at += 350;
    if (m[2]) {
      tokens.push({
        kind: 'punctuation',
        text: m[2],
        startMs: null,
        endMs: null,
        confidence: null,
        speaker,
        channel: null,
        segmentId,
        section,
      });
    }
  }
  return tokens;
}

/** A synthetic HealthScribe visit with a summary, one PHI name, and an empty and an unmapped section. */
export function syntheticHealthScribe(): Transcript {
  const segments = [
    ['seg-1', 'CLINICIAN_0', 'SUBJECTIVE', 'Good morning Zorblax, what brings you in today?', 0],
    ['seg-2', 'PATIENT_0', 'SUBJECTIVE', 'I have had a dry cough for two weeks.', 4000],
    ['seg-3', 'CLINICIAN_0', 'OBJECTIVE', 'Your lungs sound clear & your temperature is normal.', 8000],
    [
      'seg-4',
      'CLINICIAN_0',
      'ASSESSMENT_AND_PLAN',
      'This looks like a <viral> cough, so rest and fluids.',
      12000,
    ],
  ] as const;
  const tokens = segments.flatMap(([id, speaker, section, text, start]) =>
    segmentTokens(id, speaker, section, text, start),
  );
  const zorblax = tokens.findIndex((t) => t.text === 'Zorblax');
  return buildTranscript({
    metadata: {
      source: 'healthscribe',
      jobName: 'example-healthscribe-0008',
      accountId: null,
      status: 'COMPLETED',
      languageCode: 'en-US',
      serviceRedacted: null,
      completedAt: '2024-05-01T14:34:10Z',
    },
    tokens,
    speakers: [
      { id: 'CLINICIAN_0', label: 'Clinician', role: 'CLINICIAN' },
      { id: 'PATIENT_0', label: 'Patient', role: 'PATIENT' },
    ],
    entities: [
      {
        category: 'PHI',
        type: 'NAME',
        text: 'Zorblax',
        startMs: tokens[zorblax]!.startMs!,
        endMs: tokens[zorblax]!.endMs!,
        confidence: 0.99,
      },
    ],
    summary: {
      sections: [
        {
          name: 'CHIEF_COMPLAINT',
          bullets: [
            {
              text: 'Zorblax reports a dry cough for two weeks.',
              turnIds: ['seg-2'],
              evidenceIds: ['seg-2'],
            },
          ],
        },
        {
          name: 'HISTORY_OF_PRESENT_ILLNESS',
          bullets: [
            { text: 'Cough is dry, worse at night; no fever.', turnIds: ['seg-2'], evidenceIds: ['seg-2'] },
          ],
        },
        { name: 'REVIEW_OF_SYSTEMS', bullets: [] },
        {
          name: 'PHYSICAL_EXAMINATION',
          bullets: [
            { text: 'Lungs clear & temperature < 38 °C.', turnIds: ['seg-3'], evidenceIds: ['seg-3'] },
          ],
        },
        {
          name: 'ASSESSMENT_AND_PLAN',
          bullets: [
            { text: 'Likely viral cough.', turnIds: ['seg-4'], evidenceIds: ['seg-4'] },
            {
              text: 'Rest and fluids; return if fever.',
              turnIds: ['seg-4'],
              evidenceIds: ['seg-4', 'seg-9'],
            },
          ],
        },
        { name: 'PLAN', bullets: [{ text: 'Follow up in one week.', turnIds: [], evidenceIds: [] }] },
      ],
    },
  });
}
