// Options shared by every exporter, and the exporter interface the registry uses.
import type { RedactOptions, Transcript } from '@scribekit/core';

/** Options every exporter understands. */
export interface CommonOptions {
  /** Display names by speaker or channel id: `{ spk_0: 'Dr. Rivera', ch_1: 'Patient' }`. */
  readonly speakerNames?: Readonly<Record<string, string>> | undefined;
  /** Replace PHI with typed placeholders (core's `redact`) before writing. */
  readonly redact?: boolean | RedactOptions | undefined;
}

/** A writer producing text (SRT, WebVTT, FHIR, …). */
export interface TextExporter<O> {
  readonly kind: 'text';
  /** File extension without the dot. */
  readonly extension: string;
  readonly mediaType: string;
  /** True when the output holds the transcript's words (so it carries PHI unless redacted). */
  readonly containsText: boolean;
  readonly write: (t: Transcript, options?: O) => string;
}

/** A writer producing bytes (DOCX). */
export interface BinaryExporter<O> {
  readonly kind: 'binary';
  readonly extension: string;
  readonly mediaType: string;
  readonly containsText: boolean;
  readonly write: (t: Transcript, options?: O) => Promise<Uint8Array>;
}

export type Exporter<O = never> = TextExporter<O> | BinaryExporter<O>;
