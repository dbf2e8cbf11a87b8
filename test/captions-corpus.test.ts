// Caption invariants over every parsable corpus transcript (read in place from ../shared/corpus).
import {
  isTranscriptError,
  NoPhiEntitiesError,
  parseTranscript,
  redact,
  type Transcript,
} from '@scribekit/core';
import { buildCues, type CaptionOptions, captionQuality, resolveCaptionOptions } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { captionProblems } from './support/captions.js';
import { loadManifest, readCorpus } from './support/corpus.js';
import { canRedact, redactableTranscript } from './support/phi.js';

/** Files the manifest says parse; kinds core does not convert yet are listed separately, not hidden. */
const parsable: { file: string; t: Transcript; planted: Transcript }[] = [];
const notYet: string[] = [];
for (const e of loadManifest().filter((m) => m.expected !== 'reject')) {
  try {
    parsable.push({
      file: e.file,
      t: parseTranscript(readCorpus(e.file), { file: e.file }),
      // Real files carry no PHI entities: batch files get planted ones (times a little off) to redact.
      planted: redactableTranscript(readCorpus(e.file), e.file),
    });
  } catch (error) {
    if (isTranscriptError(error) && error.code === 'E_UNSUPPORTED_FORMAT' && e.kind !== 'transcribe-batch')
      notYet.push(e.file);
    else throw error;
  }
}

const variants: { name: string; options: CaptionOptions }[] = [
  { name: 'defaults', options: {} },
  {
    name: 'bbc, brackets, 1 h offset',
    options: { preset: 'bbc', speakerLabels: 'brackets', startOffsetMs: 3_600_000 },
  },
  { name: 'dcmp, 3 lines, redacted', options: { preset: 'dcmp', maxLines: 3, redact: true } },
];

describe(`captions over the corpus (${parsable.length} files; kinds core does not convert yet: ${notYet.length})`, () => {
  it('covers every batch transcript of the manifest', () => {
    const batch = loadManifest().filter((m) => m.kind === 'transcribe-batch' && m.expected !== 'reject');
    expect(parsable.length).toBeGreaterThanOrEqual(batch.length);
  });

  for (const { file, t: plain, planted } of parsable) {
    it(file, () => {
      for (const { name, options } of variants) {
        const t = options.redact ? planted : plain;
        if (options.redact && !canRedact(t)) {
          // A kind whose job never looks for PHI (HealthScribe, streaming without identification): refused.
          expect(() => buildCues(t, options)).toThrow(NoPhiEntitiesError);
          continue;
        }
        const words = t.tokens.filter((k) => k.kind === 'word' && k.text !== '').length;
        const cues = buildCues(t, options);
        const shown = options.redact ? redact(t) : t;
        const problems = captionProblems(shown, cues, resolveCaptionOptions(options));
        expect(problems.slice(0, 5), `${name}: ${problems.length} problems`).toEqual([]);
        expect(cues.reduce((n, c) => n + c.words, 0)).toBeGreaterThanOrEqual(words > 0 ? 1 : 0);
        const q = captionQuality(cues, options);
        expect(q.within.overlap).toBe(1);
      }
    });
  }
});
