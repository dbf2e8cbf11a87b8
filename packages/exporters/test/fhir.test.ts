import { createHash } from 'node:crypto';
import {
  buildTranscript,
  ExportError,
  joinTokens,
  OptionsError,
  redact,
  type Transcript,
} from '@scribekit/core';
import {
  buildDocumentBundle,
  buildDocumentReference,
  buildFhirResource,
  buildTransactionBundle,
  type FhirBundle,
  type FhirComposition,
  type FhirDevice,
  type FhirDocumentReference,
  type FhirOptions,
  type FhirProvenance,
  NOTE_TYPES,
  toFhirJson,
  toFhirXml,
  uuidV5,
} from '@scribekit/exporters';
import { render } from '@scribekit/exporters/render';
import { describe, expect, it } from 'vitest';
import { loadInput, stableOptions, syntheticHealthScribe } from '../../../test/support/fhir-fixtures.js';

const conversation = loadInput('test/fixtures/transcribe/medical-conversation-phi.json');
const dictation = loadInput('test/fixtures/transcribe/medical-dictation.json');
const twoChannel = loadInput('test/fixtures/transcribe/two-channel.json');
const base = { subject: 'Patient/p1', date: '2024-05-01T14:35:00Z' } as const;

const decode = (data: string | undefined) => Buffer.from(data ?? '', 'base64').toString('utf8');
const stripTags = (div: string) =>
  div
    .replace(/<\/p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trimEnd();
const speakerPrefix = /^(spk_\d+|ch_\d+|Clinician|Patient|Dr\. Rivera): /;
/** Words of the text after dropping `Name: ` line prefixes. */
const bodyWords = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(speakerPrefix, ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
const tokenWords = (t: Transcript) => joinTokens(t.tokens).split(/\s+/).filter(Boolean);

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('DocumentReference', () => {
  it('has the US Core shape with preliminary progress-note defaults', () => {
    const d = buildDocumentReference(dictation, base);
    expect(d.resourceType).toBe('DocumentReference');
    expect(d.meta?.profile).toEqual([
      'http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference',
    ]);
    expect(d.meta?.security?.map((c) => c.code)).toEqual(['AIAST']);
    expect(d.status).toBe('current');
    expect(d.docStatus).toBe('preliminary');
    expect(d.type?.coding).toEqual([
      { system: 'http://loinc.org', code: '11506-3', display: 'Progress note' },
    ]);
    expect(d.category?.[0]?.coding?.[0]).toMatchObject({ code: 'clinical-note' });
    expect(d.subject).toEqual({ reference: 'Patient/p1' });
    expect(d.date).toBe('2024-05-01T14:35:00Z');
    expect(d.author).toBeUndefined();
    expect(d.context).toBeUndefined();
    expect(d.text?.status).toBe('generated');
    expect(d.text?.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.*<\/div>$/);
    expect(d.content).toHaveLength(1);
  });

  it('defaults `date` to now, as an instant', () => {
    const before = Date.now();
    const d = buildDocumentReference(dictation, { subject: 'Patient/p1' });
    expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    expect(Date.parse(d.date!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('maps every note kind to its LOINC code', () => {
    const codes = Object.fromEntries(
      Object.keys(NOTE_TYPES).map((k) => [
        k,
        buildDocumentReference(dictation, { ...base, noteType: k as keyof typeof NOTE_TYPES }).type
          ?.coding?.[0]?.code,
      ]),
    );
    expect(codes).toEqual({
      progress: '11506-3',
      consult: '11488-4',
      'history-and-physical': '34117-2',
      'discharge-summary': '18842-5',
      procedure: '28570-0',
      operative: '11504-8',
      note: '34109-9',
    });
  });

  it('carries the transcript as base64 text/plain with size and SHA-1 hash, every word once in order', () => {
    for (const t of [dictation, conversation, twoChannel]) {
      const a = buildDocumentReference(t, base).content[0]!.attachment;
      expect(a.contentType).toBe('text/plain; charset=utf-8');
      expect(a.language).toBe('en-US');
      const bytes = Buffer.from(a.data!, 'base64');
      expect(bytes.toString('base64')).toBe(a.data);
      expect(a.size).toBe(bytes.length);
      expect(a.hash).toBe(createHash('sha1').update(bytes).digest('base64'));
      // A dictation's report writes its heading as `PLAN:` and opens the section body with a capital.
      const plain = (words: string[]) => words.map((w) => w.toLowerCase().replace(/[.,:]$/, ''));
      expect(plain(bodyWords(bytes.toString('utf8')))).toEqual(plain(tokenWords(t)));
    }
  });

  it('writes one `Name: text` line per speaker turn, with speaker names from the options', () => {
    const text = decode(
      buildDocumentReference(conversation, { ...base, speakerNames: { spk_0: 'Dr. Rivera' } }).content[0]!
        .attachment.data,
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(conversation.turns.length);
    expect(lines[0]).toMatch(/^Dr\. Rivera: /);
    expect(lines[1]).toMatch(/^spk_1: /);
    // A dictation carries its formatted report: the words before the first heading, then the section.
    const report = decode(buildDocumentReference(dictation, base).content[0]!.attachment.data);
    expect(report).toMatch(
      /^This is a follow up visit .* reported\.\n\nPLAN:\nContinue metformin, .*foot exam\.$/s,
    );
    expect(
      decode(buildDocumentReference(dictation, { ...base, sections: 'off' }).content[0]!.attachment.data),
    ).toBe(joinTokens(dictation.tokens));
    expect(
      decode(buildDocumentReference(twoChannel, base).content[0]!.attachment.data).split('\n')[0],
    ).toMatch(/^ch_\d: /);
  });

  it('adds the speaker-turn JSON as a second attachment when asked', () => {
    const d = buildDocumentReference(conversation, { ...base, turns: true });
    const a = d.content[1]!.attachment;
    expect(a.contentType).toBe('application/json');
    const bytes = Buffer.from(a.data!, 'base64');
    expect(a.size).toBe(bytes.length);
    expect(a.hash).toBe(createHash('sha1').update(bytes).digest('base64'));
    const json = JSON.parse(bytes.toString('utf8'));
    expect(json.schema).toBe('urn:scribekit:transcript-turns:v1');
    expect(json.turns).toHaveLength(conversation.turns.length);
    expect(json.turns[0]).toMatchObject({ speaker: 'spk_0', startMs: conversation.turns[0]!.startMs });
    expect(
      json.turns
        .map((x: { text: string }) => x.text)
        .join(' ')
        .split(/\s+/),
    ).toEqual(tokenWords(conversation));
  });

  it('links the audio: DocumentReference by relatesTo, Media by context.related, URL as an attachment', () => {
    const byDoc = buildDocumentReference(dictation, {
      ...base,
      audio: { reference: 'DocumentReference/audio-1' },
    });
    expect(byDoc.relatesTo).toEqual([
      { code: 'transforms', target: { reference: 'DocumentReference/audio-1' } },
    ]);
    const byMedia = buildDocumentReference(dictation, {
      ...base,
      audio: { reference: 'Media/audio-1', url: 's3://b/a.flac' },
    });
    expect(byMedia.relatesTo).toBeUndefined();
    expect(byMedia.context?.related).toEqual([{ reference: 'Media/audio-1' }]);
    expect(byMedia.content[1]!.attachment).toEqual({
      contentType: 'audio/flac',
      url: 's3://b/a.flac',
      title: 'Source audio',
    });
    const typed = buildDocumentReference(dictation, {
      ...base,
      audio: { url: 'https://x.test/a', contentType: 'audio/ogg' },
    });
    expect(typed.content[1]!.attachment.contentType).toBe('audio/ogg');
  });

  it('takes context.period from the audio start plus the duration, and at most one encounter', () => {
    const d = buildDocumentReference(conversation, {
      ...base,
      audioStart: '2024-05-01T14:00:00Z',
      encounter: 'Encounter/e1',
    });
    expect(d.context?.period).toEqual({ start: '2024-05-01T14:00:00Z', end: '2024-05-01T14:00:36.448Z' });
    expect(d.context?.encounter).toEqual([{ reference: 'Encounter/e1' }]);
    expect(conversation.durationMs).toBe(36448);
  });

  it('accepts authors as strings, objects and lists, and a final status with a verifier', () => {
    const d = buildDocumentReference(dictation, {
      ...base,
      author: ['Practitioner/a1', { reference: 'PractitionerRole/r1', display: 'Attending' }],
      verifier: 'Practitioner/a1',
      docStatus: 'final',
    });
    expect(d.author).toEqual([
      { reference: 'Practitioner/a1' },
      { reference: 'PractitionerRole/r1', display: 'Attending' },
    ]);
    expect(d.docStatus).toBe('final');
    expect(d.authenticator).toEqual({ reference: 'Practitioner/a1' });
    const byPatient = buildDocumentReference(dictation, {
      ...base,
      verifier: 'Patient/p1',
      docStatus: 'final',
    });
    expect(byPatient.authenticator).toBeUndefined();
    expect(
      buildDocumentReference(dictation, { ...base, verifier: 'Practitioner/a1' }).authenticator,
    ).toBeUndefined();
  });

  it('labels confidentiality in meta.security and securityLabel', () => {
    const d = buildDocumentReference(dictation, { ...base, confidentiality: 'R' });
    expect(d.meta?.security?.map((c) => c.code)).toEqual(['AIAST', 'R']);
    expect(d.securityLabel?.[0]?.coding?.[0]).toMatchObject({
      code: 'R',
      system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
    });
  });

  it('uses the job description when known and works without it', () => {
    const withJob = {
      ...dictation,
      metadata: { ...dictation.metadata, type: 'DICTATION' as const, specialty: 'PRIMARYCARE' },
    };
    expect(buildDocumentReference(withJob, base).description).toBe('Transcript by Amazon Transcribe Medical');
    expect(buildDocumentReference(withJob, base).text?.div).toContain(
      'Produced by Amazon Transcribe Medical (dictation, primarycare)',
    );
    expect(buildDocumentReference(dictation, base).description).toBe('Transcript by Amazon Transcribe');
    const completed = {
      ...dictation,
      metadata: { ...dictation.metadata, completedAt: '2024-05-01T14:30:00.5Z' },
    };
    expect(buildDocumentReference(completed, base).content[0]!.attachment.creation).toBe(
      '2024-05-01T14:30:00.5Z',
    );
  });

  it('keeps a stable business identifier across id modes and runs', () => {
    const a = buildDocumentReference(dictation, base).identifier;
    const b = buildDocumentReference(dictation, {
      ...base,
      ids: 'deterministic',
      date: '2025-01-01T00:00:00Z',
    }).identifier;
    expect(a).toEqual(b);
    expect(a?.[0]?.value).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(buildDocumentReference(redact(conversation), base).identifier).not.toEqual(
      buildDocumentReference(conversation, base).identifier,
    );
  });

  it('refuses an empty transcript with an ExportError', () => {
    const empty = loadInput('test/fixtures/transcribe/empty.json');
    const e = catchError(() => buildDocumentReference(empty, base));
    expect(e).toBeInstanceOf(ExportError);
    expect(e.message).toMatchInlineSnapshot(
      `"The transcript has no words: a FHIR document needs text to carry"`,
    );
  });
});

describe('redaction', () => {
  it('leaves no entity text anywhere, including narratives, attachments and XML', () => {
    // Words spoken only inside PHI entities (`Ortega`, `March`, `seventy`, …).
    const inside = new Set<number>();
    for (const e of conversation.entities) for (let k = e.firstToken; k < e.endToken; k++) inside.add(k);
    const outside = new Set(
      conversation.tokens.filter((k) => !inside.has(k.index)).map((k) => k.text.toLowerCase()),
    );
    const secrets = [...inside]
      .map((k) => conversation.tokens[k]!)
      .filter((k) => k.kind === 'word' && !outside.has(k.text.toLowerCase()))
      .map((k) => k.text.toLowerCase());
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const leaks = (text: string) => secrets.filter((s) => new RegExp(`\\b${s}\\b`, 'i').test(text));
    for (const output of ['document-reference', 'document-bundle', 'transaction-bundle'] as const) {
      const options: FhirOptions = { ...base, output, redact: true, turns: true };
      const json = toFhirJson(conversation, options);
      const xml = toFhirXml(conversation, options);
      const decoded = [...json.matchAll(/"data": "([^"]+)"/g)].map((m) => decode(m[1]));
      expect(decoded).toHaveLength(output === 'document-bundle' ? 0 : 2);
      for (const text of [json, xml, ...decoded]) expect(leaks(text)).toEqual([]);
      expect(json).toContain('"code": "REDACTED"');
      // Without redaction the same outputs do contain them, so the check can fail.
      const plain = toFhirJson(conversation, { ...options, redact: false });
      const plainText = [plain, ...[...plain.matchAll(/"data": "([^"]+)"/g)].map((m) => decode(m[1]))].join(
        '\n',
      );
      expect(leaks(plainText)).toEqual(secrets);
    }
  });

  it('redacts the HealthScribe summary in the Composition sections', () => {
    const hs = syntheticHealthScribe();
    expect(toFhirJson(hs, { ...base, output: 'document-bundle' })).toContain('Zorblax');
    const json = toFhirJson(hs, { ...base, output: 'document-bundle', redact: true });
    expect(json).not.toContain('Zorblax');
    expect(json).toContain('[NAME] reports a dry cough');
  });

  it('labels service-redacted transcripts REDACTED without the redact option', () => {
    const pii = loadInput('test/fixtures/transcribe/pii-redacted.json');
    expect(buildDocumentReference(pii, base).meta?.security?.map((c) => c.code)).toEqual([
      'AIAST',
      'REDACTED',
    ]);
  });

  it('keeps every word (as a placeholder when redacted)', () => {
    const r = redact(conversation);
    const text = decode(
      buildDocumentReference(conversation, { ...base, redact: true }).content[0]!.attachment.data,
    );
    expect(bodyWords(text)).toEqual(tokenWords(r));
    // One placeholder per entity, never one per word.
    expect(text.match(/\[[A-Z]+\]/g)).toHaveLength(conversation.entities.length);
  });
});

describe('document Bundle', () => {
  it('puts the Composition first, then the AI Device and its Provenance, with urn:uuid fullUrls', () => {
    const b = buildDocumentBundle(dictation, {
      ...base,
      author: 'Practitioner/a1',
      verifier: 'Practitioner/a1',
    });
    expect(b.type).toBe('document');
    expect(b.timestamp).toBe(base.date);
    expect(b.identifier?.system).toBe('urn:ietf:rfc:3986');
    expect(b.entry?.map((e) => e.resource?.resourceType)).toEqual(['Composition', 'Device', 'Provenance']);
    for (const e of b.entry ?? []) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const [c, d, p] = (b.entry ?? []).map((e) => e.resource) as [FhirComposition, FhirDevice, FhirProvenance];
    const deviceUrl = b.entry![1]!.fullUrl;
    expect(c.author).toEqual([
      { reference: 'Practitioner/a1' },
      { reference: deviceUrl, type: 'Device', display: 'Amazon Transcribe' },
    ]);
    expect(c.status).toBe('preliminary');
    expect(c.attester).toBeUndefined();
    expect(d.deviceName?.[0]?.name).toBe('Amazon Transcribe');
    expect(p.target).toEqual([{ reference: b.entry![0]!.fullUrl }]);
    expect(p.agent.map((a) => [a.type?.coding?.[0]?.code, a.who.reference])).toEqual([
      ['author', deviceUrl],
      ['verifier', 'Practitioner/a1'],
    ]);
  });

  it('has a single transcript section holding every word without a summary', () => {
    const b = buildDocumentBundle(conversation, base);
    const c = b.entry![0]!.resource as FhirComposition;
    expect(c.section).toHaveLength(1);
    expect(c.section![0]!.title).toBe('Transcript');
    const text = stripTags(c.section![0]!.text!.div);
    expect(text).toBe(decode(buildDocumentReference(conversation, base).content[0]!.attachment.data));
    expect(bodyWords(text)).toEqual(tokenWords(conversation));
    // The resource narrative describes the note; it does not repeat the words.
    expect(c.text?.div).not.toContain('albuterol');
  });

  it('has one LOINC-coded section per non-empty HealthScribe section, in order', () => {
    const hs = syntheticHealthScribe();
    const c = buildDocumentBundle(hs, { ...base, noteType: 'history-and-physical' }).entry![0]!
      .resource as FhirComposition;
    expect(c.type.coding?.[0]?.code).toBe('34117-2');
    expect(c.section?.map((s) => [s.title, s.code?.coding?.map((x) => x.code).join(' ')])).toEqual([
      ['Chief complaint', '10154-3 CHIEF_COMPLAINT'],
      ['History of present illness', '10164-2 HISTORY_OF_PRESENT_ILLNESS'],
      ['Physical examination', '29545-1 PHYSICAL_EXAMINATION'],
      ['Assessment and plan', 'ASSESSMENT_AND_PLAN'],
      ['Plan', '18776-5 PLAN'],
    ]);
    expect(c.section?.[2]?.text?.div).toContain('<li>Lungs clear &amp; temperature &lt; 38 °C.</li>');
    expect(c.section?.[3]?.text?.status).toBe('additional');
    const device = buildDocumentBundle(hs, base).entry![1]!.resource as FhirDevice;
    expect(device.deviceName?.[0]?.name).toBe('AWS HealthScribe');
  });

  it('accepts the CHIEF_COMPLIANT spelling', () => {
    const hs = syntheticHealthScribe();
    const typo = {
      ...hs,
      summary: { sections: [{ name: 'CHIEF_COMPLIANT', bullets: hs.summary!.sections[0]!.bullets }] },
    };
    const c = buildDocumentBundle(typo, base).entry![0]!.resource as FhirComposition;
    expect(c.section?.[0]?.code?.coding?.map((x) => x.code)).toEqual(['10154-3', 'CHIEF_COMPLAINT']);
  });

  it('adds the legal attester when final', () => {
    const c = buildDocumentBundle(dictation, { ...base, docStatus: 'final', verifier: 'Practitioner/v1' })
      .entry![0]!.resource as FhirComposition;
    expect(c.status).toBe('final');
    expect(c.attester).toEqual([{ mode: 'legal', time: base.date, party: { reference: 'Practitioner/v1' } }]);
  });
});

describe('transaction Bundle', () => {
  it('POSTs the DocumentReference idempotently, the Device and the Provenance', () => {
    const b = buildTransactionBundle(conversation, { ...base, audio: { reference: 'Media/m1' } });
    expect(b.type).toBe('transaction');
    const [doc, device, prov] = b.entry!;
    const d = doc!.resource as FhirDocumentReference;
    const id = d.identifier![0]!;
    expect(doc!.request).toEqual({
      method: 'POST',
      url: 'DocumentReference',
      ifNoneExist: `identifier=${id.system}|${id.value}`,
    });
    expect(device!.request).toMatchObject({ method: 'POST', url: 'Device' });
    const p = prov!.resource as FhirProvenance;
    expect(p.target).toEqual([{ reference: doc!.fullUrl }]);
    expect(p.entity).toEqual([{ role: 'source', what: { reference: 'Media/m1' } }]);
  });
});

describe('ids', () => {
  it('are deterministic when asked, random otherwise', () => {
    const det = { ...base, output: 'document-bundle', ids: 'deterministic' } as const;
    expect(toFhirJson(conversation, det)).toBe(toFhirJson(conversation, det));
    expect(toFhirJson(dictation, det)).not.toBe(toFhirJson(conversation, det).replace(/x/g, 'x'));
    const urls = (o: FhirOptions) =>
      (buildFhirResource(conversation, o) as FhirBundle).entry!.map((e) => e.fullUrl);
    expect(urls(det)).toEqual(urls(det));
    expect(urls({ ...det, ids: 'random' })).not.toEqual(urls({ ...det, ids: 'random' }));
    for (const u of urls({ ...det, ids: 'random' })) expect(u).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4/);
  });

  it('uuidV5 sets the version and variant bits and is stable', () => {
    expect(uuidV5('a')).toBe(uuidV5('a'));
    expect(uuidV5('a')).not.toBe(uuidV5('b'));
    expect(uuidV5('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('options', () => {
  const messageOf = (o: FhirOptions) => {
    const e = catchError(() => toFhirJson(conversation, o));
    expect(e).toBeInstanceOf(OptionsError);
    return e.message;
  };

  it('explain what is missing or wrong', () => {
    expect(messageOf({})).toMatchInlineSnapshot(
      `"A US Core DocumentReference needs the patient: give \`subject\`, e.g. \`Patient/<id>\`"`,
    );
    expect(messageOf({ subject: 'Encounter/1' })).toMatchInlineSnapshot(
      `"\`subject\` must refer to \`Patient\`, \`Group\`, \`Practitioner\`, \`Device\`, not to Encounter"`,
    );
    expect(messageOf({ subject: 'patient 1' })).toMatchInlineSnapshot(
      `"\`subject\` must be a reference such as \`Patient/<id>\`, an absolute URL ending in \`Patient/<id>\`, or \`urn:uuid:<uuid>\`"`,
    );
    expect(messageOf({ ...base, require: ['author'] })).toMatchInlineSnapshot(
      `"The target EHR needs an author: give \`author\`, e.g. \`Practitioner/<id>\`"`,
    );
    expect(
      messageOf({ ...base, author: 'Practitioner/1', require: ['author', 'encounter'] }),
    ).toMatchInlineSnapshot(
      `"The target EHR needs an encounter: give \`encounter\`, e.g. \`Encounter/<id>\`"`,
    );
    expect(messageOf({ ...base, docStatus: 'final' })).toMatchInlineSnapshot(
      `"\`docStatus\` \`final\` marks the note as signed: give the signing clinician as \`verifier\`, e.g. \`Practitioner/<id>\`"`,
    );
    expect(messageOf({ ...base, output: 'pdf' as never })).toMatchInlineSnapshot(
      `"\`output\` must be one of \`document-reference\`, \`document-bundle\`, \`transaction-bundle\`"`,
    );
    expect(messageOf({ ...base, noteType: 'soap' as never })).toMatch(
      /^`noteType` must be one of `progress`/,
    );
    expect(messageOf({ ...base, docStatus: 'amended' as never })).toMatch(/`docStatus`/);
    expect(messageOf({ ...base, audio: { url: 's3://b/a.xyz' } })).toMatch(
      /^Cannot tell the media type of `audio.url`/,
    );
    expect(messageOf({ ...base, audio: { reference: 'Patient/1' } })).toMatch(
      /must refer to `DocumentReference`, `Media`, not to Patient/,
    );
    expect(messageOf({ ...base, audio: {} })).toMatch(/needs `reference`/);
    expect(messageOf({ ...base, title: ' ' })).toMatch(/`title`/);
    expect(messageOf({ ...base, title: 'a\u0007b' })).toMatch(
      /`title` must be a non-empty string without control characters/,
    );
    expect(messageOf({ subject: { reference: 'Patient/1', display: '' } })).toMatch(
      /^`subject` must be a reference/,
    );
  });

  it('reject dates that are not instants', () => {
    for (const date of [
      '2024-05-01',
      '2024-05-01T14:35:00',
      '2024-05-01T14:35Z',
      '2024-13-01T14:35:00Z',
      '2024-02-30T10:00:00Z',
      '05/01/2024 14:30',
    ]) {
      expect(messageOf({ ...base, date })).toMatch(/^`date` must be an instant with seconds and a time zone/);
    }
    expect(messageOf({ ...base, audioStart: 'yesterday' })).toMatch(/`audioStart`/);
    expect(messageOf({ ...base, date: new Date(Number.NaN) })).toMatch(/`date`/);
    expect(
      buildDocumentReference(dictation, { ...base, date: new Date(Date.UTC(2024, 4, 1, 14, 35)) }).date,
    ).toBe('2024-05-01T14:35:00Z');
    expect(buildDocumentReference(dictation, { ...base, date: '2024-05-01T14:35:00.250+02:00' }).date).toBe(
      '2024-05-01T14:35:00.250+02:00',
    );
  });

  it('accept absolute URLs and urn:uuid references', () => {
    const d = buildDocumentReference(dictation, {
      ...base,
      subject: 'https://ehr.example/fhir/Patient/p-1',
      encounter: 'urn:uuid:0b8f6f6e-2a3c-4d5e-8f90-1a2b3c4d5e6f',
    });
    expect(d.subject?.reference).toBe('https://ehr.example/fhir/Patient/p-1');
    expect(d.context?.encounter?.[0]?.reference).toBe('urn:uuid:0b8f6f6e-2a3c-4d5e-8f90-1a2b3c4d5e6f');
  });

  it('never quote transcript words in errors', () => {
    const hs = syntheticHealthScribe();
    for (const o of [
      {},
      { subject: 'x' },
      { ...base, docStatus: 'final' as const },
      { ...base, date: 'x' },
    ]) {
      const msg = catchError(() => toFhirJson(hs, o)).message.toLowerCase();
      for (const w of ['zorblax', 'cough', 'lungs', 'viral', 'fluids']) expect(msg).not.toContain(w);
    }
  });
});

describe('public API', () => {
  it('exports the FHIR functions and code tables by name', async () => {
    const api = await import('@scribekit/exporters');
    const fhirNames = Object.keys(api).filter(
      (k) =>
        !k.startsWith('HL7_') && // the HL7 v2 tables (hl7-mdm.test.ts)
        k !== 'documentLayout' && // the layout (layout tests)
        /fhir|document|transaction|resourceTo|NOTE_|SECTION_|CONFIDENTIALITY_|sectionCodings|uuidV5/i.test(k),
    );
    expect(fhirNames.sort()).toEqual([
      'CONFIDENTIALITY_CODES',
      'NOTE_TYPES',
      'SECTION_CODES',
      'buildDocumentBundle',
      'buildDocumentReference',
      'buildFhirResource',
      'buildTransactionBundle',
      'resourceToJson',
      'resourceToXml',
      'sectionCodings',
      'toFhirJson',
      'toFhirXml',
      'uuidV5',
    ]);
  });
});

describe('registry', () => {
  it('writes fhir-json and fhir-xml through the registry', async () => {
    const o = { ...stableOptions } as const;
    const [json, xml] = await render(conversation, ['fhir-json', 'fhir-xml'], o);
    expect(json!.data).toBe(toFhirJson(conversation, o));
    expect(xml!.data).toBe(toFhirXml(conversation, o));
    expect(JSON.parse(toFhirJson(conversation, o)).resourceType).toBe('DocumentReference');
    expect(toFhirXml(conversation, o)).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<DocumentReference xmlns="http:\/\/hl7.org\/fhir">/,
    );
  });

  it('handles a transcript built directly from drafts', () => {
    const t = buildTranscript({
      metadata: {
        source: 'transcribe-batch',
        jobName: null,
        accountId: null,
        status: null,
        languageCode: null,
        serviceRedacted: null,
      },
      tokens: [
        {
          kind: 'word',
          text: 'Hello',
          startMs: 0,
          endMs: 100,
          confidence: null,
          speaker: null,
          channel: null,
        },
      ],
    });
    const d = buildDocumentReference(t, base);
    expect(decode(d.content[0]!.attachment.data)).toBe('Hello');
    expect(d.content[0]!.attachment.language).toBeUndefined();
  });
});
