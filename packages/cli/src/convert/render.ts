// Rendering one transcript into the requested formats. Loaded lazily (it pulls in every exporter).
import { ExportError, isTranscriptError, type Transcript, UnknownFormatError } from '@scribekit/core';
import {
  formats as allFormats,
  type ExportOptions,
  exporters,
  type Format,
  getExporter,
} from '@scribekit/exporters';

export type { Format };

export interface RenderedOutput {
  readonly format: Format;
  /** File extension without the dot, e.g. `srt`, `fhir.json`. */
  readonly extension: string;
  readonly mediaType: string;
  readonly data: string | Uint8Array;
  /** The output holds unredacted transcript words, i.e. PHI (written with mode 0600). */
  readonly containsPhi: boolean;
}

/**
 * Formats from a spec: a comma-separated list (`srt,vtt`), `all`, or a mix; duplicates are dropped and the
 * order is kept. Throws UnknownFormatError listing the valid names.
 */
export function resolveFormats(spec: string | readonly string[]): Format[] {
  const names = (typeof spec === 'string' ? spec.split(',') : spec.flatMap((s) => s.split(',')))
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UnknownFormatError('', [...allFormats, 'all']);
  const out = new Set<Format>();
  for (const name of names) {
    if (name === 'all') for (const f of allFormats) out.add(f);
    else if (Object.hasOwn(exporters, name)) out.add(name as Format);
    else throw new UnknownFormatError(name, [...allFormats, 'all']);
  }
  return [...out];
}

/** Whether a format writes text (so it can go to stdout). */
export function isTextFormat(format: Format): boolean {
  return exporters[format].kind === 'text';
}

/** The extension of a format's files. */
export function extensionOf(format: Format): string {
  return exporters[format].extension;
}

/**
 * Renders the transcript in each format, in order. `containsPhi` is true for outputs with transcript words
 * unless redaction was asked for or the transcript is already redacted.
 */
export async function renderOutputs(
  t: Transcript,
  formats: readonly Format[],
  options: ExportOptions,
): Promise<RenderedOutput[]> {
  const redacted = Boolean(options.redact) || t.redaction !== undefined;
  const out: RenderedOutput[] = [];
  for (const format of formats) {
    const exporter = getExporter(format);
    let data: string | Uint8Array;
    try {
      data = exporter.kind === 'text' ? exporter.write(t, options) : await exporter.write(t, options);
    } catch (error) {
      // Typed errors (OptionsError, ExportError) keep their exit code; anything else is an export failure.
      if (isTranscriptError(error)) throw error;
      throw new ExportError(
        `Cannot write ${format}: ${error instanceof Error ? error.message : 'unknown error'}`,
        {
          cause: error,
        },
      );
    }
    out.push({
      format,
      extension: exporter.extension,
      mediaType: exporter.mediaType,
      data,
      containsPhi: exporter.containsText && !redacted,
    });
  }
  return out;
}
