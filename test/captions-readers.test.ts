// Real third-party readers (python3-srt, python3-webvtt, webvtt-parser, ffmpeg, headless Chromium) read every
// generated caption file with zero errors and the same cue count. Missing readers fail under CI=true.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTranscriptError, parseTranscript, type Transcript } from '@scribekit/core';
import { buildCues, type CaptionOptions, captionQuality, toSrt, toVtt } from '@scribekit/exporters';
import { parseSync } from 'subtitle';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest, readCorpus, readFixture } from './support/corpus.js';
import { python, readersAvailable, runChecker } from './support/real-clients.js';
import { testTranscript } from './support/transcript.js';

const dir = mkdtempSync(join(tmpdir(), 'scribekit-captions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A synthetic two-speaker transcript with hostile text (`&`, `<`, `-->`, tags, blank lines). */
function synthetic(base: number, words: string[]): Transcript {
  return testTranscript({
    metadata: { languageCode: 'en-US' },
    tokens: words.map((text, i) => ({
      kind: 'word',
      text,
      startMs: base + i * 350,
      endMs: base + i * 350 + (i % 4 === 0 ? 0 : 300),
      confidence: 0.9,
      speaker: i < words.length / 2 ? 'spk_0' : 'spk_1',
      channel: null,
    })),
  });
}
const HOSTILE = [
  'Take',
  '5',
  'mg',
  '&',
  'call',
  'if',
  'BP',
  '<',
  '90',
  '-->',
  'now',
  '<v',
  'x>',
  '</i>',
  'a\n\nb',
  'done',
];

interface Output {
  file: string;
  cues: number;
  /** On-screen times, to compare with what readers parse. */
  times: [number, number][];
  overlap: boolean;
  /** ffmpeg's ASS output cannot hold times of 10 h or more (h:mm:ss.cc). */
  ffmpeg: boolean;
  /** check_srt.py insists on numbers 1..n; 0-based files are read with python-srt directly. */
  strictSrt: boolean;
}
const outputs: Output[] = [];
function emit(name: string, t: Transcript, options: CaptionOptions = {}) {
  const cues = buildCues(t, options);
  const overlap = captionQuality(cues, options).crossChannelOverlaps > 0;
  const ffmpeg = cues.every((c) => c.endMs < 36_000_000);
  for (const [ext, text] of [
    ['srt', toSrt(t, options)],
    ['vtt', toVtt(t, options)],
  ] as const) {
    const file = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.${ext}`);
    writeFileSync(file, text);
    outputs.push({
      file,
      cues: cues.length,
      times: cues.map((c) => [c.startMs, c.endMs]),
      overlap,
      ffmpeg,
      strictSrt: options.srtIndexBase !== 0,
    });
  }
}

const conv = parseTranscript(readFixture('transcribe/medical-conversation-phi.json'));
emit('medical-dictation', parseTranscript(readFixture('transcribe/medical-dictation.json')));
emit('conversation', conv);
emit('conversation.named-redacted', conv, {
  speakerNames: { spk_0: 'Dr. Rivera & Co', spk_1: 'Patient' },
  redact: true,
  vttCueIds: true,
});
emit('conversation.brackets-bbc-index0', conv, { speakerLabels: 'brackets', preset: 'bbc', srtIndexBase: 0 });
emit('two-channel', parseTranscript(readFixture('transcribe/two-channel.json')), {
  speakerNames: { ch_0: 'Nurse', ch_1: 'Caller' },
});
emit('hostile-text', synthetic(3_600_000, HOSTILE));
emit('over-24h', synthetic(86_399_000, HOSTILE), { startOffsetMs: 3_600_000 });
for (const e of loadManifest().filter((m) => m.expected !== 'reject')) {
  let t: Transcript;
  try {
    t = parseTranscript(readCorpus(e.file), { file: e.file });
  } catch (error) {
    if (isTranscriptError(error) && error.code === 'E_UNSUPPORTED_FORMAT') continue;
    throw error;
  }
  if (t.tokens.length > 0) emit(e.file, t);
}

/** `<file>: OK <n> cues …` lines of a checker, by file. */
function counts(output: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of output.split('\n')) {
    const hit = /^(.*?): OK (?:(\d+) cues|\((\d+) cues in file, (\d+) read by ffmpeg\))/.exec(line);
    if (hit) m.set(hit[1]!, Number(hit[2] ?? (hit[3] === hit[4] ? hit[3] : -1)));
  }
  return m;
}

function check(
  command: string,
  script: string,
  ext: 'srt' | 'vtt',
  overlapFlag: boolean,
  select: (o: Output) => boolean = () => true,
) {
  for (const overlap of [false, true]) {
    const files = outputs.filter((o) => o.file.endsWith(`.${ext}`) && o.overlap === overlap && select(o));
    if (files.length === 0) continue;
    const args = [
      script,
      ...(overlap && overlapFlag ? ['--allow-overlap'] : []),
      ...files.map((o) => o.file),
    ];
    const r = runChecker(command, args);
    expect(r.status, r.output.slice(0, 2000)).toBe(0);
    const seen = counts(r.output);
    for (const o of files) expect(seen.get(o.file), `${script} ${o.file}`).toBe(o.cues);
  }
}

describe(`real readers over ${outputs.length} generated caption files`, () => {
  it('python3-srt reads every SRT strictly', (ctx) => {
    const r = readersAvailable('python3-srt');
    if (!r.ok) return ctx.skip(r.reason);
    check(python, 'check_srt.py', 'srt', true, (o) => o.strictSrt);
    const zeroBased = outputs.filter((o) => o.file.endsWith('.srt') && !o.strictSrt);
    expect(zeroBased.length).toBeGreaterThan(0);
    for (const o of zeroBased) {
      const read = 'import srt,sys; print(len(list(srt.parse(open(sys.argv[1], encoding="utf-8").read()))))';
      const r = runChecker(python, ['-c', read, o.file]);
      expect(r.status, r.output).toBe(0);
      expect(Number(r.output.trim())).toBe(o.cues);
    }
  });

  it('the subtitle package parses every file below 24 h back to the same times', () => {
    // subtitle 4.2.2 wraps hours at 24, so the 24 h file is left out.
    const files = outputs.filter((o) => o.times.every(([, end]) => end < 86_400_000));
    expect(files.length).toBe(outputs.length - 2);
    for (const o of files) {
      const nodes = parseSync(readFileSync(o.file, 'utf8')).filter((n) => n.type === 'cue');
      expect(
        nodes.map((n) => [n.data.start, n.data.end]),
        o.file,
      ).toEqual(o.times);
    }
  });

  it('python3-webvtt reads every WebVTT', (ctx) => {
    const r = readersAvailable('python3-webvtt');
    if (!r.ok) return ctx.skip(r.reason);
    check(python, 'check_vtt.py', 'vtt', true);
  });

  it('webvtt-parser (the W3C validator) finds zero errors', (ctx) => {
    const r = readersAvailable('webvtt-parser');
    if (!r.ok) return ctx.skip(r.reason);
    check('node', 'check-vtt-w3c.mjs', 'vtt', false);
  });

  it('headless Chromium loads every WebVTT as a <track> and parses the same cues', (ctx) => {
    const r = readersAvailable('chromium', 'playwright-core');
    if (!r.ok) return ctx.skip(r.reason);
    const files = outputs.filter((o) => o.file.endsWith('.vtt'));
    const run = runChecker('node', ['check-vtt-chromium.mjs', ...files.map((o) => o.file)]);
    expect(run.status, run.output.slice(0, 2000)).toBe(0);
    const seen = new Map<string, number>();
    for (const line of run.output.split('\n')) {
      const hit = /^(.*?): OK \(load, readyState \d, (\d+) cues\)/.exec(line);
      if (hit) seen.set(hit[1]!, Number(hit[2]));
    }
    for (const o of files) expect(seen.get(o.file), o.file).toBe(o.cues);
  });

  for (const ext of ['srt', 'vtt'] as const) {
    it(`ffmpeg converts every ${ext.toUpperCase()} file to ASS with the same cues, times and text`, (ctx) => {
      const r = readersAvailable('ffmpeg');
      if (!r.ok) return ctx.skip(r.reason);
      check(python, 'check_ffmpeg.py', ext, false, (o) => o.ffmpeg);
      // Only the 24 h file is left out: ASS times stop at 9:59:59.99.
      expect(outputs.filter((o) => o.file.endsWith(`.${ext}`) && !o.ffmpeg).length).toBe(1);
    });
  }
});
