import * as core from '@scribekit/core';
import { expect, expectTypeOf, it } from 'vitest';

it('core exports exactly its public API', () => {
  expect(Object.keys(core).sort()).toEqual([
    'ExportError',
    'FetchError',
    'InvalidEncodingError',
    'InvalidJsonError',
    'JobStatusError',
    'NoPhiEntitiesError',
    'OptionsError',
    'RedactionError',
    'TranscriptError',
    'TranscriptParseError',
    'UnknownFormatError',
    'UnsupportedFormatError',
    'addPhiEntities',
    'analyze',
    'analyzeDefaults',
    'buildTranscript',
    'cleanText',
    'codePointLength',
    'compareLabels',
    'decodeText',
    'detectKind',
    'entitiesFromOffsets',
    'formatClock',
    'inferLanguage',
    'invalidOption',
    'isNumeric',
    'isTranscriptError',
    'joinTokens',
    'libraryOptionName',
    'locateJsonFault',
    'mergePhiEntities',
    'messageValue',
    'needsSpaceBefore',
    'parseHealthScribeSummary',
    'parseHealthScribeTranscript',
    'parseJsonText',
    'parseStreamingEvents',
    'parseTranscribeBatch',
    'parseTranscript',
    'phiTextOf',
    'phiTypeOf',
    'redact',
    'renderOptionTemplate',
    'secondsToMs',
    'toJsonValue',
    'transcriptText',
    'utf16Offsets',
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
