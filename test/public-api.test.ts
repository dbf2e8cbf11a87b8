// The public API of every package entry, pinned as sorted name lists (issue 13): a new export, or a removed one,
// fails here until the list is changed on purpose. `@scribekit/core` itself is pinned in
// packages/core/test/exports.test.ts. A subpath entry exports the same objects as the main entry, not copies.
import { describe, expect, it } from 'vitest';

const EXPORTERS = [
  'CONFIDENTIALITY_CODES',
  'HL7_ACKNOWLEDGMENT_TYPES',
  'HL7_CHARSET',
  'HL7_DELIMITERS',
  'HL7_DOCUMENT_AVAILABILITY_STATUSES',
  'HL7_DOCUMENT_COMPLETION_STATUSES',
  'HL7_DOCUMENT_CONFIDENTIALITY_STATUSES',
  'HL7_DOCUMENT_TYPES',
  'HL7_OBSERVATION_RESULT_STATUSES',
  'HL7_PATIENT_CLASSES',
  'HL7_PROCESSING_IDS',
  'HL7_SENDING_APPLICATION',
  'HL7_VERSION',
  'MDM_EVENTS',
  'NOTE_TYPES',
  'SECTION_CODES',
  'buildAck',
  'buildCues',
  'buildDocumentBundle',
  'buildDocumentReference',
  'buildFhirResource',
  'buildMdm',
  'buildMdmMessage',
  'buildTransactionBundle',
  'captionPresets',
  'captionQuality',
  'captionRules',
  'checkExportOptions',
  'checkOptionTypes',
  'countUnrepresentable',
  'cueCps',
  'cuesToSrt',
  'cuesToVtt',
  'displayName',
  'documentLayout',
  'docxDefaults',
  'escapeFormattedText',
  'escapeHl7',
  'escapeMarkdown',
  'exportOptionSpecs',
  'exporters',
  'formats',
  'getExporter',
  'hl7DateTime',
  'hl7DateTimeToIso',
  'htmlDefaults',
  'htmlOptionSpecs',
  'isAccepted',
  'isDictation',
  'mdmInputOf',
  'messageHeader',
  'optionSpec',
  'paragraphText',
  'parseAck',
  'prepare',
  'randomControlId',
  'rangeText',
  'render',
  'renderContext',
  'resolveCaptionOptions',
  'resolveFormats',
  'resourceToJson',
  'resourceToXml',
  'sectionCodings',
  'splitLines',
  'toDocx',
  'toFhirJson',
  'toFhirXml',
  'toHl7',
  'toHtml',
  'toJson',
  'toMarkdown',
  'toSrt',
  'toText',
  'toVtt',
  'unescapeHl7',
  'uuidV5',
];

const EXPORTERS_RENDER = [
  'checkExportOptions',
  'exporters',
  'formats',
  'getExporter',
  'render',
  'renderContext',
  'resolveFormats',
];

const EXPORTERS_OPTIONS = [
  'checkOptionTypes',
  'checkType',
  'exportOptionSpecs',
  'hasType',
  'optionSpec',
  'requirementOf',
];

const EXPORTERS_HL7 = [
  'HL7_ACKNOWLEDGMENT_TYPES',
  'HL7_CHARSET',
  'HL7_DELIMITERS',
  'HL7_DOCUMENT_AVAILABILITY_STATUSES',
  'HL7_DOCUMENT_COMPLETION_STATUSES',
  'HL7_DOCUMENT_CONFIDENTIALITY_STATUSES',
  'HL7_DOCUMENT_TYPES',
  'HL7_OBSERVATION_RESULT_STATUSES',
  'HL7_PATIENT_CLASSES',
  'HL7_PROCESSING_IDS',
  'HL7_VERSION',
  'MDM_EVENTS',
  'buildAck',
  'buildMdm',
  'buildMdmMessage',
  'countUnrepresentable',
  'escapeFormattedText',
  'escapeHl7',
  'hl7DateTime',
  'hl7DateTimeToIso',
  'isAccepted',
  'messageHeader',
  'parseAck',
  'randomControlId',
  'splitLines',
  'unescapeHl7',
];

const CLI = ['EXIT', 'createProgram', 'exitCodeFor', 'run', 'version'];

const CLI_LAMBDA = [
  'OUTPUT_METADATA',
  'PermanentFailuresError',
  'configFromEnv',
  'createHandler',
  'decodeEventKey',
  'handler',
  'ignoredKey',
  'normalizePrefix',
  'outputKey',
];

const CORE_ERRORS = [
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
  'invalidOption',
  'isTranscriptError',
  'libraryOptionName',
  'renderOptionTemplate',
];

const pinned: readonly (readonly [string, readonly string[]])[] = [
  ['@scribekit/exporters', EXPORTERS],
  ['@scribekit/exporters/render', EXPORTERS_RENDER],
  ['@scribekit/exporters/options', EXPORTERS_OPTIONS],
  ['@scribekit/exporters/hl7', EXPORTERS_HL7],
  ['@scribekit/cli', CLI],
  ['@scribekit/cli/lambda', CLI_LAMBDA],
  ['@scribekit/core/errors', CORE_ERRORS],
];

describe('public API', () => {
  for (const [entry, names] of pinned) {
    it(`${entry} exports exactly its pinned names`, async () => {
      expect(Object.keys(await import(entry)).sort()).toEqual(names);
    });
  }

  it('subpath entries export the very objects of the main entries', async () => {
    const exporters = (await import('@scribekit/exporters')) as Record<string, unknown>;
    const core = (await import('@scribekit/core')) as Record<string, unknown>;
    const pairs = [
      [exporters, await import('@scribekit/exporters/render')],
      [exporters, await import('@scribekit/exporters/options')],
      [exporters, await import('@scribekit/exporters/hl7')],
      [core, await import('@scribekit/core/errors')],
    ] as const;
    for (const [main, sub] of pairs)
      for (const [name, value] of Object.entries(sub)) if (name in main) expect(main[name], name).toBe(value);
  });
});
