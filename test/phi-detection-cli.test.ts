// `--detect-phi comprehend` end to end: the built CLI, configured only through AWS_* variables and
// --endpoint-url, with the real SDK client against the local Comprehend Medical stand-in (SigV4 checked).
// A standard Transcribe transcript without entities becomes redactable; nothing is sent without the flag.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentXml, xmlText } from '../packages/exporters/test/docx-helpers.js';
import { type FakeComprehend, startFakeComprehend } from './support/aws/fake-comprehend.js';
import { bin, tempDir } from './support/cli.js';

const SECRET_WORDS = ['Quennick', 'Ada', '1234567'];
let fake: FakeComprehend;
let input = '';
let env: NodeJS.ProcessEnv;

/** A standard (not Medical) Transcribe batch transcript of `text`: no `entities`, no PHI identification. */
function transcriptOf(text: string): string {
  const items: unknown[] = [];
  let ms = 0;
  for (const part of text.split(' ')) {
    const m = /^(.*?)([.,]?)$/.exec(part)!;
    items.push({
      type: 'pronunciation',
      start_time: (ms / 1000).toFixed(3),
      end_time: ((ms + 300) / 1000).toFixed(3),
      alternatives: [{ content: m[1], confidence: '0.99' }],
    });
    ms += 350;
    if (m[2]) items.push({ type: 'punctuation', alternatives: [{ content: m[2], confidence: '0.0' }] });
  }
  return JSON.stringify({
    jobName: 'phi-cli',
    accountId: '1',
    status: 'COMPLETED',
    results: { transcripts: [{ transcript: text }], items },
  });
}

beforeAll(async () => {
  fake = await startFakeComprehend({ names: { Ada: 0.97, Quennick: 0.97 } });
  const dir = tempDir('scribekit-phi-');
  input = join(dir, 'visit.json');
  writeFileSync(
    input,
    transcriptOf('Patient Ada Quennick was seen today. Her record is MRN 1234567 and she is stable.'),
  );
  env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' };
  delete env.AWS_PROFILE;
});
afterAll(() => fake?.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.always = null;
});

const run = (args: string[]) => bin(args, { env });

describe('scribekit --detect-phi comprehend', () => {
  it('nothing is sent without the flag: redaction is refused (exit 2) and the stand-in saw no call', async () => {
    const r = await run(['convert', input, '--to', 'txt', '--redact-phi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--detect-phi comprehend');
    expect(fake.requests).toHaveLength(0);
  });

  it('finds the PHI, redacts it once per entity in every output, and says what it sends in counts', async () => {
    const out = tempDir();
    const r = await run([
      'convert',
      input,
      '--to',
      'txt,srt,md,docx,fhir-json',
      '-o',
      out,
      '--subject',
      'Patient/1',
      '--redact-phi',
      '--detect-phi',
      'comprehend',
      '--endpoint-url',
      fake.url,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(fake.requests.length).toBe(1);
    expect(fake.requests[0]!.service).toBe('comprehendmedical');
    expect(r.stderr).toMatch(
      /PHI detection sends \d+ characters in 1 call to Amazon Comprehend Medical DetectPHI/,
    );
    for (const w of SECRET_WORDS) expect(r.stderr).not.toContain(w);
    const txt = readFileSync(join(out, 'visit.txt'), 'utf8');
    expect(txt).toContain('Patient [NAME] was seen today. Her record is MRN [ID] and she is stable.');
    const md = readFileSync(join(out, 'visit.md'), 'utf8');
    const srt = readFileSync(join(out, 'visit.srt'), 'utf8');
    expect(srt).toContain('[NAME]');
    // Every entity applied: the outputs are redacted, so they are written 0644 (minus umask), not 0600.
    for (const f of ['visit.txt', 'visit.srt', 'visit.md', 'visit.docx', 'visit.fhir.json'])
      expect(statSync(join(out, f)).mode & 0o044, f).not.toBe(0);
    const docx = xmlText(documentXml(readFileSync(join(out, 'visit.docx'))));
    const fhir = JSON.parse(readFileSync(join(out, 'visit.fhir.json'), 'utf8'));
    const attachment = Buffer.from(fhir.content[0].attachment.data, 'base64').toString('utf8');
    for (const text of [txt, srt, md, docx, attachment, JSON.stringify(fhir)])
      for (const w of SECRET_WORDS) expect(text).not.toContain(w);
    expect(attachment.match(/\[NAME\]/g)).toHaveLength(1);
  });

  it('--phi-min-score drops weaker detections; --phi-types keeps only the types asked for', async () => {
    const high = await run([
      'convert',
      input,
      '--to',
      'txt',
      '--redact-phi',
      '--detect-phi',
      'comprehend',
      '--phi-min-score',
      '0.99',
      '--endpoint-url',
      fake.url,
    ]);
    expect(high.code, high.stderr).toBe(0);
    expect(high.stdout).toContain('Ada Quennick');
    const ids = await run([
      'convert',
      input,
      '--to',
      'txt',
      '--redact-phi',
      '--detect-phi',
      'comprehend',
      '--phi-types',
      'ID',
      '--endpoint-url',
      fake.url,
    ]);
    expect(ids.stdout).toContain('Ada Quennick');
    expect(ids.stdout).toContain('[ID]');
    const bad = await run(['convert', input, '--to', 'txt', '--phi-min-score', '0.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--detect-phi');
  });

  it('a missing permission is exit 4 naming comprehendmedical:DetectPHI, never the text', async () => {
    fake.always = { error: 'AccessDeniedException', httpStatus: 400 };
    const out = tempDir();
    const r = await run([
      'convert',
      input,
      '--to',
      'txt',
      '-o',
      out,
      '--redact-phi',
      '--detect-phi',
      'comprehend',
      '--endpoint-url',
      fake.url,
    ]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('comprehendmedical:DetectPHI');
    for (const w of SECRET_WORDS) expect(r.stderr).not.toContain(w);
  });

  it('validate --phi: not redactable without detection (exit 3), redactable with it (exit 0)', async () => {
    const without = await run(['validate', input, '--phi']);
    expect(without.code).toBe(3);
    expect(without.stderr).toContain('cannot be redacted with confidence: redaction needs PHI entities');
    expect(fake.requests).toHaveLength(0);
    const withDetection = await run([
      'validate',
      input,
      '--phi',
      '--detect-phi',
      'comprehend',
      '--endpoint-url',
      fake.url,
      '--json',
    ]);
    expect(withDetection.code, withDetection.stderr).toBe(0);
    const item = JSON.parse(withDetection.stdout).items[0];
    expect(item.phi).toMatchObject({ identified: true, redactable: true, byType: { NAME: 1, ID: 1 } });
    for (const w of SECRET_WORDS) expect(withDetection.stdout).not.toContain(w);
  });

  it('analyze counts the detected PHI by type (no words)', async () => {
    const r = await run([
      'analyze',
      input,
      '--json',
      '--detect-phi',
      'comprehend',
      '--endpoint-url',
      fake.url,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.stringify(JSON.parse(r.stdout));
    expect(a).toMatch(/"NAME"/);
    for (const w of SECRET_WORDS) expect(a).not.toContain(w);
  });
});
