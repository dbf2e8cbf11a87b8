import { OptionsError } from '@scribekit/core';
import {
  buildCues,
  captionPresets,
  cuesToSrt,
  cuesToVtt,
  resolveCaptionOptions,
  toSrt,
  toVtt,
} from '@scribekit/exporters';
import { render } from '@scribekit/exporters/render';
import { parseSync } from 'subtitle';
import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../src/captions/escape.js';
import { say, transcript } from './caption-helpers.js';

const TIMING_SRT = /^\d\d+:\d\d:\d\d,\d\d\d --> \d\d+:\d\d:\d\d,\d\d\d$/;
const TIMING_VTT = /^\d\d+:\d\d:\d\d\.\d\d\d --> \d\d+:\d\d:\d\d\.\d\d\d$/;

describe('timestamps', () => {
  it('formats integer ms with comma or dot, hours not wrapping at 24', () => {
    expect(formatTimestamp(0, ',')).toBe('00:00:00,000');
    expect(formatTimestamp(2010, ',')).toBe('00:00:02,010');
    expect(formatTimestamp(3_723_004, '.')).toBe('01:02:03.004');
    expect(formatTimestamp(86_400_000, ',')).toBe('24:00:00,000');
    expect(formatTimestamp(90_061_001, '.')).toBe('25:01:01.001');
    expect(formatTimestamp(360_000_000, ',')).toBe('100:00:00,000');
  });

  it('refuses negative and fractional times', () => {
    expect(() => formatTimestamp(-1, ',')).toThrow(/non-negative integer/);
    expect(() => formatTimestamp(1.5, ',')).toThrow(/non-negative integer/);
  });
});

describe('SRT bytes', () => {
  const t = transcript([
    ...say('Take 5 mg & call if BP < 90 --> do not wait.', 0, 300, 'spk_0'),
    ...say('Okay.', 5000, 300, 'spk_1'),
  ]);

  it('writes numbered blocks, comma times, plain text without tags, LF and a final newline', () => {
    const srt = toSrt(t);
    expect(srt.endsWith('\n')).toBe(true);
    expect(srt.endsWith('\n\n')).toBe(false);
    expect(srt).not.toContain('\r');
    expect(srt).not.toMatch(/<\/?v/);
    const blocks = srt.trimEnd().split('\n\n');
    blocks.forEach((b, k) => {
      const [n, timing, ...text] = b.split('\n');
      expect(n).toBe(String(k + 1));
      expect(timing).toMatch(TIMING_SRT);
      expect(text.length).toBeGreaterThan(0);
      for (const line of text) expect(line).not.toContain('-->');
    });
    expect(srt.replace(/\n/g, ' ')).toContain('& call if BP < 90 -> do');
  });

  it('numbers from 0 when asked (OutputStartIndex)', () => {
    expect(toSrt(t, { srtIndexBase: 0 }).startsWith('0\n')).toBe(true);
    expect(toSrt(t).startsWith('1\n')).toBe(true);
  });

  it('is read back by the subtitle package with the same cues', () => {
    const cues = buildCues(t);
    const nodes = parseSync(toSrt(t)).filter((n) => n.type === 'cue');
    expect(nodes.map((n) => [n.data.start, n.data.end])).toEqual(cues.map((c) => [c.startMs, c.endMs]));
  });

  it('collapses line breaks inside token texts (no blank line can end a cue early)', () => {
    const odd = transcript([
      ['one\n\ntwo', 0, 500],
      ['three', 600, 900],
    ]);
    const srt = toSrt(odd);
    expect(srt.trimEnd().split('\n\n')).toHaveLength(1);
    expect(srt).toContain('one two three');
  });
});

describe('WebVTT bytes', () => {
  const t = transcript([
    ...say('Take 5 mg & call if BP < 90 --> do not wait.', 0, 300, 'spk_0'),
    ...say('Okay.', 5000, 300, 'spk_1'),
  ]);

  it('writes the header, dot times, escaped text and voice spans', () => {
    const vtt = toVtt(t, { speakerNames: { spk_0: 'Smith & Jones <MD>', spk_1: 'Patient' } });
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt.endsWith('\n')).toBe(true);
    expect(vtt.endsWith('\n\n')).toBe(false);
    const body = vtt.split('\n').filter((l) => !/-->/.test(l) || TIMING_VTT.test(l));
    expect(body.filter((l) => l.includes('-->')).length).toBe(buildCues(t).length);
    expect(vtt.replace(/\n/g, ' ')).toContain('&amp; call if BP &lt; 90 --&gt; do');
    expect(vtt.replace(/\n/g, ' ')).toContain(
      '<v Smith and Jones &lt;MD&gt;>SMITH &amp; JONES &lt;MD&gt;: Take',
    );
    expect(vtt).not.toMatch(/[^-]->[^>]/);
  });

  it('writes unique numeric cue ids only when asked', () => {
    const plain = toVtt(t);
    expect(plain.split('\n')[2]).toMatch(TIMING_VTT);
    const withIds = toVtt(t, { vttCueIds: true });
    const ids = withIds
      .split('\n\n')
      .slice(1)
      .map((b) => b.split('\n')[0]);
    expect(ids).toEqual(ids.map((_, k) => String(k + 1)));
  });

  it('writes an empty transcript as a header only', () => {
    const empty = transcript([]);
    expect(toVtt(empty)).toBe('WEBVTT\n');
    expect(toSrt(empty)).toBe('');
  });

  it('writes transcripts longer than 24 hours with growing hours', () => {
    const long = transcript([...say('Start.', 0), ...say('Still recording.', 90_000_000)]);
    const vtt = toVtt(long);
    expect(vtt).toContain('25:00:00.000 --> ');
    expect(toSrt(long)).toContain('25:00:00,000 --> ');
    expect(cuesToVtt(buildCues(long))).toBe(vtt);
    expect(cuesToSrt(buildCues(long))).toBe(toSrt(long));
  });
});

describe('options', () => {
  it('resolves the Netflix defaults and the presets', () => {
    const o = resolveCaptionOptions();
    expect([
      o.maxLineChars,
      o.maxLines,
      o.targetCps,
      o.maxCps,
      o.minDurationMs,
      o.maxDurationMs,
      o.minGapMs,
    ]).toEqual([42, 2, 17, 20, 1000, 7000, 83]);
    expect(resolveCaptionOptions({ preset: 'bbc' }).maxLineChars).toBe(37);
    expect(resolveCaptionOptions({ preset: 'dcmp' }).maxLineChars).toBe(32);
    expect(resolveCaptionOptions({ preset: 'bbc', maxLineChars: 40 }).maxLineChars).toBe(40);
    expect(Object.keys(captionPresets).sort()).toEqual(['bbc', 'dcmp', 'netflix']);
  });

  it('refuses bad values with OptionsError', () => {
    const bad = [
      { preset: 'youtube' },
      { maxLineChars: 0 },
      { maxLineChars: 41.5 },
      { maxLines: 4 },
      { targetCps: 21 },
      { minDurationMs: 8000 },
      { minGapMs: -1 },
      { speakerLabels: 'caps' },
      { srtIndexBase: 2 },
      { startOffsetMs: 0.5 },
      { confidenceMarker: { below: 2 } },
    ];
    for (const options of bad) {
      expect(() => resolveCaptionOptions(options as never)).toThrow(OptionsError);
      expect(() => toSrt(transcript(say('Hello.', 0)), options as never)).toThrow(OptionsError);
    }
    expect(() => resolveCaptionOptions({ maxLines: 4 })).toThrowErrorMatchingInlineSnapshot(
      `[OptionsError: \`maxLines\` must be an integer from 1 to 3]`,
    );
  });

  it('keeps srt and vtt in the registry with their names', async () => {
    const t = transcript(say('Hello there.', 0));
    const [srt, vtt] = await render(t, ['srt', 'vtt']);
    expect(srt!.data).toBe(toSrt(t));
    expect(vtt!.data).toBe(toVtt(t));
  });
});
