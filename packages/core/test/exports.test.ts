import * as core from '@scribekit/core';
import { expect, expectTypeOf, it } from 'vitest';

it('core exports exactly its public API', () => {
  expect(Object.keys(core).sort()).toEqual([
    'ExportError',
    'FetchError',
    'InvalidJsonError',
    'JobStatusError',
    'OptionsError',
    'TranscriptError',
    'TranscriptParseError',
    'UnknownFormatError',
    'UnsupportedFormatError',
    'analyze',
    'analyzeDefaults',
    'buildTranscript',
    'compareLabels',
    'decodeText',
    'detectKind',
    'formatClock',
    'inferLanguage',
    'isNumeric',
    'isTranscriptError',
    'joinTokens',
    'locateJsonFault',
    'needsSpaceBefore',
    'parseHealthScribeSummary',
    'parseHealthScribeTranscript',
    'parseJsonText',
    'parseStreamingEvents',
    'parseTranscribeBatch',
    'parseTranscript',
    'phiTypeOf',
    'redact',
    'secondsToMs',
    'toJsonValue',
    'transcriptText',
  ]);
});

it('analyze and redact have the documented signatures', () => {
  expectTypeOf(core.analyze).parameters.toEqualTypeOf<
    [core.Transcript, (core.AnalyzeOptions | undefined)?]
  >();
  expectTypeOf(core.analyze).returns.toEqualTypeOf<core.Analysis>();
  expectTypeOf(core.redact).returns.toEqualTypeOf<core.Transcript>();
  expectTypeOf<core.Transcript['insights']>().toEqualTypeOf<readonly core.ClinicalInsight[] | undefined>();
});
