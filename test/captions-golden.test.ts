// Golden SRT/WebVTT files for the synthetic fixtures (update with `npx vitest run -u` after review).
import { parseTranscript, redact } from '@scribekit/core';
import { buildCues, type CaptionOptions, resolveCaptionOptions, toSrt, toVtt } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { captionProblems } from './support/captions.js';
import { readFixture } from './support/corpus.js';

const cases: { fixture: string; variant?: string; options?: CaptionOptions }[] = [
  { fixture: 'medical-dictation' },
  { fixture: 'medical-conversation-phi' },
  {
    fixture: 'medical-conversation-phi',
    variant: 'named',
    options: { speakerNames: { spk_0: 'Dr. Rivera', spk_1: 'Patient' } },
  },
  {
    fixture: 'medical-conversation-phi',
    variant: 'redacted',
    options: {
      redact: true,
      speakerNames: { spk_0: 'Dr. Rivera', spk_1: 'Patient' },
      speakerLabels: 'brackets',
    },
  },
  { fixture: 'two-channel' },
  {
    fixture: 'two-channel',
    variant: 'named',
    options: { speakerNames: { ch_0: 'Nurse', ch_1: 'Caller' }, srtIndexBase: 0 },
  },
];

describe('caption golden files', () => {
  for (const { fixture, variant, options = {} } of cases) {
    const name = variant ? `${fixture}.${variant}` : fixture;
    it(name, async () => {
      const t = parseTranscript(readFixture(`transcribe/${fixture}.json`), { file: `${fixture}.json` });
      await expect(toSrt(t, options)).toMatchFileSnapshot(`golden/${name}.srt`);
      await expect(toVtt(t, options)).toMatchFileSnapshot(`golden/${name}.vtt`);
      const shown = options.redact ? redact(t) : t;
      expect(captionProblems(shown, buildCues(t, options), resolveCaptionOptions(options))).toEqual([]);
    });
  }

  it('the redacted variant has no PHI word and one placeholder for each entity', () => {
    const t = parseTranscript(readFixture('transcribe/medical-conversation-phi.json'));
    const phiWords = t.entities
      .flatMap((e) => t.tokens.slice(e.firstToken, e.endToken))
      .filter((k) => k.kind === 'word');
    expect(phiWords.length).toBeGreaterThan(0);
    const vtt = toVtt(t, { redact: true });
    for (const w of new Set(phiWords.map((k) => k.text))) expect(vtt).not.toMatch(new RegExp(`\\b${w}\\b`));
    expect(vtt.match(/\[(NAME|DATE|PHONE|CONTACT|[A-Z]+)\]/g)?.length).toBe(t.entities.length);
  });
});
