import { isTranscriptError, parseTranscript, TranscriptError } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { loadManifest, readCorpus } from '../../../test/support/corpus.js';

const manifest = loadManifest();

describe('corpus conformance: batch transcripts match the manifest', () => {
  for (const e of manifest.filter((m) => m.kind === 'transcribe-batch')) {
    it(`${e.file}`, () => {
      const t = parseTranscript(readCorpus(e.file), { file: e.file });
      expect(t.tokens.length).toBe(e.items);
      expect(t.tokens.filter((k) => k.kind === 'word').length).toBe(e.pronunciationItems);
      expect(t.tokens.filter((k) => k.kind === 'punctuation').length).toBe(e.punctuationItems);
      expect(t.durationMs).toBe(Math.round((e.durationSeconds ?? 0) * 1000));
      expect(t.speakers.length).toBe(e.speakers);
      expect(t.channels.length).toBe(e.channels);
      if (e.speakersDeclared != null) expect(t.metadata.speakersDeclared).toBe(e.speakersDeclared);
      if (e.language) expect(t.metadata.languageCode).toBe(e.language);
    });
  }
});

describe('corpus conformance: broken and look-alike files are refused with typed errors', () => {
  for (const e of manifest.filter((m) => m.expected === 'reject')) {
    it(`${e.file}`, () => {
      let caught: unknown;
      try {
        parseTranscript(readCorpus(e.file), { file: e.file });
      } catch (error) {
        caught = error;
      }
      expect(isTranscriptError(caught)).toBe(true);
      const err = caught as TranscriptError;
      expect(err).toBeInstanceOf(TranscriptError);
      expect(err.message).toContain(e.file);
      if (e.kind === 'call-analytics') expect(err.code).toBe('E_UNSUPPORTED_FORMAT');
      else expect(err.code).toBe('E_JSON');
    });
  }
});
