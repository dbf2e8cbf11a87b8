import { buildCues, captionQuality, resolveCaptionOptions, toSrt, toVtt } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { captionProblems } from '../../../test/support/captions.js';
import { breakCost } from '../src/captions/line-break.js';
import { say, transcript, type W } from './caption-helpers.js';

const defaults = resolveCaptionOptions();

describe('segmentation', () => {
  it('never lets a cue cross a speaker change, and labels each change', () => {
    const t = transcript([
      ...say('Good morning. How are you?', 0, 300, 'spk_0'),
      ...say('Fine.', 1900, 300, 'spk_1'),
    ]);
    const cues = buildCues(t);
    expect(cues.map((c) => c.speaker)).toEqual(['spk_0', 'spk_1']);
    expect(cues.map((c) => c.label)).toEqual(['SPK_0:', 'SPK_1:']);
    expect(cues[1]!.lines).toEqual(['SPK_1: Fine.']);
    expect(captionProblems(t, cues, defaults)).toEqual([]);
  });

  it('starts a new cue at a long pause without repeating the label', () => {
    const t = transcript([
      ...say('One two three.', 0, 300, 'spk_0'),
      ...say('Four five.', 5000, 300, 'spk_0'),
      ...say('Six.', 7000, 300, 'spk_1'),
    ]);
    const cues = buildCues(t);
    expect(cues).toHaveLength(3);
    expect(cues.map((c) => c.label)).toEqual(['SPK_0:', null, 'SPK_1:']);
    expect(cues.map((c) => c.voice)).toEqual(['spk_0', 'spk_0', 'spk_1']);
  });

  it('uses the speaker-name map for labels and voices, in every label style', () => {
    const words = [...say('Hello there.', 0, 300, 'spk_0'), ...say('Hi.', 1000, 300, 'spk_1')];
    const t = transcript(words);
    const speakerNames = { spk_0: 'Dr. Rivera', spk_1: 'Patient' };
    expect(buildCues(t, { speakerNames }).map((c) => c.lines[0])).toEqual([
      'DR. RIVERA: Hello there.',
      'PATIENT: Hi.',
    ]);
    expect(buildCues(t, { speakerNames, speakerLabels: 'brackets' }).map((c) => c.label)).toEqual([
      '[Dr. Rivera]',
      '[Patient]',
    ]);
    const none = buildCues(t, { speakerNames, speakerLabels: 'none' });
    expect(none.map((c) => c.label)).toEqual([null, null]);
    expect(none.map((c) => c.voice)).toEqual(['Dr. Rivera', 'Patient']);
    expect(toVtt(t, { speakerNames })).toContain('<v Dr. Rivera>DR. RIVERA: Hello there.</v>');
  });

  it('writes dictations without speakers: no label, no voice span', () => {
    const t = transcript(say('The patient is stable. Continue the current plan.', 0));
    const cues = buildCues(t);
    expect(cues.every((c) => c.label === null && c.voice === null)).toBe(true);
    expect(toVtt(t)).not.toContain('<v');
    expect(captionProblems(t, cues, defaults)).toEqual([]);
  });

  it('prefers a sentence end for the cue break', () => {
    const text =
      'The blood pressure was fine today. We will continue the same dose and check again next month.';
    const cues = buildCues(transcript(say(text, 0, 250)));
    expect(cues.length).toBeGreaterThan(1);
    expect(cues[0]!.lines.at(-1)).toMatch(/today\.$/);
  });

  it('never ends a line or cue after an article when another break fits', () => {
    const text =
      'We reviewed the results of the scan with the radiologist and the cardiologist yesterday afternoon';
    for (const c of buildCues(transcript(say(text, 0, 200)))) {
      for (const line of c.lines) expect(line).not.toMatch(/\b(the|a|an)$/i);
    }
  });

  it('keeps an infinitive `to` with its verb but breaks before a preposition `to`', () => {
    expect(breakCost('need', 'to')).toBeGreaterThan(breakCost('went', 'to'));
    expect(breakCost('the', 'patient')).toBe(8);
    expect(breakCost('Mr.', 'Ortega')).toBe(8);
    expect(breakCost('today.', 'We')).toBe(0);
    expect(breakCost('fifty', 'two')).toBe(6);
  });

  it('balances two lines and keeps each within the limit', () => {
    const text = 'Take one tablet of the new medication every morning with a full glass of water';
    const [cue] = buildCues(transcript(say(text, 0, 150)));
    expect(cue!.lines).toHaveLength(2);
    const [a, b] = cue!.lines.map((l) => l.length) as [number, number];
    expect(Math.max(a, b)).toBeLessThanOrEqual(42);
    expect(Math.abs(a - b)).toBeLessThan(20);
  });

  it('keeps a word longer than a line whole, in a cue of its own, and reports it', () => {
    const long = 'pneumonoultramicroscopicsilicovolcanoconiosis-like-condition';
    const t = transcript([...say('The patient has', 0), [long, 900, 1900], ...say('again.', 2000)]);
    const cues = buildCues(t);
    const alone = cues.find((c) => c.lines.join(' ').includes(long))!;
    expect(alone.words).toBe(1);
    const v = captionQuality(cues).violations.filter((x) => x.rule === 'lineLength');
    expect(v.length).toBe(1);
    expect(v[0]!.singleWord).toBe(true);
    expect(captionProblems(t, cues, defaults)).toEqual([]);
  });

  it('splits speech longer than the maximum duration', () => {
    const t = transcript(say('a b c d e f g h i j k l m n o p q r s t', 0, 1000));
    const cues = buildCues(t);
    for (const c of cues) expect(c.speechEndMs - c.speechStartMs).toBeLessThanOrEqual(7000);
    expect(captionProblems(t, cues, defaults)).toEqual([]);
  });

  it('respects every overridden number and the presets', () => {
    const text =
      'Please call the office if the swelling gets worse or if you develop a fever over the weekend.';
    const t = transcript(say(text, 0, 200));
    for (const [opts, cpl] of [
      [{}, 42],
      [{ preset: 'bbc' }, 37],
      [{ preset: 'dcmp' }, 32],
      [{ preset: 'dcmp', maxLineChars: 20 }, 20],
    ] as const) {
      const cues = buildCues(t, opts);
      for (const c of cues) for (const l of c.lines) expect(l.length).toBeLessThanOrEqual(cpl);
      expect(captionProblems(t, cues, resolveCaptionOptions(opts))).toEqual([]);
    }
    expect(buildCues(t, { maxLines: 1 }).every((c) => c.lines.length === 1)).toBe(true);
  });
});

describe('timing', () => {
  it('gives a short cue the minimum duration when the next cue is far', () => {
    const t = transcript([...say('Yes.', 0, 300), ...say('Then we start.', 5000)]);
    const [first] = buildCues(t);
    expect(first!.endMs - first!.startMs).toBe(1000);
  });

  it('caps a cue at the next one minus the minimum gap, and chains small gaps', () => {
    const t = transcript([
      ...say('Yes.', 0, 300, 'spk_0'),
      ...say('No.', 500, 300, 'spk_1'),
      ...say('Okay then.', 1900, 300, 'spk_0'),
    ]);
    const cues = buildCues(t);
    expect(cues[0]!.endMs).toBe(500 - 83);
    // 'No.' ends at 760: extended to 1000 ms on screen (1500), then the 400 ms gap is chained.
    expect(cues[1]!.endMs).toBe(1900 - 83);
  });

  it('extends for reading speed at most 500 ms past the last word', () => {
    const text = 'Hemoglobin A1C is seven point one percent, down from seven point eight.';
    const t = transcript(say(text, 0, 120));
    const [cue] = buildCues(t);
    expect(cue!.endMs).toBe(cue!.speechEndMs + 500);
  });

  it('keeps cues of one speaker stream from overlapping even with zero-length and same-time words', () => {
    const t = transcript([
      ['a', 100, 100, 'spk_0'],
      ['b', 100, 100, 'spk_1'],
      ['c', 100, 100, 'spk_0'],
      ['d', 150, 150, 'spk_1'],
    ]);
    const cues = buildCues(t);
    expect(cues).toHaveLength(4);
    expect(captionProblems(t, cues, defaults)).toEqual([]);
    expect(captionQuality(cues).within.overlap).toBe(1);
  });

  it('applies the start offset to every time and refuses one that goes below zero', () => {
    const t = transcript(say('Good morning.', 1000));
    const base = buildCues(t);
    const moved = buildCues(t, { startOffsetMs: 3_600_000 });
    expect(moved.map((c) => c.startMs - 3_600_000)).toEqual(base.map((c) => c.startMs));
    expect(toSrt(t, { startOffsetMs: -500 })).toContain('00:00:00,500 -->');
    expect(() => buildCues(t, { startOffsetMs: -2000 })).toThrowErrorMatchingInlineSnapshot(
      `[OptionsError: \`startOffsetMs\` moves 1 cue(s) before 0]`,
    );
  });
});

describe('channels', () => {
  // Channel 0 keeps talking while channel 1 says "yes" over it: overlapping speech.
  const words: W[] = [
    ...say('So the plan is to start the new inhaler tonight', 0, 300, null, 'ch_0'),
    ['yes', 1250, 1500, null, 'ch_1'],
    ...say('and then call me on Friday.', 3000, 300, null, 'ch_0'),
    ...say('Will do, thank you.', 5200, 300, null, 'ch_1'),
  ];
  const t = transcript(words);

  it('captions each channel on its own: cross-channel overlap allowed, none within a channel', () => {
    const cues = buildCues(t);
    expect(captionProblems(t, cues, defaults)).toEqual([]);
    const q = captionQuality(cues);
    expect(q.crossChannelOverlaps).toBeGreaterThan(0);
    expect(q.within.overlap).toBe(1);
    // The interjection did not cut channel 0's sentence.
    expect(cues.find((c) => c.channel === 'ch_0')!.lines.join(' ')).toContain('the new inhaler tonight');
  });

  it("ends a channel's cue when the other channel takes a turn in its silence", () => {
    const turn = transcript([
      ...say('Which pharmacy do you use', 0, 300, null, 'ch_0'),
      ['Walgreens', 1600, 2100, null, 'ch_1'],
      ...say('okay thanks', 2300, 300, null, 'ch_0'),
    ]);
    const cues = buildCues(turn);
    expect(cues.map((c) => c.channel)).toEqual(['ch_0', 'ch_1', 'ch_0']);
    expect(captionProblems(turn, cues, defaults)).toEqual([]);
    // Without the other channel's word the same pause keeps one cue.
    const alone = transcript([
      ...say('Which pharmacy do you use', 0, 300, null, 'ch_0'),
      ...say('okay thanks', 2300, 300, null, 'ch_0'),
    ]);
    expect(buildCues(alone)).toHaveLength(1);
  });

  it('names channels as speakers (channel-as-speaker) unless turned off', () => {
    const named = buildCues(t, { speakerNames: { ch_0: 'Clinician', ch_1: 'Patient' } });
    expect(named.map((c) => c.voice)).toContain('Clinician');
    expect(named.find((c) => c.channel === 'ch_1')!.label).toBe('PATIENT:');
    const off = buildCues(t, { channelAsSpeaker: false });
    expect(off.every((c) => c.voice === null && c.label === null)).toBe(true);
  });
});

describe('redaction and confidence', () => {
  const words = say('Good morning Mister Ortega, how are you?', 0, 300, 'spk_0');
  const t = transcript(words, [
    { category: 'PHI', type: 'NAME', text: 'Mister Ortega', startMs: 600, endMs: 1160, confidence: 0.99 },
  ]);

  it('writes one placeholder per PHI entity, in place', () => {
    const srt = toSrt(t, { redact: true });
    expect(srt).not.toMatch(/Ortega/);
    expect(srt).toContain('Good morning [NAME], how are you?');
  });

  it('marks low-confidence words only when asked', () => {
    const low = transcript([
      ['maybe', 0, 400],
      ['metoprolol', 450, 1200],
    ]);
    const tokens = low.tokens.map((k, i) => (i === 1 ? { ...k, confidence: 0.3 } : k));
    const lt = { ...low, tokens };
    expect(toSrt(lt)).not.toContain('(?)');
    expect(toSrt(lt, { confidenceMarker: { below: 0.5 } })).toContain('maybe metoprolol(?)');
    expect(toSrt(lt, { confidenceMarker: { below: 0.5, mark: '*' } })).toContain('metoprolol*');
  });
});
