// The export pipeline (the `@scribekit/exporters/render` entry): one transcript → many formats, with every
// option checked once, the transcript prepared (redacted) once, the caption cues and the FHIR resource built once
// for the formats that share them, and only the requested writers loaded.
import { ExportError, isTranscriptError, type Transcript, UnknownFormatError } from '@scribekit/core';
import { checkOptionTypes } from '../options/index.js';
import { formats as allFormats, exporters, type Format } from '../registry.js';
import { renderContext } from './context.js';
import type { ExportOptions } from './export-options.js';

export { exporters, type Format, formats, getExporter } from '../registry.js';
export { type RenderContext, renderContext } from './context.js';
export type { ExportOptions } from './export-options.js';

export interface RenderedOutput {
  readonly format: Format;
  /** File extension without the dot, e.g. `srt`, `fhir.json`. */
  readonly extension: string;
  readonly mediaType: string;
  readonly data: string | Uint8Array;
  /** The output holds unredacted transcript words, i.e. PHI (written with mode 0600). */
  readonly containsPhi: boolean;
}

export interface CheckOptions {
  /** Options a later step may still supply (e.g. `subject` from a job's tags): missing is not an error yet. */
  readonly later?: readonly string[] | undefined;
}

/**
 * Checks export options for the given formats before any transcript is read: unknown names, wrong types,
 * out-of-range values and contradictions throw one OptionsError naming the option.
 */
export function checkExportOptions(
  formats: readonly Format[],
  options: unknown,
  check: CheckOptions = {},
): void {
  checkOptionTypes(options);
  const later = new Set(check.later ?? []);
  for (const format of formats) exporters[format].check(options as ExportOptions, later);
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

/**
 * Renders the transcript in each format, in order. Throws the first writer's typed error (an untyped failure
 * becomes an ExportError): an export is all or nothing. `containsPhi` is false only for outputs of a redacted
 * transcript (redacted here, or already).
 */
export async function render(
  t: Transcript,
  formats: readonly Format[],
  options: ExportOptions = {},
): Promise<RenderedOutput[]> {
  checkExportOptions(formats, options);
  const writers = await Promise.all(formats.map((f) => exporters[f].load()));
  const ctx = renderContext(t, options);
  const containsPhi = ctx.t.redaction === undefined;
  const out: RenderedOutput[] = [];
  for (const [i, format] of formats.entries()) {
    const entry = exporters[format];
    let data: string | Uint8Array;
    try {
      data = await writers[i]!(ctx);
    } catch (error) {
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
      extension: entry.extension,
      mediaType: entry.mediaType,
      data,
      containsPhi: entry.containsText && containsPhi,
    });
  }
  return out;
}
