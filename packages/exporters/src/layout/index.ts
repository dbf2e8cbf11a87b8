// The layout as a library function, for writers outside this package and for tests.
import type { Transcript } from '@scribekit/core';
import { renderContext } from '../render/context.js';
import type { ExportOptions } from '../render/export-options.js';
import type { DocumentLayout } from './types.js';

/**
 * The document layout of `t` with `options` (redacted first when `redact` asks): the same sections, blocks,
 * paragraphs and numbered items every full-text writer uses.
 */
export function documentLayout(
  t: Transcript,
  options: ExportOptions = {},
): { t: Transcript; layout: DocumentLayout } {
  const ctx = renderContext(t, options);
  return { t: ctx.t, layout: ctx.layout() };
}
