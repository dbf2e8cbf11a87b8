// PHI detection with the real Comprehend Medical SDK client over real HTTP against the local stand-in
// (JSON 1.1, SigV4 checked, the 20,000-byte limit enforced, errors on demand): chunking of a 40,000-word
// transcript, planted synthetic identifiers mapped to the right tokens (punctuation, CJK, emoji), overlap
// de-duplication, score and type filters, retries, and error messages that never quote the text.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildTranscript,
  type DraftToken,
  FetchError,
  OptionsError,
  phiTextOf,
  redact,
  type Transcript,
} from '@scribekit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ComprehendMedicalApi, createComprehendMedicalApi } from '../packages/cli/src/aws/comprehend.js';
import {
  detectPhiWithComprehend,
  phiDetectionDefaults,
  planPhiDetection,
} from '../packages/cli/src/aws/detect-phi.js';
import { DETECT_PHI_MAX_BYTES, planChunks } from '../packages/cli/src/aws/phi-chunks.js';
import { type FakeComprehend, startFakeComprehend } from './support/aws/fake-comprehend.js';

const NAMES = {
  Ada: 0.97,
  Quennick: 0.97,
  Tobiah: 0.96,
  Vellmar: 0.96,
  Orsolya: 0.95,
  Brannigh: 0.95,
  // Found, but with a score under the default threshold.
  Zellow: 0.2,
  张伟: 0.94,
  𠮷田: 0.92,
} as const;

let fake: FakeComprehend;
let api: ComprehendMedicalApi;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  fake = await startFakeComprehend({ names: NAMES });
  api = await apiWith(3);
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.failures.length = 0;
  fake.always = null;
});

const apiWith = (maxAttempts: number) =>
  createComprehendMedicalApi({ region: 'us-east-1', endpointUrl: fake.url, maxAttempts });

const metadata = {
  source: 'transcribe-batch',
  jobName: null,
  accountId: null,
  status: null,
  languageCode: 'en-US',
  serviceRedacted: null,
} as const;

/** Builds token drafts: words 300 ms apart; punctuation untimed. */
class Script {
  readonly tokens: DraftToken[] = [];
  speaker = 'spk_0';
  private ms = 0;
  word(text: string): number {
    this.ms += 300;
    this.tokens.push({
      kind: 'word',
      text,
      startMs: this.ms,
      endMs: this.ms + 250,
      confidence: 0.95,
      speaker: this.speaker,
      channel: null,
    });
    return this.tokens.length - 1;
  }
  punct(text: string): void {
    this.tokens.push({
      kind: 'punctuation',
      text,
      startMs: null,
      endMs: null,
      confidence: null,
      speaker: this.speaker,
      channel: null,
    });
  }
  words(text: string): number {
    const first = this.tokens.length;
    for (const piece of text.split(' ')) {
      if (/^[.,?!。()]$/.test(piece)) this.punct(piece);
      else this.word(piece);
    }
    return first;
  }
  transcript(): Transcript {
    return buildTranscript({ metadata, tokens: this.tokens });
  }
}

const FILLER = (
  'patient reports mild pain in the lower back since last week and denies fever chills or nausea ' +
  'we discussed the plan to continue physical therapy twice weekly and review the imaging results ' +
  'blood pressure was stable today heart sounds normal lungs clear bilateral no edema noted'
).split(' ');

/** A planted identifier: its token range and the type it must be found as. */
interface Planted {
  readonly first: number;
  readonly end: number;
  readonly type: string;
}

/**
 * About `words` words in sentences of 8–19 words, a speaker change every 3–5 sentences, and one planted
 * identifier every ~120 words (names, phone numbers, MRNs, emails, dates with a comma, ages, addresses;
 * every 7th name a low-scoring one). Deterministic (a fixed LCG).
 */
function longVisit(words: number): { t: Transcript; planted: Planted[]; lowScore: Planted[] } {
  const s = new Script();
  const planted: Planted[] = [];
  const lowScore: Planted[] = [];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let kind = 0;
  let sentences = 0;
  let nextPlant = 60;
  const firsts = ['Ada', 'Tobiah', 'Orsolya'];
  const lasts = ['Quennick', 'Vellmar', 'Brannigh'];
  const wordCount = () => s.tokens.filter((t) => t.kind === 'word').length;
  while (wordCount() < words) {
    const length = 8 + rand(12);
    for (let w = 0; w < length; w++) {
      if (w === 3 && wordCount() >= nextPlant) {
        nextPlant += 100 + rand(40);
        const k = kind++ % 7;
        if (k === 0) {
          const first = s.words(`${firsts[rand(3)]} ${lasts[rand(3)]}`);
          planted.push({ first, end: first + 2, type: 'NAME' });
        } else if (k === 1) {
          const at = s.word(`555-0${10 + rand(89)}-0${100 + rand(899)}`);
          planted.push({ first: at, end: at + 1, type: 'PHONE' });
        } else if (k === 2) {
          const at = s.words(`MRN ${48_000_000 + rand(999_999)}`);
          planted.push({ first: at + 1, end: at + 2, type: 'ID' });
        } else if (k === 3) {
          const at = s.word(`ada.q${rand(100)}@example.org`);
          planted.push({ first: at, end: at + 1, type: 'EMAIL' });
        } else if (k === 4) {
          const at = s.words(`March ${1 + rand(27)}th , 20${10 + rand(15)}`);
          planted.push({ first: at, end: at + 4, type: 'DATE' });
        } else if (k === 5) {
          const at = s.words(`${20 + rand(60)} year old`);
          planted.push({ first: at, end: at + 1, type: 'AGE' });
        } else {
          const at = s.words(`${1 + rand(900)} Elm Street`);
          planted.push({ first: at, end: at + 3, type: 'ADDRESS' });
        }
        if (kind % 5 === 0) {
          // A filler word first: adjacent names would be one entity.
          s.word(FILLER[rand(FILLER.length)]!);
          const at = s.word('Zellow');
          lowScore.push({ first: at, end: at + 1, type: 'NAME' });
        }
      }
      s.word(FILLER[rand(FILLER.length)]!);
      if (w === 5 && rand(3) === 0) s.punct(',');
    }
    s.punct('.');
    sentences++;
    if (sentences % (3 + rand(3)) === 0) s.speaker = s.speaker === 'spk_0' ? 'spk_1' : 'spk_0';
  }
  return { t: s.transcript(), planted, lowScore };
}

const found = (t: Transcript) =>
  t.entities.filter((e) => e.source === 'comprehend-medical').map((e) => [e.firstToken, e.endToken, e.type]);
const expected = (planted: readonly Planted[]) =>
  [...planted].sort((a, b) => a.first - b.first).map((p) => [p.first, p.end, p.type]);
const textOf = (t: Transcript, p: Planted) =>
  t.tokens
    .slice(p.first, p.end)
    .map((k) => k.text)
    .join(' ');

describe('DetectPHI through the real SDK client', () => {
  const visit = longVisit(40_000);

  it('chunks a 40,000-word transcript under the limit and finds every planted identifier on its tokens', async () => {
    const { t, planted, lowScore } = visit;
    expect(t.tokens.filter((k) => k.kind === 'word').length).toBeGreaterThanOrEqual(40_000);
    expect(planted.length).toBeGreaterThan(300);
    const plan = planPhiDetection(t);
    // Planning sends nothing.
    expect(fake.requests).toHaveLength(0);
    expect(plan.calls).toBeGreaterThan(10);

    const chunksDone: number[] = [];
    const { transcript, stats } = await detectPhiWithComprehend(t, api, {
      onChunk: (p) => chunksDone.push(p.done),
    });

    // One request per chunk, all signed for comprehendmedical, all under the limit, all answered 200.
    expect(fake.requests).toHaveLength(plan.calls);
    expect(chunksDone).toEqual(Array.from({ length: plan.calls }, (_, k) => k + 1));
    for (const r of fake.requests) {
      expect(r.service).toBe('comprehendmedical');
      expect(r.bytes).toBeLessThanOrEqual(DETECT_PHI_MAX_BYTES);
      expect(r.status).toBe(200);
    }
    const sent = fake.requests.reduce((n, r) => n + [...r.text].length, 0);
    expect(stats).toMatchObject({ ...plan, characters: sent, calls: fake.requests.length });
    expect(stats.characters).toBeGreaterThan(stats.textCharacters);

    // Every identifier found once, on exactly its tokens; the low-scoring names are not.
    expect(found(transcript)).toEqual(expected(planted));
    expect(stats.belowScore).toBeGreaterThanOrEqual(lowScore.length);
    expect(stats).toMatchObject({
      unmapped: 0,
      offsetMismatches: 0,
      utf16Answers: 0,
      notPhi: 0,
      otherType: 0,
    });
    for (const e of transcript.entities) {
      expect(e.text).toBe(joinedText(t, e.firstToken, e.endToken));
      expect(e.startMs).toBe(t.tokens[e.firstToken]!.startMs);
      expect(e.confidence).toBeGreaterThanOrEqual(phiDetectionDefaults.minScore);
    }
    expect(stats.modelVersions).toEqual(['0.0.0-fake']);
  });

  it('sees identifiers in the chunk overlaps twice and keeps each once', async () => {
    const { t, planted } = visit;
    const map = phiTextOf(t);
    const chunks = planChunks(t, map);
    const overlaps = chunks.slice(1).map((c, k) => [c.start, chunks[k]!.end] as const);
    const inOverlap = planted.filter((p) =>
      overlaps.some(([from, to]) => map.tokenStart[p.first]! >= from && map.tokenEnd[p.end - 1]! <= to),
    );
    // The data exercises it: some identifiers lie where two chunks overlap.
    expect(inOverlap.length).toBeGreaterThan(0);
    const { transcript, stats } = await detectPhiWithComprehend(t, api);
    expect(stats.duplicates).toBeGreaterThanOrEqual(inOverlap.length);
    expect(stats.kept - stats.duplicates).toBe(planted.length);
    expect(found(transcript)).toEqual(expected(planted));
  });

  it('finds a name the cut falls inside of, thanks to the overlap (without it: two half entities)', async () => {
    // No sentence ends: the chunker must cut between words, and the cut lands between "Ada" and "Quennick".
    const s = new Script();
    // 199 × "okay " = 995 bytes: "Ada" ends at byte 998, "Quennick" at 1007, past the 1000-byte chunk.
    for (let k = 0; k < 199; k++) s.word('okay');
    const at = s.words('Ada Quennick');
    for (let k = 0; k < 40; k++) s.word('okay');
    const t = s.transcript();
    const map = phiTextOf(t);
    const chunks = planChunks(t, map, { maxBytes: 1000, overlap: 60 });
    expect(chunks[0]!.end).toBe(map.tokenEnd[at]);

    const whole = await detectPhiWithComprehend(t, api, { maxBytes: 1000, overlap: 60 });
    expect(found(whole.transcript)).toEqual([[at, at + 2, 'NAME']]);
    expect(whole.stats.duplicates).toBe(1);

    const halves = await detectPhiWithComprehend(t, api, { maxBytes: 1000, overlap: 0 });
    expect(found(halves.transcript)).toEqual([
      [at, at + 1, 'NAME'],
      [at + 1, at + 2, 'NAME'],
    ]);
  });

  it('maps offsets to the right words in CJK text with emoji and astral characters (code points)', async () => {
    const s = new Script();
    s.words('😀 我 叫 张伟 。');
    s.speaker = 'spk_1';
    s.words('你好 张伟 , 请 坐 。');
    s.speaker = 'spk_0';
    const yoshida = s.words('🙂 𠮷田 さん は 42 year old 。');
    const t = s.transcript();
    const text = phiTextOf(t).text;
    expect(text.split('\n')).toHaveLength(3);
    // Code points and UTF-16 indexes part after the first emoji.
    expect([...text].length).toBe(text.length - 3);
    const { transcript, stats } = await detectPhiWithComprehend(t, api);
    expect(found(transcript)).toEqual([
      [3, 4, 'NAME'],
      [6, 7, 'NAME'],
      [yoshida + 1, yoshida + 2, 'NAME'],
      [yoshida + 4, yoshida + 5, 'AGE'],
    ]);
    expect(stats.offsetMismatches).toBe(0);
    expect(stats.utf16Answers).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('maps entities over punctuation: inner punctuation kept, trailing punctuation left out', async () => {
    const s = new Script();
    const date = s.words('seen on March 3rd , 2021 .');
    const mail = s.words('write to ada.q@example.org .');
    const phone = s.words('call ( 555 ) 010-0199 , please .');
    const name = s.words('thanks Tobiah Vellmar .');
    const t = s.transcript();
    expect(phiTextOf(t).text).toContain('call (555) 010-0199, please.');
    const { transcript } = await detectPhiWithComprehend(t, api);
    expect(found(transcript)).toEqual([
      [date + 2, date + 6, 'DATE'],
      [mail + 2, mail + 3, 'EMAIL'],
      // The span starts at "(": the entity starts at "555" and keeps the ")" inside it.
      [phone + 2, phone + 5, 'PHONE'],
      [name + 1, name + 3, 'NAME'],
    ]);
  });

  it('applies the score threshold and the type filter', async () => {
    const { t, planted, lowScore } = longVisit(3000);
    const all = await detectPhiWithComprehend(t, api, { minScore: 0.1 });
    expect(found(all.transcript)).toEqual(expected([...planted, ...lowScore]));
    expect(all.stats.belowScore).toBe(0);

    const names = await detectPhiWithComprehend(t, api, { types: ['NAME'], minScore: 0.9 });
    expect(found(names.transcript)).toEqual(expected(planted.filter((p) => p.type === 'NAME')));
    expect(names.stats.otherType).toBe(planted.filter((p) => p.type !== 'NAME').length);
    expect(names.stats.belowScore).toBe(lowScore.length);

    // scribekit's name for a type works as well as DetectPHI's.
    const phones = await detectPhiWithComprehend(t, api, { types: ['PHONE'] });
    const phones2 = await detectPhiWithComprehend(t, api, { types: ['PHONE_OR_FAX'] });
    expect(found(phones.transcript)).toEqual(expected(planted.filter((p) => p.type === 'PHONE')));
    expect(found(phones2.transcript)).toEqual(found(phones.transcript));

    const before = fake.requests.length;
    await expect(detectPhiWithComprehend(t, api, { types: ['SSN'] })).rejects.toThrow(OptionsError);
    await expect(detectPhiWithComprehend(t, api, { minScore: 1.5 })).rejects.toThrow(
      'Expected the minimum PHI score to be a number from 0 to 1, got 1.5',
    );
    // Invalid options send nothing.
    expect(fake.requests.length).toBe(before);
  });

  it('merges with the transcript’s own entities without duplicates, and redact() replaces the detected words', async () => {
    const { t, planted } = longVisit(1500);
    const name = planted.find((p) => p.type === 'NAME')!;
    const own: Transcript = {
      ...t,
      entities: [
        {
          category: 'PHI',
          type: 'NAME',
          text: textOf(t, name),
          startMs: t.tokens[name.first]!.startMs,
          endMs: t.tokens[name.end - 1]!.endMs,
          confidence: 0.9,
          firstToken: name.first,
          endToken: name.end,
        },
      ],
    };
    const { transcript, stats } = await detectPhiWithComprehend(own, api);
    expect(transcript.entities).toHaveLength(planted.length);
    expect(transcript.entities.filter((e) => e.source === undefined)).toHaveLength(1);
    expect(stats.duplicates).toBeGreaterThanOrEqual(1);

    const r = redact(transcript);
    // One placeholder per entity: on its first word; its other words are folded into it.
    for (const p of planted) {
      for (let k = p.first; k < p.end; k++) {
        if (t.tokens[k]!.kind === 'word') expect(r.tokens[k]!.text).toBe(k === p.first ? `[${p.type}]` : '');
        expect(r.tokens[k]!.redactedAs).toBe(p.type);
      }
    }
    // Filler words stay.
    expect(
      r.tokens.filter((k) => k.redactedAs === undefined && FILLER.includes(k.text)).length,
    ).toBeGreaterThan(1000);
  });

  it('sends nothing for a transcript without words, and refuses a redacted one', async () => {
    const empty = new Script().transcript();
    const none = await detectPhiWithComprehend(empty, api);
    expect(none.stats).toMatchObject({ calls: 0, characters: 0, found: 0 });
    expect(fake.requests).toHaveLength(0);
    const { t } = longVisit(200);
    const redacted = redact({ ...t, metadata: { ...t.metadata, phiIdentified: true } });
    await expect(detectPhiWithComprehend(redacted, api)).rejects.toThrow(/already redacted/);
    expect(fake.requests).toHaveLength(0);
  });

  it('stops without sending when the signal is already aborted', async () => {
    const { t } = longVisit(200);
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    await expect(detectPhiWithComprehend(t, api, { signal: controller.signal })).rejects.toThrow(
      'stopped by the user',
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe('DetectPHI errors and retries', () => {
  const { t } = longVisit(300);
  const attempts = () => fake.requests.map((r) => r.attempt.split(';')[0]);

  it('retries throttling (TooManyRequestsException, ThrottlingException) and succeeds', async () => {
    fake.failures.push({ error: 'TooManyRequestsException' }, { error: 'ThrottlingException' });
    const { stats } = await detectPhiWithComprehend(t, api, { concurrency: 1 });
    expect(stats.calls).toBe(1);
    expect(attempts()).toEqual(['attempt=1', 'attempt=2', 'attempt=3']);
    expect(fake.requests.map((r) => r.status)).toEqual([400, 400, 200]);
  });

  it('retries a 5xx (InternalServerException) and succeeds', async () => {
    fake.failures.push({ error: 'InternalServerException' });
    const { stats } = await detectPhiWithComprehend(t, api);
    expect(stats.found).toBeGreaterThan(0);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it('gives up on persistent throttling and 503s with a FetchError that says what to do', async () => {
    const twice = await apiWith(2);
    fake.always = { error: 'TooManyRequestsException', message: 'Rate exceeded' };
    const throttled = await detectPhiWithComprehend(t, twice).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(FetchError);
    expect((throttled as Error).message).toBe(
      'Amazon Comprehend Medical kept throttling DetectPHI (TooManyRequestsException) after 2 attempts; try again later, raise AWS_MAX_ATTEMPTS, or ask for a higher DetectPHI quota in Service Quotas',
    );
    fake.always = { error: 'ServiceUnavailableException' };
    const down = await detectPhiWithComprehend(t, twice).catch((e: unknown) => e);
    expect((down as Error).message).toBe(
      'Amazon Comprehend Medical failed DetectPHI (ServiceUnavailableException, HTTP 503) after 2 attempts; try again later',
    );
  });

  it('names the missing permission when access is denied, without retrying', async () => {
    fake.always = {
      error: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::111122223333:user/test is not authorized to perform: comprehendmedical:DetectPHI',
    };
    const error = await detectPhiWithComprehend(t, api).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toBe(
      'Access denied for DetectPHI on Amazon Comprehend Medical: the caller needs comprehendmedical:DetectPHI',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('never repeats a service message that quotes the text sent, not even in the cause', async () => {
    const s = new Script();
    s.words('Ada Quennick called .');
    fake.always = {
      error: 'ValidationException',
      message:
        "1 validation error detected: Value 'Ada Quennick called.' at 'text' failed to satisfy constraint",
    };
    const error = await detectPhiWithComprehend(s.transcript(), api).catch((e: unknown) => e);
    expect((error as Error).message).toBe('DetectPHI rejected the request (ValidationException, HTTP 400)');
    const chain = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) chain.push(`${e.name}: ${e.message}`);
    expect(chain.length).toBeGreaterThan(1);
    expect(chain.join('\n')).not.toMatch(/Quennick|Ada/);
    expect(chain.join('\n')).toMatch(/request id req-1/);
  });

  it('reports a text over the limit (the stand-in enforces it as AWS does)', async () => {
    const error = await api.detectPhi('x'.repeat(20_000)).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'DetectPHI refused a text of 20000 UTF-8 bytes as too large (TextSizeLimitExceededException); each text must be fewer than 20,000 bytes',
    );
    // 19,999 bytes pass.
    await expect(api.detectPhi('x'.repeat(19_999))).resolves.toMatchObject({ entities: [] });
  });

  it('keeps CJK text (3 bytes a character) under the byte limit, not just the character count', async () => {
    const s = new Script();
    for (let k = 0; k < 15_000; k++) {
      s.word(k % 400 === 7 ? '张伟' : '病人');
      if (k % 25 === 24) s.punct('。');
    }
    const cjk = s.transcript();
    const plan = planPhiDetection(cjk);
    expect(plan.textCharacters).toBeGreaterThan(30_000);
    const { transcript, stats } = await detectPhiWithComprehend(cjk, api);
    expect(stats.calls).toBeGreaterThanOrEqual(5);
    for (const r of fake.requests) expect(r.bytes).toBeLessThanOrEqual(DETECT_PHI_MAX_BYTES);
    expect(found(transcript)).toHaveLength(Math.ceil((15_000 - 7) / 400));
  });
});

describe('lazy SDK', () => {
  it('the built detection modules import no @aws-sdk module statically', () => {
    const dir = fileURLToPath(new URL('../packages/cli/dist/aws/', import.meta.url));
    for (const file of ['detect-phi.js', 'phi-chunks.js', 'comprehend.js']) {
      expect(existsSync(`${dir}${file}`), `${file} is built (run tsc -b)`).toBe(true);
      const source = readFileSync(`${dir}${file}`, 'utf8');
      expect(source).not.toMatch(/^\s*import[^'"]*['"]@aws-sdk\//m);
    }
    expect(readFileSync(`${dir}comprehend.js`, 'utf8')).toMatch(
      /import\('@aws-sdk\/client-comprehendmedical'\)/,
    );
  });
});

function joinedText(t: Transcript, first: number, end: number): string {
  let out = '';
  for (const k of t.tokens.slice(first, end)) out += out !== '' && k.spaceBefore ? ` ${k.text}` : k.text;
  return out;
}
