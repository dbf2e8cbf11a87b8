// One builder for the synthetic transcripts tests make from tokens (instead of the same metadata literal in
// every test file): `testTranscript({ tokens })`, with metadata overrides when a test needs them.
import { buildTranscript, type Transcript, type TranscriptMetadata } from '@scribekit/core';

type BuildInput = Parameters<typeof buildTranscript>[0];

/** Metadata of a synthetic batch transcript: no job, no status, no language unless given. */
export function testMetadata(over: Partial<TranscriptMetadata> = {}): BuildInput['metadata'] {
  return {
    source: 'transcribe-batch',
    jobName: null,
    accountId: null,
    status: null,
    languageCode: null,
    serviceRedacted: null,
    ...over,
  } as BuildInput['metadata'];
}

/** A transcript built (every model invariant enforced) from tokens, entities and metadata overrides. */
export function testTranscript(
  input: Omit<BuildInput, 'metadata'> & { readonly metadata?: Partial<TranscriptMetadata> },
): Transcript {
  const { metadata, ...rest } = input;
  return buildTranscript({ ...rest, metadata: testMetadata(metadata) } as BuildInput);
}
