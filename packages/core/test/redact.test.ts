import {
  buildTranscript,
  type DraftEntity,
  type DraftToken,
  NoPhiEntitiesError,
  parseTranscript,
  RedactionError,
  redact,
  type Transcript,
  transcriptText,
} from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { readCorpus, readFixture } from '../../../test/support/corpus.js';

const metadata = {
  source: 'transcribe-batch',
  jobName: null,
  accountId: null,
  status: null,
  languageCode: 'en-US',
  serviceRedacted: null,
  phiIdentified: true,
} as const;

const w = (text: string, startMs: number, endMs: number, extra: Partial<DraftToken> = {}): DraftToken => ({
  kind: 'word',
  text,
  startMs,
  endMs,
  confidence: 0.9,
  speaker: 'spk_0',
  channel: null,
  ...extra,
});
const p = (text: string): DraftToken => ({
  kind: 'punctuation',
  text,
  startMs: null,
  endMs: null,
  confidence: null,
  speaker: 'spk_0',
  channel: null,
});
const phi = (text: string, type: string, startMs: number, endMs: number): DraftEntity => ({
  category: 'PHI',
  type,
  text,
  startMs,
  endMs,
  confidence: 0.99,
});

/** Checks the redaction contract: same token count, times, speakers, channels; flag set; idempotent. */
function expectRedactionContract(t: Transcript, r: Transcript): void {
  expect(r.tokens).toHaveLength(t.tokens.length);
  r.tokens.forEach((k, i) => {
    const o = t.tokens[i]!;
    expect([k.index, k.kind, k.startMs, k.endMs, k.speaker, k.channel, k.spaceBefore]).toEqual([
      o.index,
      o.kind,
      o.startMs,
      o.endMs,
      o.speaker,
      o.channel,
      o.spaceBefore,
    ]);
    if (k.text !== o.text) expect(k.redactedAs).toBeDefined();
  });
  expect(r.turns).toEqual(t.turns);
  expect(r.durationMs).toBe(t.durationMs);
  const redacted = r.tokens.filter((k) => k.redactedAs !== undefined);
  expect(r.redaction).toEqual({
    by: 'scribekit',
    tokens: redacted.length,
    entities: t.entities.length,
    placeholders: redacted.filter((k) => k.text !== '').length,
  });
  // Every token of a placeholder's span but the first is folded into it: no placeholder is repeated.
  for (const k of redacted) if (k.text !== '') expect(k.text).toMatch(/^\[[A-Z_]+\]$|^<[a-z_]+>$/);
  expect(redact(r)).toEqual(r);
  expect(t.redaction).toBeUndefined(); // the input is not changed
}

/** The serialized model must not contain any entity's text (case-insensitive). */
function expectNoEntityText(t: Transcript, r: Transcript): void {
  const serialized = JSON.stringify(r).toLowerCase();
  for (const e of t.entities) expect(serialized).not.toContain(e.text.toLowerCase());
}

describe('redact: batch PHI entities (synthetic medical conversation)', () => {
  const t = parseTranscript(readFixture('transcribe/medical-conversation-phi.json'));
  const r = redact(t);

  it('replaces every covered word by a typed placeholder and leaves no entity text anywhere', () => {
    expect(t.entities.map((e) => e.type)).toEqual(['NAME', 'DATE', 'PHONE']);
    expectNoEntityText(t, r);
    expectRedactionContract(t, r);
    const text = transcriptText(r);
    // One placeholder per entity: the title, its period and the name are one `[NAME]`.
    expect(text).toContain('Good morning, [NAME]. What brings you in today?');
    expect(text).toContain('date of birth is [DATE], correct?');
    expect(text).toMatch(/ \[PHONE\]\W/);
    expect(text).not.toMatch(/\[(NAME|DATE|PHONE)\]\W*\[\1\]/);
    expect(r.entities.map((e) => e.text)).toEqual(['[NAME]', '[DATE]', '[PHONE]']);
    expect(r.redaction).toMatchObject({ tokens: 3 + 4 + 7, entities: 3, placeholders: 3 });
  });

  it('takes a custom placeholder', () => {
    const custom = redact(t, { placeholder: (type) => `<${type.toLowerCase()}>` });
    expect(transcriptText(custom)).toContain('<name>');
    expectNoEntityText(t, custom);
  });
});

describe('redact: entities whose times do not align with tokens', () => {
  const t = buildTranscript({
    metadata,
    tokens: [
      w('alpha', 0, 500),
      w('bravo', 500, 1000),
      w('charlie', 1000, 1500),
      w('delta', 1500, 2000),
      p('.'),
      w('echo', 2500, 3000),
      w('foxtrot', 3000, 3500),
      w('golf', 3500, 4000),
      w('hotel', 4000, 4500),
    ],
    entities: [
      phi('ravo charl', 'NAME', 700, 1200), // times on words, text not their spelling: the times win
      phi('delta', 'ID', 1600, 1600), // a point inside a word
      phi('Foxtrot', 'NAME', 3501, 3600), // 1 ms after its word: found by its text
      phi('hotel', 'ADDRESS', 2400, 2600), // shifted onto `echo`: its text is nearby
      phi('', 'DATE', 2001, 2300), // no text, between words: the nearest words within 500 ms
    ],
  });

  it('finds every entity by time, checked against its text, and by text nearby when the times are off', () => {
    expect(t.entities.map((e) => [e.firstToken, e.endToken])).toEqual([
      [1, 3],
      [3, 4],
      [6, 7],
      [8, 9],
      [3, 6],
    ]);
    expect(t.warnings).toEqual([
      '2 PHI entit(ies) were matched to their words by text: their times were off',
      '1 PHI entit(ies) were matched to the words nearest their times',
    ]);
  });

  it('one placeholder per entity; overlapping entities share one', () => {
    const r = redact(t, { propagate: false });
    expect(r.tokens.map((k) => k.text)).toEqual([
      'alpha',
      '[NAME]',
      '',
      '[ID]',
      '',
      '',
      '[NAME]',
      'golf',
      '[ADDRESS]',
    ]);
    expect(transcriptText(r)).toBe('alpha [NAME] [ID] [NAME] golf [ADDRESS]');
    expectRedactionContract(t, r);
  });

  it('refuses an entity that matches no word, naming its index and type but not its text', () => {
    const lost = buildTranscript({
      metadata,
      tokens: [w('alpha', 0, 500), w('bravo', 500, 1000)],
      entities: [phi('alpha', 'NAME', 0, 500), phi('Zebediah', 'NAME', 9000, 9500)],
    });
    expect(lost.entities[1]).toMatchObject({ firstToken: -1, endToken: -1 });
    expect(lost.warnings).toContain(
      '1 PHI entit(ies) match no word of the transcript; redaction will refuse them',
    );
    expect(() => redact(lost)).toThrow(RedactionError);
    expect(() => redact(lost)).toThrow(
      'Cannot redact: PHI entity 1 (NAME) matches no word of the transcript, by its times or by its text',
    );
    try {
      redact(lost);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('Zebediah');
      expect(error).toMatchObject({ code: 'E_EXPORT', entity: 1, entityType: 'NAME' });
    }
  });

  it('refuses a transcript whose job did not look for PHI, and redacts one that found none', () => {
    const { phiIdentified: _looked, ...plain } = metadata;
    const none = buildTranscript({ metadata: plain, tokens: [w('alpha', 0, 500)] });
    expect(() => redact(none)).toThrow(NoPhiEntitiesError);
    expect(() => redact(none)).toThrow(/`redact` needs PHI entities, but this transcript has none/);
    const looked = buildTranscript({ metadata, tokens: [w('alpha', 0, 500)] });
    expect(redact(looked).redaction).toEqual({ by: 'scribekit', tokens: 0, entities: 0, placeholders: 0 });
    // The batch parser sets the flag from an `entities` list, even an empty one.
    const json = JSON.parse(readFixture('transcribe/medical-dictation.json').toString('utf8'));
    expect(() => redact(parseTranscript(json))).toThrow(NoPhiEntitiesError);
    json.results.entities = [];
    expect(redact(parseTranscript(json)).redaction?.entities).toBe(0);
  });

  it('does not redact words a long word spans over on another channel', () => {
    const c = buildTranscript({
      metadata,
      tokens: [
        w('longword', 0, 5000, { channel: 'ch_0', speaker: null }),
        w('short', 100, 200, { channel: 'ch_1', speaker: null }),
        w('brief', 300, 400, { channel: 'ch_1', speaker: null }),
        w('after', 6000, 6500, { channel: 'ch_1', speaker: null }),
      ],
      entities: [phi('longword', 'NAME', 4000, 4500)],
    });
    expect(c.entities[0]).toMatchObject({ firstToken: 0, endToken: 1 });
    const r = redact(c);
    expect(r.tokens.map((k) => k.text)).toEqual(['[NAME]', 'short', 'brief', 'after']);
  });
});

describe('redact: service redactions', () => {
  it('[PII] tokens become typed placeholders; kept as they are with serviceRedactions: false', () => {
    const t = parseTranscript(readFixture('transcribe/pii-redacted.json'));
    const pii = t.tokens.filter((k) => k.text === '[PII]');
    expect(pii.length).toBeGreaterThan(0);
    const r = redact(t);
    expect(r.tokens.filter((k) => k.text === '[PII]')).toHaveLength(0);
    // A run of [PII] words (a name, a number read digit by digit) becomes one placeholder.
    for (const k of pii) {
      const prevWord = t.tokens[k.index - 1];
      const folded =
        prevWord?.text === '[PII]' && prevWord.serviceRedaction?.type === k.serviceRedaction!.type;
      expect(r.tokens[k.index]!.text).toBe(folded ? '' : `[${k.serviceRedaction!.type ?? 'PII'}]`);
    }
    expect(transcriptText(r)).not.toMatch(/\[([A-Z_]+)\] \[\1\]/);
    expectRedactionContract(t, r);
    const kept = redact(t, { serviceRedactions: false });
    expect(kept.tokens.map((k) => k.text)).toEqual(t.tokens.map((k) => k.text));
    expect(kept.redaction).toEqual({ by: 'scribekit', tokens: 0, entities: 0, placeholders: 0 });
  });

  it('*** vocabulary masks become [MASKED] (corpus file)', () => {
    const t = parseTranscript(readCorpus('real/std-vocabfilter-mask.json'));
    const masked = t.tokens.filter((k) => k.text === '***').length;
    expect(masked).toBeGreaterThan(0);
    const r = redact(t);
    expect(r.tokens.filter((k) => k.redactedAs === 'MASKED')).toHaveLength(masked);
    expect(r.tokens.filter((k) => k.text === '***')).toHaveLength(0);
    expect(r.redaction!.tokens).toBe(masked);
    expectRedactionContract(t, r);
  });

  it('streaming: a `[NAME]` placeholder and a channel-scoped entity', () => {
    const id = parseTranscript(readCorpus('doc-examples/awsdocs-pii-identification-streaming.json'));
    const r = redact(id);
    expect(transcriptText(r)).toBe('my name is [NAME]');
    expectNoEntityText(id, r);
    const two = parseTranscript(readFixture('streaming/two-channels-camel.json'));
    const r2 = redact(two);
    expect(r2.tokens.map((k) => k.text)).toEqual([
      'Hello',
      'Ms',
      '[NAME]',
      ',',
      'Wait',
      'hi',
      '.',
      '[MASKED]',
      'please',
      '.',
      'Okay',
      '.',
    ]);
    expectNoEntityText(two, r2);
    expectRedactionContract(two, r2);
  });
});

describe('redact: alternatives, summaries, insights', () => {
  it('n-best segment alternatives overlapping a redacted word are redacted too', () => {
    const json = JSON.parse(readFixture('transcribe/show-alternatives.json').toString('utf8'));
    json.results.entities = [
      { content: 'aspirin', category: 'PHI', type: 'NAME', startTime: 3.232, endTime: 3.754 },
    ];
    const t = parseTranscript(json);
    const before = JSON.stringify(t.alternatives);
    expect(before).toContain('aspirins');
    const r = redact(t);
    expectNoEntityText(t, r);
    expect(r.alternatives.map((s) => s.alternatives.map((a) => a.text))).toContainEqual([
      'Start [NAME] eighty one milligrams daily.',
      'Start [NAME] eighty one milligrams daily.',
    ]);
    expect(r.alternatives[0]).toEqual(t.alternatives[0]);
    expectRedactionContract(t, r);
  });

  it('token alternatives of redacted words are dropped; others lose entity words', () => {
    const t = buildTranscript({
      metadata,
      tokens: [
        w('Quillby', 0, 500, {
          alternatives: [
            { text: 'Quillby', confidence: 0.6 },
            { text: 'Quilby', confidence: 0.3 },
          ],
        }),
        w('came', 600, 900, {
          alternatives: [
            { text: 'came', confidence: 0.7 },
            { text: 'Quillby', confidence: 0.1 },
          ],
        }),
      ],
      entities: [phi('Quillby', 'NAME', 0, 500)],
    });
    const r = redact(t);
    expect(r.tokens[0]!.alternatives).toBeUndefined();
    expect(r.tokens[1]!.alternatives!.map((a) => a.text)).toEqual(['came', '[NAME]']);
    expectNoEntityText(t, r);
  });

  it('summary bullets and insight spans: entity texts as whole words, names said again', () => {
    const t = buildTranscript({
      metadata: { ...metadata, source: 'healthscribe' },
      tokens: [
        w('Ms', 0, 200, { segmentId: 's1' }),
        w('Quillby', 200, 700, { segmentId: 's1' }),
        p('.'),
        w('Quillby', 3000, 3500, { segmentId: 's2', speaker: 'spk_1' }),
        w('born', 3600, 3900, { segmentId: 's2', speaker: 'spk_1' }),
        w('May', 4000, 4200, { segmentId: 's2', speaker: 'spk_1' }),
        w('fifth', 4200, 4600, { segmentId: 's2', speaker: 'spk_1' }),
      ],
      entities: [phi('Ms Quillby', 'NAME', 0, 700), phi('May fifth', 'DATE', 4000, 4600)],
      summary: {
        sections: [
          {
            name: 'HISTORY_OF_PRESENT_ILLNESS',
            bullets: [
              {
                text: 'MS QUILLBY, born may fifth.\n- Quillby reports pain',
                turnIds: ['s1'],
                evidenceIds: ['s1'],
              },
              { text: 'Mayfifth Quillbyson', turnIds: [], evidenceIds: [] },
            ],
          },
          { name: 'PLAN', bullets: [] },
        ],
      },
      insights: [
        {
          id: 'i1',
          kind: 'ClinicalEntity',
          category: 'OTHER',
          type: null,
          spans: [{ segmentId: 's2', turnId: 's2', beginChar: 0, endChar: 7, text: 'Quillby born' }],
          attributes: [],
        },
      ],
    });
    const r = redact(t);
    expect(r.tokens.map((k) => k.text)).toEqual(['[NAME]', '', '.', '[NAME]', 'born', '[DATE]', '']);
    expect(r.summary!.sections[0]!.bullets.map((b) => b.text)).toEqual([
      '[NAME], born [DATE].\n- [NAME] reports pain',
      'Mayfifth Quillbyson',
    ]);
    expect(r.summary!.sections[0]!.bullets[0]!.turnIds).toEqual(['s1']);
    expect(r.summary!.sections[1]!.bullets).toEqual([]);
    expect(r.insights![0]!.spans[0]!.text).toBe('[NAME] born');
    expect(r.tokens[0]!.redactedAs).toBe('NAME');
    expectRedactionContract(t, r);
    // Without propagation the second "Quillby" (outside every entity span) stays.
    expect(redact(t, { propagate: false }).tokens[3]!.text).toBe('Quillby');
  });
});
