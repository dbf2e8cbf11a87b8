import * as core from '@scribekit/core';
import { expect, expectTypeOf, it } from 'vitest';

it('core exports exactly its public API', () => {
  expect(Object.keys(core).sort()).toEqual([
    'CORRECTIONS_FORMAT',
    'CORRECTIONS_VERSION',
    'CorrectionsError',
    'ExportError',
    'FHIR_REFERENCE_TAGS',
    'FetchError',
    'HEADINGS',
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
    'applyCorrections',
    'buildTranscript',
    'cleanText',
    'codePointLength',
    'commandDefaults',
    'compareLabels',
    'contentHash',
    'decodeText',
    'detectKind',
    'detectSections',
    'entitiesFromOffsets',
    'formatClock',
    'inferLanguage',
    'invalidOption',
    'isNumeric',
    'isTranscriptError',
    'joinTokens',
    'libraryOptionName',
    'listDefaults',
    'locateJsonFault',
    'mergePhiEntities',
    'messageValue',
    'needsSpaceBefore',
    'numberedItems',
    'paragraphBreaks',
    'paragraphDefaults',
    'parseCorrections',
    'parseHealthScribeSummary',
    'parseHealthScribeTranscript',
    'parseJobDescription',
    'parseJsonText',
    'parseStreamingEvents',
    'parseTranscribeBatch',
    'parseTranscript',
    'phiTextOf',
    'phiTypeOf',
    'redact',
    'renderOptionTemplate',
    'secondsToMs',
    'sectionDefaults',
    'sha256Hex',
    'spokenCommands',
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

it('the dictation functions read canonical tokens over a range', () => {
  expectTypeOf<core.Token>().toMatchTypeOf<core.DictationToken>();
  expectTypeOf(core.detectSections).returns.toEqualTypeOf<core.DetectedSection[]>();
  expectTypeOf(core.numberedItems).returns.toEqualTypeOf<core.NumberedItem[]>();
  expectTypeOf(core.spokenCommands).returns.toEqualTypeOf<core.SpokenCommand[]>();
  expectTypeOf(core.paragraphBreaks).returns.toEqualTypeOf<number[]>();
  expectTypeOf(core.HEADINGS).toEqualTypeOf<readonly core.HeadingSpec[]>();
});
