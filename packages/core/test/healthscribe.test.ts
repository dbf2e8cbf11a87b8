import {
  analyze,
  isTranscriptError,
  OptionsError,
  parseTranscript,
  type Transcript,
  TranscriptParseError,
  transcriptText,
  UnsupportedFormatError,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { loadManifest, readCorpus, readFixture } from '../../../test/support/corpus.js';

const DOC = 'doc-examples/awsdocs-healthscribe-transcript.json';
const SUMMARY = 'real/healthscribe-summary.json';
const manifest = loadManifest();
const entry = (file: string) => manifest.find((e) => e.file === file)!;

const docJson = () =>
  JSON.parse(readCorpus(DOC).toString('utf8')) as { Conversation: Record<string, unknown> };

describe('HealthScribe transcript: the AWS documentation example', () => {
  const t = parseTranscript(readCorpus(DOC), { file: DOC });
  const e = entry(DOC);

  it('matches the manifest (duration, speakers, channels, language, segments)', () => {
    expect(t.metadata.source).toBe('healthscribe');
    expect(t.metadata.jobName).toBe('sampleJobName');
    expect(t.metadata.languageCode).toBe(e.language);
    expect(t.durationMs).toBe(Math.round(e.durationSeconds! * 1000));
    expect(t.speakers.map((s) => s.id)).toEqual(e.participantRoles);
    expect(t.speakers).toEqual([{ id: 'CLINICIAN_0', label: 'Clinician', role: 'CLINICIAN' }]);
    expect(t.channels).toHaveLength(e.channels!);
    expect(t.turns).toHaveLength(e.segments!);
  });

  it('takes tokens from the items, in segment turns with their sections', () => {
    // The first 9 tokens are the file's 9 TranscriptItems.
    expect(t.tokens.slice(0, e.items!).map((k) => k.text)).toEqual([
      'Okay',
      '.',
      'Good',
      'afternoon',
      '.',
      'You',
      'lost',
      'one',
      'lb',
    ]);
    expect(t.tokens[0]).toMatchObject({
      startMs: 160,
      endMs: 600,
      confidence: 0.7925,
      speaker: 'CLINICIAN_0',
      timed: true,
    });
    // Punctuation times (0.17–0.9 and 0–0) are ignored: punctuation sits at the end of its word.
    expect(t.tokens[1]).toMatchObject({ kind: 'punctuation', startMs: 600, endMs: 600, confidence: null });
    expect(t.tokens[4]).toMatchObject({ kind: 'punctuation', startMs: 1540 });
    expect(t.turns.map((u) => [u.id, u.section, u.speaker])).toEqual([
      ['uuid1', 'SUBJECTIVE', 'CLINICIAN_0'],
      ['uuid2', 'OTHER', 'CLINICIAN_0'],
      ['uuid3', 'SUBJECTIVE', 'CLINICIAN_0'],
      ['uuid5', 'SUBJECTIVE', 'CLINICIAN_0'],
      ['uuid6', 'SUBJECTIVE', 'CLINICIAN_0'],
      ['uuid7', 'SUBJECTIVE', 'CLINICIAN_0'],
    ]);
    expect(t.turns[1]).toMatchObject({ firstToken: 2, endToken: 5, startMs: 610, endMs: 1540 });
  });

  it('tokenises segments that have no items from their text, timed within the segment, with a warning', () => {
    const turn = t.turns[3]!;
    const words = t.tokens.slice(turn.firstToken, turn.endToken);
    expect(words.map((k) => k.text).join(' ')).toBe('Yeah , I think it , uh , do you feel more energy ?');
    expect(transcriptText(t)).toBe(
      'Okay. Good afternoon. You lost one lb Yeah, I think it, uh, do you feel more energy? Yes. Uh, how about craving for the carbohydrate or sugar or fat or anything?',
    );
    expect(words[0]!.startMs).toBe(2980);
    expect(words.at(-1)!.endMs).toBe(6950);
    for (const k of words) expect([k.confidence, k.timed]).toEqual([null, false]);
    expect(t.warnings).toContain(
      '3 segment(s) had no transcript items; their words were taken from the segment text and timed evenly within the segment',
    );
  });

  it('keeps clinical insights with exclusive end offsets and reports dangling segment ids', () => {
    expect(t.insights).toHaveLength(6);
    expect(t.insights![0]).toEqual({
      id: 'insightUUID1',
      kind: 'ClinicalEntity',
      category: 'MEDICAL_CONDITION',
      type: 'DX_NAME',
      spans: [{ segmentId: 'uuid1', turnId: 'uuid1', beginChar: 12, endChar: 16, text: 'pain' }],
      attributes: [],
    });
    for (const i of t.insights!) for (const s of i.spans) expect(s.endChar - s.beginChar).toBe(s.text.length);
    const phentermine = t.insights!.find((i) => i.id === 'insightUUID4')!;
    expect(phentermine.spans[0]!.turnId).toBeNull();
    expect(t.insights!.find((i) => i.id === 'insightUUID5')!.attributes[0]!.spans[0]!.turnId).toBe('uuid5');
    expect(t.warnings).toContain('1 clinical insight span(s) point to segments not in the transcript');
  });

  it('loads a summary with the transcript and links bullets to turns', () => {
    const s = parseTranscript(readCorpus(DOC), {
      file: DOC,
      summary: readFixture('healthscribe/doc-example-summary.json'),
    });
    expect(s.summary!.sections.map((x) => x.name)).toEqual([
      'CHIEF_COMPLAINT',
      'HISTORY_OF_PRESENT_ILLNESS',
      'ASSESSMENT',
    ]);
    const hpi = s.summary!.sections[1]!.bullets[0]!;
    expect(hpi.text).toBe('Lost one lb.\n- Asked about energy and cravings');
    expect(hpi.evidenceIds).toEqual(['uuid3', 'uuid5', 'uuid7', 'uuid4']);
    expect(hpi.turnIds).toEqual(['uuid3', 'uuid5', 'uuid7']);
    for (const id of hpi.turnIds) expect(s.turns.some((u) => u.id === id)).toBe(true);
    expect(s.warnings).toContain(
      '1 summary evidence link(s) point to segments not in the transcript; the bullets are kept without those links',
    );
    expect(analyze(s).summary).toEqual({ sections: 3, emptySections: 1, bullets: 2 });
  });
});

describe('HealthScribe transcript: variants', () => {
  it('without TranscriptItems, every segment is tokenised from its Content', () => {
    const j = docJson();
    delete j.Conversation.TranscriptItems;
    const t = parseTranscript(JSON.stringify(j));
    const segments = j.Conversation.TranscriptSegments as { Content: string }[];
    expect(transcriptText(t)).toBe(segments.map((s) => s.Content).join(' '));
    expect(t.turns).toHaveLength(6);
    expect(t.durationMs).toBe(17930);
    expect(t.warnings[0]).toMatch(/^6 segment\(s\) had no transcript items/);
  });

  it('keeps further item alternatives as token alternatives, and reads mixed-case types', () => {
    const j = docJson();
    const items = j.Conversation.TranscriptItems as {
      Type: string;
      Alternatives: { Content: string; Confidence: number }[];
    }[];
    items[0]!.Alternatives.push({ Content: 'Ok', Confidence: 0.2 });
    items[2]!.Type = 'Pronunciation';
    const t = parseTranscript(JSON.stringify(j));
    expect(t.tokens[0]!.alternatives).toEqual([
      { text: 'Okay', confidence: 0.7925 },
      { text: 'Ok', confidence: 0.2 },
    ]);
    expect(t.tokens[2]).toMatchObject({ kind: 'word', text: 'Good' });
  });
});

describe('HealthScribe transcript: synthetic streaming-session shape with a summary', () => {
  const t = parseTranscript(readFixture('healthscribe/visit-streaming-transcript.json'), {
    summary: readFixture('healthscribe/visit-summary.json'),
  });

  it('reads items with direct Content/Confidence and lowercase types, two participants', () => {
    expect(t.tokens).toHaveLength(12);
    expect(transcriptText(t)).toBe('Hello Ms Rivera. My chest hurts. Start aspirin today.');
    expect(t.speakers).toEqual([
      { id: 'CLINICIAN_0', label: 'Clinician', role: 'CLINICIAN' },
      { id: 'PATIENT_0', label: 'Patient', role: 'PATIENT' },
    ]);
    expect(t.turns.map((u) => [u.id, u.speaker, u.section, u.firstToken, u.endToken])).toEqual([
      ['seg-1', 'CLINICIAN_0', 'SUBJECTIVE', 0, 4],
      ['seg-2', 'PATIENT_0', 'SUBJECTIVE', 4, 8],
      ['seg-3', 'CLINICIAN_0', 'ASSESSMENT_AND_PLAN', 8, 12],
    ]);
    expect(t.tokens[9]).toMatchObject({ text: 'aspirin', startMs: 4600, endMs: 5300, confidence: 0.45 });
    expect(t.durationMs).toBe(5900);
  });

  it('normalises CHIEF_COMPLIANT, keeps empty sections, multi-line bullets and counts dangling links', () => {
    const sections = t.summary!.sections;
    expect(sections.map((s) => [s.name, s.bullets.length])).toEqual([
      ['CHIEF_COMPLAINT', 1],
      ['HISTORY_OF_PRESENT_ILLNESS', 1],
      ['PHYSICAL_EXAMINATION', 0],
      ['PLAN', 2],
    ]);
    expect(sections[1]!.bullets[0]).toEqual({
      text: 'Ms Rivera reports chest pain\n  - started today\n',
      turnIds: ['seg-1', 'seg-2'],
      evidenceIds: ['seg-1', 'seg-2', 'seg-missing'],
    });
    expect(sections[3]!.bullets[1]).toEqual({
      text: '- Follow up in two weeks',
      turnIds: [],
      evidenceIds: [],
    });
    const warning = t.warnings.find((w) => w.includes('evidence link'))!;
    expect(warning).toMatch(/^1 summary evidence link/);
    expect(warning).not.toContain('seg-missing');
  });

  it('analysis counts speakers and summary figures', () => {
    const a = analyze(t);
    expect(a.speakers.map((s) => [s.id, s.words, s.turns])).toEqual([
      ['CLINICIAN_0', 6, 2],
      ['PATIENT_0', 3, 1],
    ]);
    expect(a.summary).toEqual({ sections: 4, emptySections: 1, bullets: 4 });
    expect(a.lowConfidence.tokens.map((k) => k.index)).toEqual([9]);
  });
});

describe('HealthScribe summary alone (the real corpus file)', () => {
  const e = entry(SUMMARY);
  const t = parseTranscript(readCorpus(SUMMARY), { file: SUMMARY });

  it('parses into a transcript with no tokens that carries the summary, matching the manifest', () => {
    expect(t.tokens).toHaveLength(0);
    expect(t.turns).toHaveLength(0);
    expect(t.durationMs).toBe(0);
    expect(t.metadata.source).toBe('healthscribe');
    expect(t.metadata.languageCode).toBe(e.language);
    const sections = t.summary!.sections;
    expect(sections.map((s) => s.name)).toEqual(e.sectionNames);
    expect(sections).toHaveLength(e.sections!);
    expect(sections.filter((s) => s.bullets.length === 0)).toHaveLength(e.emptySections!);
    expect(sections.reduce((n, s) => n + s.bullets.length, 0)).toBe(e.items);
    expect(analyze(t).summary).toEqual({
      sections: e.sections,
      emptySections: e.emptySections,
      bullets: e.items,
    });
  });

  it('keeps every bullet and every evidence id, links none, and warns with a count only', () => {
    const raw = JSON.parse(readCorpus(SUMMARY).toString('utf8')) as {
      ClinicalDocumentation: {
        Sections: { Summary: { SummarizedSegment: string; EvidenceLinks: { SegmentId: string }[] }[] }[];
      };
    };
    const rawBullets = raw.ClinicalDocumentation.Sections.flatMap((s) => s.Summary);
    const bullets = t.summary!.sections.flatMap((s) => s.bullets);
    expect(bullets.map((b) => b.text)).toEqual(rawBullets.map((b) => b.SummarizedSegment));
    expect(bullets.map((b) => b.evidenceIds)).toEqual(
      rawBullets.map((b) => b.EvidenceLinks.map((l) => l.SegmentId)),
    );
    expect(bullets.every((b) => b.turnIds.length === 0)).toBe(true);
    const links = rawBullets.reduce((n, b) => n + b.EvidenceLinks.length, 0);
    expect(t.warnings).toContain(
      `${links} summary evidence link(s) point to segments not in the transcript; the bullets are kept without those links`,
    );
    expect(bullets.some((b) => b.text.includes('\n'))).toBe(true);
  });
});

describe('HealthScribe: malformed variants are refused with typed errors', () => {
  const refuse = (json: unknown, options: Parameters<typeof parseTranscript>[1] = {}): unknown => {
    try {
      parseTranscript(JSON.stringify(json), { file: 'visit.json', ...options });
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('an item with neither Alternatives nor Content', () => {
    const j = docJson();
    (j.Conversation.TranscriptItems as Record<string, unknown>[])[2] = {
      Type: 'PRONUNCIATION',
      BeginAudioTime: 1,
      EndAudioTime: 2,
    };
    const err = refuse(j) as TranscriptParseError;
    expect(err).toBeInstanceOf(TranscriptParseError);
    expect(err.code).toBe('E_PARSE');
    expect(err.issues[0]!.path).toBe('Conversation.TranscriptItems[2]');
    expect(err.message).toContain('visit.json');
  });

  it('an unknown item Type, seconds as strings, a segment without SegmentId', () => {
    const a = docJson();
    (a.Conversation.TranscriptItems as Record<string, unknown>[])[0]!.Type = 'WORD';
    expect((refuse(a) as TranscriptParseError).issues[0]!.path).toBe('Conversation.TranscriptItems[0].Type');
    const b = docJson();
    (b.Conversation.TranscriptSegments as Record<string, unknown>[])[1]!.BeginAudioTime = '0.61';
    expect((refuse(b) as TranscriptParseError).issues[0]!.path).toBe(
      'Conversation.TranscriptSegments[1].BeginAudioTime',
    );
    const c = docJson();
    delete (c.Conversation.TranscriptSegments as Record<string, unknown>[])[0]!.SegmentId;
    expect((refuse(c) as TranscriptParseError).issues[0]!.path).toBe(
      'Conversation.TranscriptSegments[0].SegmentId',
    );
  });

  it('a summary whose sections are not a list, or a bullet without text; never quoting the text', () => {
    const err = refuse({ ClinicalDocumentation: { Sections: {} } }) as TranscriptParseError;
    expect(err).toBeInstanceOf(TranscriptParseError);
    expect(err.issues[0]!.path).toBe('ClinicalDocumentation.Sections');
    const bullet = refuse({
      ClinicalDocumentation: { Sections: [{ SectionName: 'PLAN', Summary: [{ EvidenceLinks: [] }] }] },
    });
    expect((bullet as TranscriptParseError).issues[0]!.path).toBe(
      'ClinicalDocumentation.Sections[0].Summary[0].SummarizedSegment',
    );
    const secret = refuse({
      ClinicalDocumentation: {
        Sections: [{ SectionName: 'PLAN', Summary: [{ SummarizedSegment: 42, Secret: 'Zebediah' }] }],
      },
    });
    expect((secret as Error).message).not.toContain('Zebediah');
  });

  it('a summary option that is not a summary, or given with a batch transcript', () => {
    const wrong = refuse(docJson(), { summary: JSON.stringify(docJson()), summaryFile: 'summary.json' });
    expect(wrong).toBeInstanceOf(UnsupportedFormatError);
    expect((wrong as Error).message).toContain('summary.json');
    const batch = (() => {
      try {
        parseTranscript(readFixture('transcribe/medical-dictation.json'), { summary: readCorpus(SUMMARY) });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(batch).toBeInstanceOf(OptionsError);
    expect(isTranscriptError(batch)).toBe(true);
  });

  it('a summary with invalid JSON names the summary file', () => {
    const err = refuse(docJson(), {
      summary: '{"ClinicalDocumentation": ',
      summaryFile: 'summary.json',
    }) as Error;
    expect(isTranscriptError(err)).toBe(true);
    expect(err.message).toContain('summary.json');
  });
});

export type { Transcript };
