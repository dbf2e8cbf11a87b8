import { readFileSync } from 'node:fs';
import { parseJobDescription, parseTranscript } from '@scribekit/core';
import { describe, expect, it } from 'vitest';

const jobMetadata = (job: unknown) => parseJobDescription(job).metadata;
const fhirReferencesFromTags = (job: unknown) => parseJobDescription(job).references;

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/transcribe/${name}`, import.meta.url));

describe('parseJobDescription', () => {
  it('reads the JSON job description', () => {
    const job = JSON.parse(fixture('job-description-completed.json').toString()).MedicalTranscriptionJob;
    expect(jobMetadata(job)).toEqual({
      jobName: 'example-dictation-0001',
      status: 'COMPLETED',
      languageCode: 'en-US',
      specialty: 'PRIMARYCARE',
      type: 'DICTATION',
      mediaUri: 's3://example-bucket/audio/example-dictation-0001.wav',
      transcriptUri: 'https://s3.us-east-1.amazonaws.com/example-bucket/medical/example-dictation-0001.json',
      createdAt: '2026-03-02T15:04:05.000Z',
    });
  });

  it('reads the SDK shape (Dates, settings, content identification)', () => {
    expect(
      jobMetadata({
        MedicalTranscriptionJobName: 'j',
        TranscriptionJobStatus: 'COMPLETED',
        StartTime: new Date('2026-01-01T00:00:00Z'),
        CompletionTime: 1_767_225_660,
        Type: 'CONVERSATION',
        ContentIdentificationType: 'PHI',
        Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2, VocabularyName: 'cardio' },
      }),
    ).toEqual({
      jobName: 'j',
      status: 'COMPLETED',
      type: 'CONVERSATION',
      startedAt: '2026-01-01T00:00:00.000Z',
      completedAt: '2026-01-01T00:01:00.000Z',
      phiIdentified: true,
      settings: {
        showSpeakerLabels: true,
        maxSpeakerLabels: 2,
        vocabularyName: 'cardio',
        contentIdentificationType: 'PHI',
      },
    });
    expect(jobMetadata(null)).toEqual({});
  });

  it('flows into the parsed transcript', () => {
    const job = JSON.parse(fixture('job-description-completed.json').toString()).MedicalTranscriptionJob;
    const t = parseTranscript(fixture('medical-dictation.json'), { job: jobMetadata(job) });
    expect(t.metadata).toMatchObject({
      specialty: 'PRIMARYCARE',
      type: 'DICTATION',
      createdAt: '2026-03-02T15:04:05.000Z',
    });
  });

  it('takes FHIR references from scribekit:* tags', () => {
    expect(
      fhirReferencesFromTags({
        Tags: [
          { Key: 'scribekit:subject', Value: 'Patient/123' },
          { Key: 'scribekit:encounter', Value: 'Encounter/9' },
          { Key: 'other', Value: 'x' },
        ],
      }),
    ).toEqual({ subject: 'Patient/123', encounter: 'Encounter/9' });
    expect(fhirReferencesFromTags({})).toEqual({});
  });
});
