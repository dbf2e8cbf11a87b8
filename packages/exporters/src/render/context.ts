// One export's shared work, done once whatever the number of outputs: option checks, the prepared transcript
// (redacted when asked), and — on first use — each writer group's resolved options, the caption cues (SRT and
// WebVTT share them), the FHIR resource (JSON and XML share it) and the document layout (every full-text writer).
import type { Transcript } from '@scribekit/core';
import { type ResolvedCaptionOptions, resolveCaptionOptions } from '../captions/options.js';
import { prepare } from '../common.js';
import { type ResolvedDocxOptions, resolveDocxOptions } from '../docx/options.js';
import { type ResolvedFhirOptions, resolveFhirOptions } from '../fhir/options.js';
import { buildLayout } from '../layout/build.js';
import { type ResolvedLayoutOptions, resolveLayoutOptions } from '../layout/resolve.js';
import type { DocumentLayout } from '../layout/types.js';
import { commonOptionSpecs, documentOptionSpecs } from '../options/common.js';
import { checkType } from '../options/spec.js';
import type { ExportOptions } from './export-options.js';

export interface RenderContext {
  /** The transcript as given. */
  readonly source: Transcript;
  /** The transcript the writers write: redacted once when `redact` asks for it. */
  readonly t: Transcript;
  readonly options: ExportOptions;
  /** Memoised per context: computed on first use, shared by every writer of this export. */
  once<T>(key: string, make: () => T): T;
  captionOptions(): ResolvedCaptionOptions;
  docxOptions(): ResolvedDocxOptions;
  fhirOptions(): ResolvedFhirOptions;
  layoutOptions(): ResolvedLayoutOptions;
  /** Sections, speaker blocks, paragraphs and numbered items: the one layout of every full-text writer. */
  layout(): DocumentLayout;
}

/** A context for writing `source` with `options` (the options every writer reads are checked here). */
export function renderContext(source: Transcript, given: object = {}): RenderContext {
  const options = given as ExportOptions;
  const values = given as Record<string, unknown>;
  for (const spec of commonOptionSpecs) checkType(spec, values[spec.key]);
  for (const spec of documentOptionSpecs) checkType(spec, values[spec.key]);
  const t = prepare(source, options);
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as T;
  };
  return {
    source,
    t,
    options,
    once,
    captionOptions: () => once('options:captions', () => resolveCaptionOptions(options)),
    docxOptions: () => once('options:docx', () => resolveDocxOptions(options)),
    fhirOptions: () => once('options:fhir', () => resolveFhirOptions(options)),
    layoutOptions: () => once('options:layout', () => resolveLayoutOptions(options)),
    layout: () => once('layout', () => buildLayout(t, resolveLayoutOptions(options), options)),
  };
}
