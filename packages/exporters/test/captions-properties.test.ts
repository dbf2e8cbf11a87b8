// Property tests: random transcripts keep every caption invariant (test/support/captions.ts).
import { buildCues, type CaptionOptions, resolveCaptionOptions, toSrt, toVtt } from '@scribekit/exporters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionProblems } from '../../../test/support/captions.js';
import { transcript, type W } from './caption-helpers.js';

const wordText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'the',
      'patient',
      'is',
      'a',
      'mg',
      '5',
      'and',
      'of',
      'blood',
      'Rivera',
      'x-ray',
      '<b>',
      '&',
      '-->',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() !== '' && !/^[.,?!;:]$/.test(s)),
  },
  {
    weight: 1,
    arbitrary: fc.string({ minLength: 43, maxLength: 70 }).map((s) => `x${s.replace(/\s/g, '')}`),
  },
  { weight: 2, arbitrary: fc.constantFrom('.', ',', '?') },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Random words with non-decreasing starts, zero-length words, pauses, speaker or channel changes. */
const words = fc
  .record({
    mode: fc.constantFrom('none', 'speakers', 'channels'),
    items: fc.array(
      fc.record({
        text: wordText,
        gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 4000 })),
        dur: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 900 }),
          fc.integer({ min: 5000, max: 12000 }),
        ),
        who: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 120 },
    ),
  })
  .map(({ mode, items }) => {
    let t = 0;
    return items.map(({ text, gap, dur, who }): W => {
      t += gap;
      const speaker = mode === 'speakers' ? `spk_${who}` : null;
      const channel = mode === 'channels' ? `ch_${who % 2}` : null;
      // Overlapping speech: a channel word may start before the previous word ends.
      return [text, t, t + dur, speaker, channel];
    });
  });

const options: fc.Arbitrary<CaptionOptions> = fc.record({
  preset: fc.constantFrom('netflix', 'bbc', 'dcmp'),
  maxLines: fc.constantFrom(1, 2, 3),
  speakerLabels: fc.constantFrom('colon', 'brackets', 'none'),
  startOffsetMs: fc.constantFrom(0, 250, 90_000_000),
});

describe('caption properties', () => {
  it('random transcripts keep every invariant', () => {
    fc.assert(
      fc.property(words, options, (w, o) => {
        const t = transcript(w);
        const cues = buildCues(t, o);
        expect(captionProblems(t, cues, resolveCaptionOptions(o))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('SRT and WebVTT have one timing line per cue and well-formed times', () => {
    fc.assert(
      fc.property(words, options, (w, o) => {
        const t = transcript(w);
        const n = buildCues(t, o).length;
        const srt = toSrt(t, o);
        const vtt = toVtt(t, o);
        const srtTimes = srt.split('\n').filter((l) => l.includes(' --> '));
        const vttTimes = vtt.split('\n').filter((l) => l.includes(' --> '));
        expect(srtTimes.length).toBe(n);
        expect(vttTimes.length).toBe(n);
        for (const l of srtTimes) expect(l).toMatch(/^\d{2,}:\d\d:\d\d,\d{3} --> \d{2,}:\d\d:\d\d,\d{3}$/);
        for (const l of vttTimes) expect(l).toMatch(/^\d{2,}:\d\d:\d\d\.\d{3} --> \d{2,}:\d\d:\d\d\.\d{3}$/);
        expect(vtt.replace(/<\/?v[ >][^>]*>?/g, '')).not.toMatch(/[<]/);
        expect(srt.trimEnd().split('\n\n').length).toBe(n === 0 ? 1 : n);
        expect(vtt.trimEnd().split('\n\n').length).toBe(n + 1);
      }),
      { numRuns: 200 },
    );
  });
});
